/**
 * The small typed set of asks (branches.md §Asks), as data. The choice of the one that decides
 * is ./ask-choice.ts.
 *
 * Each ask has a scope (the candidates its answer speaks about) and, per answer, the candidates it
 * confirms and those that stay possible; everything else in its scope is ruled out by that
 * answer. Candidates outside the scope are untouched.
 */
import type { BranchId } from './catalog.ts';
import { gatewayRemote, maskHead, providerLine, statements } from './signals.ts';
import type { Ask, AskOutcome } from './types.ts';
import type { EvidenceView } from './view.ts';

/** An answer: it confirms `confirms`, leaves `keep` possible, rules out the rest of `scope`. */
function outcome(scope: readonly BranchId[], answer: string, confirms: BranchId[], keep: BranchId[] = []): AskOutcome {
  const stays = new Set([...confirms, ...keep]);
  return { answer, confirms, rulesOut: scope.filter((id) => !stays.has(id)) };
}

/** What `openclaw models status` (for main or one agent) tells apart. */
const STATUS_SCOPE: BranchId[] = [
  'api_key_invalid', 'api_key_altered', 'oauth_token_in_api_key_profile', 'api_key_in_token_profile',
  'profile_order_conflict', 'profile_shadows_env', 'no_credentials', 'secret_ref_unresolved',
  'key_provider_mismatch', 'custom_base_url', 'default_model_without_auth', 'env_not_visible_to_service',
  'model_provider_prefix_mismatch', 'setup_token_rejected', 'token_expired', 'profile_disabled',
  'profile_cooldown', 'codex_model_prefix_mismatch', 'stale_order_override',
];

function statusOutcomes(scope: BranchId[]): AskOutcome[] {
  const o = (answer: string, confirms: BranchId[], keep: BranchId[] = []) => outcome(scope, answer, confirms, keep);
  return [
    o('one well-formed `sk-ant-a…` API key is used', ['api_key_invalid'], ['custom_base_url']),
    o('a mask no key starts with', ['api_key_altered']),
    o('an `sk-ant-o…` token in an api_key profile', ['oauth_token_in_api_key_profile']),
    o('an API key in a token profile', ['api_key_in_token_profile'], ['profile_order_conflict']),
    o('several profiles, another one tried first', ['profile_order_conflict'], ['stale_order_override']),
    o('a profile winning over a different env key', ['profile_shadows_env']),
    o('another provider\'s key', ['key_provider_mismatch']),
    o('`Missing auth`', ['no_credentials'], ['default_model_without_auth', 'codex_model_prefix_mismatch']),
    o('a default model of a provider not set up', ['default_model_without_auth']),
    o('`ref(env:…)` with no env value', ['secret_ref_unresolved']),
    o('`[cooldown …]`', ['profile_cooldown']),
    o('`[disabled:… …]`', ['profile_disabled']),
    o('a token `expired`/`expiring`', ['token_expired']),
    o('a static setup-token in use', ['setup_token_rejected']),
    o('the CLI sees an env key', ['env_not_visible_to_service']),
    o('a model under the wrong provider', ['model_provider_prefix_mismatch']),
    o('an ordered profile that does not exist', ['stale_order_override']),
  ];
}

const fullStatus = (v: EvidenceView) => v.all('models_status').some((s) => !s.partial && s.providers.length + s.missingAuth.length > 0);

const ACCOUNT_SCOPE: BranchId[] = [
  'api_key_invalid', 'api_key_altered', 'api_key_in_token_profile', 'profile_shadows_env', 'key_provider_mismatch',
  'setup_token_rejected', 'token_expired', 'oauth_token_in_api_key_profile',
];
const PREFIX_SCOPE: BranchId[] = ['oauth_token_in_api_key_profile', 'key_provider_mismatch'];
const ORDER_SCOPE: BranchId[] = ['stale_order_override', 'session_profile_pinned', 'profile_order_conflict'];
const REGRESSION_SCOPE: BranchId[] = ['provider_key_invalid'];
const DISCORD_SCOPE: BranchId[] = ['discord_intents_missing', 'discord_token_missing', 'discord_dm_pairing'];
const AGENT_SCOPE: BranchId[] = [...STATUS_SCOPE, 'agent_auth_missing'];

export const ASKS: readonly Ask[] = [
  {
    id: 'models_status',
    kind: 'command',
    cost: 2,
    command: 'openclaw models status',
    purpose: 'it shows which profile and key (masked, never the key itself) OpenClaw sends, and what is missing',
    where: 'gateway_host',
    rank: 0,
    outcomes: statusOutcomes(STATUS_SCOPE),
    answered: fullStatus,
  },
  {
    id: 'models_status_agent',
    kind: 'command',
    cost: 2,
    command: 'openclaw models status --agent <id>',
    purpose: "auth is per agent: it shows whether the agent that runs the job has a key of its own, and which one",
    where: 'gateway_host',
    rank: 5,
    outcomes: [
      ...statusOutcomes(AGENT_SCOPE),
      outcome(AGENT_SCOPE, '`Missing auth` for that agent', ['agent_auth_missing']),
    ],
    answered: (v) => v.all('models_status').some((s) => s.agentId !== undefined && s.agentId !== 'main'),
  },
  {
    id: 'auth_order_get',
    kind: 'command',
    cost: 2,
    command: 'openclaw models auth order get --provider <provider>',
    purpose: 'it shows whether a stored order forces a profile',
    where: 'gateway_host',
    rank: 10,
    outcomes: [
      outcome(ORDER_SCOPE, '`Order override: (none)`', [], ['profile_order_conflict']),
      outcome(ORDER_SCOPE, 'an order naming a missing profile', ['stale_order_override']),
      outcome(ORDER_SCOPE, 'an order pinning a profile', [], ['session_profile_pinned']),
    ],
    answered: (v) => v.all('auth_order').length > 0,
  },
  {
    id: 'account_type',
    kind: 'question',
    cost: 1,
    question: 'Did you set OpenClaw up with an API key from the Anthropic Console, or with a Claude subscription (Pro/Max)?',
    purpose: 'the two are stored and sent differently',
    rank: 20,
    outcomes: [
      outcome(ACCOUNT_SCOPE, 'an API key from the Console', [], ACCOUNT_SCOPE.filter((id) => !['setup_token_rejected', 'token_expired', 'oauth_token_in_api_key_profile'].includes(id))),
      outcome(ACCOUNT_SCOPE, 'a Claude subscription', [], ['setup_token_rejected', 'token_expired', 'oauth_token_in_api_key_profile', 'key_provider_mismatch']),
    ],
    // "My key is in ANTHROPIC_API_KEY" says it: a Console API key.
    answered: (v) => statements(v, 'subscription', 'console_key').length > 0 || statements(v, 'env_key_said').some((s) => s.value === 'ANTHROPIC_API_KEY'),
  },
  {
    // Auth output with no failure in it (a `models status` pasted as the first message): the failure's own words decide.
    id: 'failure_text',
    kind: 'question',
    cost: 1,
    question: 'What fails, and what exactly does it say? Paste the error as it appears: the chat reply, the TUI line or the log line.',
    purpose: 'this output shows no failure, so the error text decides the next step',
    rank: 95,
    outcomes: [],
    answered: () => false,
  },
  {
    id: 'gateway_location',
    kind: 'question',
    cost: 1,
    question: 'Does the gateway run on this machine, or on another one (a VPS, a server)?',
    purpose: 'the key that counts is the one on the gateway host',
    rank: 30,
    outcomes: [outcome(['wrong_host'], 'this machine', []), outcome(['wrong_host'], 'another machine', ['wrong_host'])],
    answered: (v) => gatewayRemote(v) !== null,
  },
  {
    id: 'key_prefix',
    kind: 'question',
    cost: 1,
    question: 'Does your key start with `sk-ant-api` or `sk-ant-oat`? (the first letters only, never the key)',
    purpose: 'the prefix says what kind of credential it is',
    rank: 40,
    outcomes: [
      outcome(PREFIX_SCOPE, '`sk-ant-api`', []),
      outcome(PREFIX_SCOPE, '`sk-ant-oat`', ['oauth_token_in_api_key_profile']),
      outcome(PREFIX_SCOPE, 'something else', ['key_provider_mismatch']),
    ],
    answered: (v) => statements(v, 'key_prefix').length > 0 || maskHead(anthropicCredential(v)) !== undefined,
  },
  {
    id: 'version',
    kind: 'command',
    cost: 2,
    command: 'openclaw --version',
    purpose: 'commands and file names changed between releases',
    where: 'anywhere',
    rank: 90,
    outcomes: [],
    answered: (v) => v.version !== null,
  },
  {
    // Catalog v2 provider_key_invalid: a failure that started with a release ("worked on 6.1, fails
    // on 6.10") is a release regression, not the key: ask the exact build the gateway runs.
    id: 'version_regression',
    kind: 'command',
    cost: 2,
    command: 'openclaw --version',
    purpose: 'it worked on an older release: the exact build tells a known release regression from a bad key',
    where: 'gateway_host',
    rank: 8,
    outcomes: [
      outcome(REGRESSION_SCOPE, 'a release with a known auth regression', []),
      outcome(REGRESSION_SCOPE, 'a release without one', [], REGRESSION_SCOPE),
    ],
    // Only asked when the user says it broke with a release; only the version OpenClaw prints
    // (with its commit) answers it, not the release the user names in prose.
    answered: (v) => v.all('version').some((f) => f.from !== 'prose') || statements(v, 'version_regression').length === 0,
  },
  {
    id: 'channels_status_probe',
    kind: 'command',
    cost: 2,
    command: 'openclaw channels status --probe',
    purpose: 'it shows whether the Discord bot is connected, its DM policy, intents and token',
    where: 'gateway_host',
    rank: 50,
    outcomes: [
      outcome(DISCORD_SCOPE, '`intents:content=disabled`', ['discord_intents_missing']),
      outcome(DISCORD_SCOPE, '`missing token` / `getMe failed`', ['discord_token_missing']),
      outcome(DISCORD_SCOPE, '`works`, `dm:pairing`', [], ['discord_dm_pairing']),
    ],
    answered: (v) => v.all('channels_status').length > 0,
  },
  {
    id: 'pairing_list',
    kind: 'command',
    cost: 2,
    command: 'openclaw pairing list discord',
    purpose: 'it lists DM senders waiting for approval',
    where: 'gateway_host',
    rank: 55,
    outcomes: [outcome(['discord_dm_pairing'], 'a pending request', ['discord_dm_pairing']), outcome(['discord_dm_pairing'], 'none pending', [])],
    answered: (v) => v.all('pairing_list').length > 0,
  },
  {
    id: 'config_base_url',
    kind: 'command',
    cost: 2,
    command: 'openclaw config get models.providers.anthropic',
    purpose: 'a `baseUrl` there sends your key to a proxy instead of Anthropic',
    where: 'gateway_host',
    rank: 60,
    outcomes: [outcome(['custom_base_url'], 'a custom `baseUrl`', ['custom_base_url']), outcome(['custom_base_url'], 'none', [])],
    answered: (v) => v.all('config_value').some((c) => c.path.startsWith('models.providers.anthropic')),
  },
];

function anthropicCredential(v: EvidenceView) {
  const line = providerLine(v, 'anthropic')?.line;
  return line?.profiles.find((p) => p.credential.form === 'masked')?.credential ?? line?.env?.credential;
}
