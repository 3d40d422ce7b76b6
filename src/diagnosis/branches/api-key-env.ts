/**
 * Family A (the environment): a key that lives in an environment variable or a secret ref and does
 * not reach the gateway (branches.md §A: env_not_visible_to_service, secret_ref_unresolved,
 * env_var_name_unrecognized). The auth store's part is in ./api-key-setup.ts.
 */
import { msg, q } from '../reason.ts';
import {
  anthropicRejections,
  because,
  errorProvider,
  errorQuote,
  errorsWith,
  providerLine,
  statements,
} from '../signals.ts';
import type { Rule } from '../types.ts';
import type { EvidenceView } from '../view.ts';
import { confirmed, possible } from '../verdict.ts';
import { envVarFor, namesSet, RIGHT_NAME } from './env-names.ts';
import { mainNoKey, PRESENT } from './shared.ts';

const DOCS_ENV = 'https://docs.openclaw.ai/help/environment';
const ENV_LINE = "echo '<VAR>=<your key>' >> ~/.openclaw/.env";
const RENAME_LINE = "echo '<RIGHT_NAME>=<value>' >> ~/.openclaw/.env";
const MISNAMED = '`{name}` is not a name OpenClaw reads; it reads `{rightName}`.';

export const envNotVisibleToService: Rule = {
  id: 'env_not_visible_to_service',
  family: 'api-key',
  title: 'The gateway service does not see the key or login your shell has',
  priority: 45,
  beats: ['no_credentials'],
  whenSignals: [
    'the gateway runs under systemd/launchd/a container and the key was exported only in a shell',
    '`Shell env : off` with the key missing for the service',
    '`No API key found` at run time while the CLI sees `source=env:`',
  ],
  then: '`openclaw gateway restart`, then `openclaw models status`',
  docs: DOCS_ENV,
  commands: [],
  when(view) {
    // The Claude CLI login was renewed (our step) and the gateway still says it expired: the service
    // runs as another user or with another HOME / CLAUDE_CONFIG_DIR than the terminal.
    const cliStill = errorsWith(view, 'cli_login_expired', 'login_expired_copy').at(-1);
    if (cliStill && view.failed.some((f) => f.branch === 'claude_cli_login_expired')) {
      return confirmed(1, because(msg`${q(errorQuote(cliStill))} after the login was renewed: the gateway service does not see the login your terminal has.`, cliStill));
    }
    const noKey = mainNoKey(view).at(-1);
    const p = (noKey ? errorProvider(noKey) : undefined) ?? 'anthropic';
    const pl = providerLine(view, p);
    if (noKey && pl?.line.env) {
      return confirmed(
        2,
        because(msg`The CLI sees ${q(`source=env: ${pl.line.env.variable ?? envVarFor(p)}`)} but the gateway run says ${q(errorQuote(noKey))}: the service does not have your shell's env.`, noKey, pl.status),
      );
    }
    const setEnv = statements(view, 'set_env_var').at(-1) ?? view.all('command_run').find((c) => /^export [A-Z_]+=/.test(c.command));
    const service = view.all('gateway_status').find((g) => g.service && g.service !== 'none') ?? view.all('environment').find((e) => e.service);
    const failing = noKey ?? anthropicRejections(view).at(-1);
    if (failing && setEnv && service) {
      return confirmed(1, because('The gateway runs as a service and the key was set only in a shell: services do not inherit shell exports.', setEnv, service, failing));
    }
    if (noKey && setEnv) return possible(because(msg`${q(errorQuote(noKey))} although you set the variable in a shell`, noKey, setEnv));
    // "The systemd gateway cannot find KIMI_API_KEY" (the CLI sees it).
    const unseen = statements(view, 'service_env').at(-1);
    if (unseen) return confirmed(1, because(msg`${q(unseen.quote)}: a service gets only the env it was started with, not your shell's.`, unseen, service));
    // "Works in the terminal, not in Discord", or a service (VPS, Docker, launchd) and a missing key: the service's env may lack it.
    const elsewhere = statements(view, 'works_elsewhere').at(-1);
    // Both: the key works where the shell runs and not in the service, which has its own env.
    if (noKey && elsewhere && service) {
      return confirmed(1, because(msg`It works from your shell and the gateway service says ${q(errorQuote(noKey))}: the service does not have your shell's env.`, elsewhere, service, noKey));
    }
    if (failing && (elsewhere || service)) return possible(because('the gateway runs as a service, with its own environment', elsewhere, service, failing));
    return null;
  },
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
      text: '`Startup failed: required secrets are unavailable` / `Missing env var "<VAR>" referenced at config path`',
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
