/**
 * Family A (the environment): a key that lives in an environment variable or a secret ref and does
 * not reach the gateway (branches.md §A: env_not_visible_to_service, secret_ref_unresolved,
 * env_var_name_unrecognized). The auth store's part is in ./api-key-setup.ts.
 */
import { errorProvider, errorsWith, providerLine, statements } from '../signals.ts';
import type { Rule } from '../types.ts';
import type { EvidenceView } from '../view.ts';
import { envVarFor, namesSet, RIGHT_NAME } from './env-names.ts';
import { mainNoKey, PRESENT } from './shared.ts';

const DOCS_ENV = 'https://docs.openclaw.ai/help/environment';
const ENV_LINE = "echo '<VAR>=<your key>' >> ~/.openclaw/.env";
const SERVICE_ENV = "`{quote}`: a service gets only the env it was started with, not your shell's.";
const OWN_ENV = 'the gateway runs as a service, with its own environment';
const RENAME_LINE = "echo '<RIGHT_NAME>=<value>' >> ~/.openclaw/.env";
const MISNAMED = '`{name}` is not a name OpenClaw reads; it reads `{rightName}`.';

export const envNotVisibleToService: Rule = {
  id: 'env_not_visible_to_service',
  family: 'api-key',
  title: 'The gateway service does not see the key or login your shell has',
  priority: 45,
  beats: ['no_credentials'],
  then: '`openclaw gateway restart`, then `openclaw models status`',
  docs: DOCS_ENV,
  commands: [],
  signals: [
    {
      // The Claude CLI login was renewed (our step) and the gateway still says it expired: the service
      // runs as another user or with another HOME / CLAUDE_CONFIG_DIR than the terminal.
      error: ['cli_login_expired', 'login_expired_copy'],
      with: { fact: 'failed_suggestion', where: { branch: 'claude_cli_login_expired' }, cite: false },
      specificity: 1,
      reason: '`{quote}` after the login was renewed: the gateway service does not see the login your terminal has.',
      text: 'the Claude CLI login still expired after Pincer had it renewed',
    },
    {
      fact: 'cli_env_key',
      reason: "The CLI sees `{sourceLabel}` but the gateway run says `{quote}`: the service does not have your shell's env.",
      text: '`No API key found` at run time while the CLI sees `source=env:`',
    },
    {
      fact: 'shell_export',
      with: { fact: 'failing_service' },
      specificity: 1,
      reason: 'The gateway runs as a service and the key was set only in a shell: services do not inherit shell exports.',
      text: 'the gateway runs under systemd/launchd/a container and the key was exported only in a shell',
    },
    {
      fact: 'env_failure',
      where: { noKey: true },
      with: { fact: 'shell_export' },
      verdict: 'possible',
      reason: '`{quote}` although you set the variable in a shell',
      text: '`No API key found` although the key was exported in a shell',
    },
    // "The systemd gateway cannot find KIMI_API_KEY" (the CLI sees it).
    { statement: ['service_env'], with: { fact: 'service_run' }, reason: SERVICE_ENV, text: 'the user says the service does not see the variable, and it runs as a service' },
    { statement: ['service_env'], reason: SERVICE_ENV, text: 'the user says the service does not see the variable' },
    // Both: the key works where the shell runs and not in the service, which has its own env.
    {
      statement: ['works_elsewhere'],
      with: { fact: 'failing_service', where: { noKey: true } },
      reason: "It works from your shell and the gateway service says `{with.failure}`: the service does not have your shell's env.",
      text: 'it works from the shell, the gateway runs as a service, and it says `No API key found`',
    },
    // "Works in the terminal, not in Discord", or a service (VPS, Docker, launchd) and a failure: the service's env may lack it.
    { statement: ['works_elsewhere'], with: { fact: 'failing_service' }, verdict: 'possible', reason: OWN_ENV, text: 'it works elsewhere, and a service fails' },
    { statement: ['works_elsewhere'], with: { fact: 'env_failure' }, verdict: 'possible', reason: OWN_ENV, text: 'it works elsewhere, and a failure' },
    { fact: 'failing_service', verdict: 'possible', reason: OWN_ENV, text: 'the gateway runs as a service, and a failure' },
  ],
  steps: [
    {
      versions: 'any',
      command: ENV_LINE,
      runIn: 'gateway_host',
      why: 'Type this on the gateway host, with your key in place of `<your key>` (never in Discord): the gateway reads `~/.openclaw/.env` at start, whatever started it.',
      then: 'Then `openclaw gateway restart` and `openclaw models status`.',
    },
    {
      case: 'cli_login',
      versions: 'any',
      command: 'openclaw gateway status',
      runIn: 'gateway_host',
      why: 'It shows how the gateway service runs (`Service:`, `Config (service)`): the Claude CLI login must exist for that user, in that HOME (or the `CLAUDE_CONFIG_DIR` the service gets).',
      then: 'Run `claude auth login` as that user, then `openclaw gateway restart` and retry.',
    },
  ],
  // The renewed Claude CLI login still fails: check the service's user and HOME first.
  stepCase: (ctx) => (ctx.view.failed.some((f) => f.branch === 'claude_cli_login_expired') ? 'cli_login' : undefined),
  values(ctx) {
    const noKey = mainNoKey(ctx.view).at(-1);
    const p = (noKey ? errorProvider(noKey) : undefined) ?? 'anthropic';
    return { '<VAR>': providerLine(ctx.view, p)?.line.env?.variable ?? statements(ctx.view, 'service_env').find((s) => s.value)?.value ?? envVarFor(p) };
  },
};

export const secretRefUnresolved: Rule = {
  id: 'secret_ref_unresolved',
  family: 'api-key',
  title: 'A profile points at an env variable that is not set',
  priority: 50,
  beats: ['no_credentials', 'env_not_visible_to_service'],
  then: '`openclaw gateway restart`, then `openclaw models status`',
  docs: DOCS_ENV,
  commands: [],
  signals: [
    {
      error: ['startup_secrets_unavailable', 'missing_env_var'],
      text: '`Startup failed: required secrets are unavailable` / `Missing env var "<VAR>" referenced at config path` / ≥8.1 an agent run\'s `Environment variable "<VAR>" is missing or empty.`',
      reason: "`{quote}`: the secret's env variable is not set where the gateway runs.",
    },
    {
      fact: 'status_credential',
      where: { envRef: PRESENT, profileId: PRESENT, lineEnv: false },
      reason: '`{envRefLabel}` with no `env=` bit: `{envRef}` is not set.',
      text: 'a label `ref(env:<VAR>)` (or `token:ref(…)`) with no `env=` bit for it',
    },
    {
      fact: 'models_status',
      latest: true,
      each: 'probes',
      where: { reasonCode: 'unresolved_ref' },
      quote: '{profile}: unresolved_ref',
      reason: 'probe `{quote}`',
      text: 'probe reason `unresolved_ref`',
    },
  ],
  steps: [
    {
      versions: 'any',
      command: "echo '<VAR>=<value>' >> ~/.openclaw/.env",
      runIn: 'gateway_host',
      why: 'Type this on the gateway host with the secret in place of `<value>` (never in Discord), so the reference resolves.',
      then: 'Then `openclaw gateway restart` and `openclaw models status`.',
    },
  ],
  values: (ctx) => ({ '<VAR>': refVariable(ctx.view) }),
};

function refVariable(view: EvidenceView): string | undefined {
  const err = errorsWith(view, 'missing_env_var', 'startup_secrets_unavailable').find((e) => e.variable);
  if (err?.variable) return err.variable;
  for (const line of view.latest('models_status')?.providers ?? []) {
    for (const p of line.profiles) if (p.credential.form === 'ref' && p.credential.source === 'env') return p.credential.id;
  }
  return undefined;
}

export const envVarNameUnrecognized: Rule = {
  id: 'env_var_name_unrecognized',
  family: 'api-key',
  title: 'The key is set under a name OpenClaw does not read',
  priority: 48,
  beats: ['no_credentials', 'env_not_visible_to_service'],
  then: '`openclaw gateway restart`, then `openclaw models status`',
  docs: DOCS_ENV,
  commands: [],
  // The names people use instead are data: ./env-names.ts RIGHT_NAME.
  signals: [
    {
      fact: 'misnamed_env',
      where: { said: false },
      reason: MISNAMED,
      text: 'the key is set (`export`, `env.X` config) under a name OpenClaw does not read: `CLAUDE_CODE_OAUTH_TOKEN`, `OPEN_ROUTER_API_KEY`, `ANTHROPIC_KEY`, `CLAUDE_API_KEY` … (§5.1)',
    },
    { fact: 'misnamed_env', where: { said: true }, specificity: 1, reason: MISNAMED, text: 'the user says they set the key under such a name' },
  ],
  steps: [
    {
      versions: 'any',
      command: RENAME_LINE,
      runIn: 'gateway_host',
      why: 'Type this on the gateway host with the key in place of `<value>`, never in Discord.',
      then: 'Then `openclaw gateway restart` and `openclaw models status`.',
    },
    {
      case: 'named',
      versions: 'any',
      command: RENAME_LINE,
      runIn: 'gateway_host',
      why: 'Type this on the gateway host with the key in place of `<value>` (the value you had in `<name>`), never in Discord.',
      then: 'Then `openclaw gateway restart` and `openclaw models status`.',
    },
  ],
  stepCase: (ctx) => (namesSet(ctx.view).some((n) => RIGHT_NAME[n.name]) ? 'named' : undefined),
  values(ctx) {
    const seen = namesSet(ctx.view).find((n) => RIGHT_NAME[n.name]);
    return { '<RIGHT_NAME>': seen ? RIGHT_NAME[seen.name] : undefined, '<name>': seen?.name };
  },
};
