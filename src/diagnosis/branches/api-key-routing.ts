/**
 * Family A (routing): the right key, but the wrong agent, gateway host or base URL (branches.md
 * §A: agent_auth_missing, wrong_host, custom_base_url). The model and session part is in
 * ./model-routing.ts.
 */
import { nonMainAgent, statements, threadProvider } from '../signals.ts';
import type { StatementSignal, WithSpec } from '../patterns.ts';
import type { Rule } from '../types.ts';
import type { EvidenceView } from '../view.ts';
import { PRESENT, WELL_FORMED_KEY } from './shared.ts';

const DOCS_FAQ = 'https://docs.openclaw.ai/help/faq';
/** The user's newest word about a new agent or a cron job / hook lane. */
const JOB = { statement: ['new_agent', 'cron_job'], latest: true } satisfies Partial<StatementSignal>;
const NO_KEY = { error: ['no_api_key'] } satisfies WithSpec;
const REFUSED = { fact: 'anthropic_rejection' } satisfies WithSpec;
/** "It works in main / the terminal", no agent or job named: only possible. */
const ELSEWHERE = {
  statement: ['works_elsewhere'],
  latest: true,
  unless: { statement: ['new_agent', 'cron_job'] },
  verdict: 'possible',
  reason: '`{quote}`: a job or another agent has its own auth store',
} satisfies Partial<StatementSignal>;
const CHANGED_HERE = 'The gateway runs on another machine, and the key was changed here: the gateway still has the old one.';
/** A failure to answer, required but not cited (the place and the change are the reason). */
const FAILING = { fact: 'auth_failure', cite: false } as const;

export const agentAuthMissing: Rule = {
  id: 'agent_auth_missing',
  family: 'api-key',
  title: 'This agent has no credential of its own',
  priority: 55,
  beats: ['no_credentials', 'env_not_visible_to_service', 'api_key_invalid'],
  signals: [
    {
      error: ['no_api_key', 'no_api_key_resolved'],
      where: { agentId: { not: 'main' } },
      reason: '`{quote}`: the store of agent `{agentId}` has no key (auth is per agent).',
      text: '`No API key found for provider "<p>". Auth store: …/agents/<id>/agent/auth-profiles.json` with `<id>` ≠ main',
    },
    {
      fact: 'agent_status',
      where: { hasAuth: false, missing: PRESENT },
      reason: '`models status --agent {agentId}` lists `{missing}`.',
      text: '`models status --agent <id>` listing `Missing auth - <p>` with no profile or env key',
    },
    { fact: 'agent_status', verdict: 'ruled_out', reason: 'agent `{agentId}` has its own credential', text: '`models status --agent <id>` shows a credential' },
    { ...JOB, where: { topic: 'new_agent' }, with: NO_KEY, specificity: 1, reason: "A new agent and `{with}`: new agents do not inherit main's keys.", text: 'a newly added agent, and `No API key found`' },
    { ...JOB, where: { topic: 'cron_job' }, with: NO_KEY, specificity: 1, reason: "A cron job and `{with}`: jobs run with their own agent's auth store.", text: 'a cron job or hook lane, and `No API key found`' },
    { ...JOB, with: REFUSED, verdict: 'possible', reason: "`{quote}`: jobs and new agents run with their own agent's store", text: 'a new agent or a job, and Anthropic refuses the key' },
    // "Auth works in the main session but fails in cron": the job's agent has no credential of its own.
    { ...ELSEWHERE, with: NO_KEY, text: 'it works elsewhere (main, the terminal), and `No API key found`' },
    { ...ELSEWHERE, with: REFUSED, text: 'it works elsewhere (main, the terminal), and Anthropic refuses the key' },
    {
      ...JOB,
      with: { statement: ['works_elsewhere'] },
      specificity: 1,
      reason: "`{with}`: a job or another agent runs with its own agent's auth store, not main's.",
      text: 'a new agent or a job, and it works in the main session',
    },
  ],
  then: "give the agent main's credentials (the command depends on the version: see the steps), then `openclaw gateway restart`",
  docs: DOCS_FAQ,
  commands: [],
  // First the check (any version); once `--agent <id>` shows no credential, the copy step of the user's version.
  steps: [
    {
      versions: 'any',
      command: 'openclaw models status --agent <id>',
      why: 'Auth is per agent: this shows whether that agent has a credential of its own.',
      then: 'Paste what it prints; if it lists `Missing auth`, the next step gives that agent main\'s credentials.',
    },
    {
      case: 'agent_store_empty',
      versions: '≤2026.6.4',
      command: 'cp ~/.openclaw/agents/main/agent/auth-profiles.json ~/.openclaw/agents/<id>/agent/auth-profiles.json',
      commandKind: 'shell',
      runIn: 'gateway_host',
      why: 'Give agent `<id>` the credentials main already has (on the gateway host).',
      then: 'Then `openclaw gateway restart` and retry.',
    },
    {
      case: 'agent_store_empty',
      versions: '2026.6.5–2026.7.x',
      command: 'openclaw models auth --agent <id> paste-api-key --provider <provider> --profile-id <provider>:default',
      runIn: 'gateway_host',
      why: 'Since 2026.6.5 agents read credentials from SQLite, not `auth-profiles.json`: paste the key into agent `<id>`\'s store (`--agent` goes before `paste-api-key`).',
      then: 'Then `openclaw gateway restart` and retry.',
    },
    {
      case: 'agent_store_empty',
      versions: '≥2026.8.1',
      command: 'openclaw doctor --fix',
      runIn: 'gateway_host',
      why: "Since 2026.8.1 agents read main's shared profiles: doctor moves main's profiles into the shared store.",
      then: 'Then `openclaw models status --agent <id>`; if it still shows none, `openclaw models auth --agent <id> paste-api-key --provider <provider> --profile-id <provider>:default`.',
    },
    {
      case: 'agent_store_empty',
      versions: 'unknown',
      command: 'openclaw --version',
      why: "How an agent gets main's credentials changed twice (2026.6.5 and 2026.8.1): the version decides the command.",
      then: 'Paste the line it prints.',
    },
  ],
  stepCase: (ctx) => (ctx.view.all('models_status').some((s) => s.agentId && s.agentId !== 'main') && nonMainAgent(ctx.view) ? 'agent_store_empty' : undefined),
  values: (ctx) => ({ '<id>': nonMainAgent(ctx.view)?.id, '<provider>': threadProvider(ctx.view) ?? undefined }),
};

export const wrongHost: Rule = {
  id: 'wrong_host',
  family: 'api-key',
  title: 'The key was changed on this machine, but the gateway runs on another',
  priority: 52,
  beats: ['api_key_invalid'],
  then: '`openclaw models status` on the gateway host',
  docs: 'https://docs.openclaw.ai/gateway/troubleshooting',
  commands: [],
  // Each needs a failure (`auth_failure`: an Anthropic refusal, else `No API key found`); the TUI header's URL beats words.
  signals: [
    { fact: 'gateway_place', where: { remote: false }, with: FAILING, verdict: 'ruled_out', reason: 'the gateway runs on this machine', text: 'the gateway runs on this machine' },
    {
      fact: 'gateway_place',
      where: { remote: true, header: true, changed: true },
      with: FAILING,
      reason: CHANGED_HERE,
      text: 'the TUI header shows a remote gateway (non-loopback `ws://` URL) and the key was changed on this machine',
    },
    {
      fact: 'gateway_place',
      where: { remote: true, changed: true },
      with: FAILING,
      specificity: 1,
      reason: CHANGED_HERE,
      text: 'the user says the gateway runs elsewhere ("VPS", "server") and the key was changed on this machine',
    },
    { fact: 'gateway_place', where: { remote: true }, with: { fact: 'auth_failure' }, verdict: 'possible', reason: 'the gateway runs on another machine', text: 'a remote gateway and a failure' },
    // "It works in the terminal but not in Discord": the terminal and the gateway may not be one machine.
    {
      statement: ['works_elsewhere'],
      latest: true,
      with: { fact: 'auth_failure' },
      unless: { fact: 'gateway_place' },
      verdict: 'possible',
      reason: '`{quote}`: the gateway may run somewhere else than your terminal',
      text: 'it works elsewhere, and where the gateway runs is not known',
    },
    {
      fact: 'auth_failure',
      with: { fact: 'x_api_key_rejection', cite: false },
      verdict: 'possible',
      reason: '`{quote}`: the key that counts is the one on the gateway host',
      text: '`invalid x-api-key` while where the gateway runs is not known',
    },
  ],
  steps: [
    {
      versions: 'any',
      command: 'ssh <gateway-host>',
      why: 'The gateway only uses the key stored on its own machine; run the onboarding there.',
      then: 'On the gateway host run `openclaw onboard`, then `openclaw models status` there.',
    },
  ],
  values(ctx) {
    const url = ctx.view.latest('tui_header')?.gatewayUrl;
    return { '<gateway-host>': url ? /^wss?:\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^:/]+)/.exec(url)?.[1] : undefined };
  },
};

/** The newest `config get models.providers.anthropic…` value pasted. */
const anthropicConfig = (view: EvidenceView) => view.all('config_value').filter((v) => v.path.startsWith('models.providers.anthropic')).at(-1);

export const customBaseUrl: Rule = {
  id: 'custom_base_url',
  family: 'api-key',
  title: 'Anthropic requests go to a custom base URL or proxy',
  priority: 54,
  beats: ['api_key_invalid'],
  then: 'remove or fix the `baseUrl` (§5 "Anthropic base URL"), `openclaw gateway restart`',
  docs: 'https://docs.openclaw.ai/concepts/model-providers',
  commands: [],
  signals: [
    // A custom provider block (`"cloudflare-ai-gateway": { "baseUrl": … }`) and a request that reached it without a key.
    {
      error: ['no_auth_header', 'authentication_error', 'invalid_x_api_key', 'generic_failure'],
      with: { statement: ['custom_base_url'], where: { value: { re: '^(?!anthropic$).' } } },
      unless: { fact: 'config_value' },
      specificity: 1,
      reason: '`{quote}` through the `{with.value}` provider block, whose `baseUrl` is a proxy: the key did not reach it as that endpoint expects.',
      text: 'a 401 through a custom provider block whose `baseUrl` is a proxy',
    },
    {
      fact: 'anthropic_config',
      where: { custom: true },
      quote: '{path} → {url}',
      reason: '`{quote}`: Anthropic requests go to this URL, not `https://api.anthropic.com`.',
      text: 'a non-default Anthropic base URL or proxy in config (`models.providers.anthropic.baseUrl`)',
    },
    { fact: 'anthropic_config', verdict: 'ruled_out', reason: 'no custom Anthropic base URL in config', text: 'the Anthropic config shows no custom base URL' },
    {
      fact: 'x_api_key_rejection',
      with: { fact: 'rejected_credential', where: { ownHead: { re: WELL_FORMED_KEY } }, cite: false },
      verdict: 'possible',
      reason: 'a well-formed key is rejected; a proxy base URL would do that too',
      text: 'a well-formed `sk-ant-a…` key refused as `invalid x-api-key`',
    },
  ],
  steps: [
    {
      versions: 'any',
      command: 'openclaw config get models.providers.<block>',
      why: 'A `baseUrl` here sends your key to a proxy instead of Anthropic; that proxy can answer 401.',
      then: 'Paste what it prints (secrets show as `__OPENCLAW_REDACTED__`).',
    },
    {
      case: 'config_shown',
      versions: 'any',
      command: 'openclaw config set models.providers.anthropic \'{"baseUrl":"https://api.anthropic.com","models":[]}\' --strict-json',
      why: 'This points Anthropic back at its own API (the schema needs `models` next to `baseUrl`). Keep your proxy only if it forwards the key unchanged.',
      then: 'Then `openclaw gateway restart` and retry.',
    },
  ],
  // The config was pasted: set the URL back; otherwise show the provider block (a proxy's own block when named).
  stepCase: (ctx) => (anthropicConfig(ctx.view) ? 'config_shown' : undefined),
  values: (ctx) => ({ '<block>': statements(ctx.view, 'custom_base_url').find((b) => b.value && b.value !== 'anthropic')?.value ?? 'anthropic' }),
};
