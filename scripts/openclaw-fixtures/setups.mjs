// The broken (and healthy) setups the generator builds, one throw-away HOME each. A setup says
// what a user's ~/.openclaw holds (auth profiles, order, usage state, config, .env, env vars),
// which commands to capture beyond the common ones, and the branch and exact next command a
// helper would give for that version (written here by hand from the catalog and the captured
// output, never computed by Pincer's own tables).
import { anthropicApiKey, anthropicSetupToken, openAiKey, openRouterKey } from './keys.mjs';
import { atLeast } from './versions.mjs';

const HOUR = 3_600_000;
/** Fixed "now" for usage state: cooldown/disabled windows are relative to the capture run. */
const soon = (ms) => Date.now() + ms;

const apiKeyProfile = (key) => ({ type: 'api_key', provider: 'anthropic', key });
const tokenProfile = (token, extra = {}) => ({ type: 'token', provider: 'anthropic', token, ...extra });
const sonnet = 'anthropic/claude-sonnet-4-6';

/** openclaw.json with a default model and the profiles' config metadata (as onboarding writes). */
function config({ model = sonnet, profiles = {}, extra = {} } = {}) {
  const c = { ...extra };
  if (model) c.agents = { ...(extra.agents ?? {}), defaults: { model: { primary: model } } };
  const meta = Object.fromEntries(
    Object.entries(profiles).map(([id, p]) => [id, { provider: p.provider, mode: p.type }]),
  );
  if (Object.keys(meta).length > 0) c.auth = { profiles: meta };
  return c;
}

/**
 * What a helper answers. `paste`: the setup's captures the user pastes, one message each, oldest
 * first (default `models-status.txt`); `$ <file>` = the file with its command typed before it.
 */
const diagnosed = (branch, next, paste) => ({ status: 'diagnosed', branch, next_command: next, ...(paste ? { paste } : {}) });
// Healthy output with no failure in the thread: Pincer asks what fails (the `failure_text` question).
const healthy = { status: 'needs_evidence', branch: null, next_command: null };

/**
 * @typedef {{ profiles?: object, order?: object, usageStats?: object }} Auth
 * @typedef {{
 *   name: string, about: string, min?: string, max?: string,
 *   auth?: (v: string) => Auth | undefined, config?: (v: string) => object | undefined,
 *   env?: Record<string,string>, dotenv?: Record<string,string>, agents?: string[],
 *   migrate?: boolean, extra?: (v: string) => { file: string, args: string[], timeoutMs?: number }[],
 *   expect: (v: string) => object,
 * }} Setup
 */

/** @type {Setup[]} */
export const SETUPS = [
  {
    name: 'healthy-api-key',
    about: 'Control: one Anthropic API key profile (anthropic:default), Anthropic default model.',
    auth: () => ({ profiles: { 'anthropic:default': apiKeyProfile(anthropicApiKey('healthy')) } }),
    config: () => config({ profiles: { 'anthropic:default': apiKeyProfile('') } }),
    extra: (v) => [
      { file: 'doctor.txt', args: ['doctor', '--non-interactive'], timeoutMs: 180_000 },
      ...(atLeast(v, '2026.9.1') ? [{ file: 'doctor-json.txt', args: ['doctor', '--json'], timeoutMs: 180_000 }] : []),
      { file: 'status-all.txt', args: ['status', '--all'], timeoutMs: 120_000 },
    ],
    expect: () => healthy,
  },
  {
    name: 'healthy-env-key',
    about: 'Control: ANTHROPIC_API_KEY in the environment only, Anthropic default model.',
    env: { ANTHROPIC_API_KEY: anthropicApiKey('env-only') },
    config: () => config(),
    expect: () => healthy,
  },
  {
    name: 'no-credentials',
    about: 'Anthropic default model, no profile, no env var, no .env.',
    config: () => config(),
    extra: () => [{ file: 'agent-local.txt', args: ['agent', '--local', '--agent', 'main', '-m', 'ping'], timeoutMs: 120_000 }],
    // Anthropic: the reply asks "API key or subscription?" first; next_command stays the step's own
    // command (what `pincer diagnose --json` and the corpus score), `openclaw onboard`.
    expect: () => diagnosed('no_credentials', 'openclaw onboard'),
  },
  {
    name: 'fresh-install',
    about: 'Nothing configured at all (no openclaw.json): the default model is the version\'s own.',
    expect: () => diagnosed('no_credentials', 'openclaw onboard'),
  },
  {
    name: 'default-model-without-auth',
    min: '2026.4.12',
    about: 'An Anthropic API key profile, but no default model set: the default is an OpenAI model.',
    auth: () => ({ profiles: { 'anthropic:default': apiKeyProfile(anthropicApiKey('default-model')) } }),
    config: () => config({ model: null, profiles: { 'anthropic:default': apiKeyProfile('') } }),
    expect: () => diagnosed('default_model_without_auth', 'openclaw configure --section model'),
  },
  {
    name: 'oauth-token-in-api-key-profile',
    about: 'A setup-token (sk-ant-oat01-…) stored as an api_key profile.',
    auth: () => ({ profiles: { 'anthropic:default': apiKeyProfile(anthropicSetupToken('oat-as-key')) } }),
    config: () => config({ profiles: { 'anthropic:default': apiKeyProfile('') } }),
    expect: () => diagnosed('oauth_token_in_api_key_profile', 'openclaw models auth paste-token --provider anthropic'),
  },
  {
    name: 'api-key-in-token-profile',
    about: 'An API key (sk-ant-api03-…) stored as a token profile (anthropic:manual), as paste-token would.',
    auth: () => ({ profiles: { 'anthropic:manual': tokenProfile(anthropicApiKey('key-as-token')) } }),
    config: () => config({ profiles: { 'anthropic:manual': tokenProfile('') } }),
    expect: () =>
      diagnosed(
        'api_key_in_token_profile',
        'openclaw onboard --non-interactive --accept-risk --anthropic-api-key "$ANTHROPIC_API_KEY"',
      ),
  },
  {
    name: 'stale-order-override',
    about: 'An order override naming anthropic:work, a profile that no longer exists; anthropic:default is fine.',
    auth: () => ({
      profiles: { 'anthropic:default': apiKeyProfile(anthropicApiKey('stale-order')) },
      order: { anthropic: ['anthropic:work'] },
    }),
    config: () => config({ profiles: { 'anthropic:default': apiKeyProfile('') } }),
    expect: (v) =>
      diagnosed(
        'stale_order_override',
        atLeast(v, '2026.8.1')
          ? 'openclaw models auth order set --provider anthropic anthropic:default'
          : 'openclaw models auth order clear --provider anthropic',
        ['models-status.txt', 'auth-order-get.txt'],
      ),
  },
  {
    name: 'secret-ref-unresolved',
    about: 'anthropic:default holds keyRef env:ANTHROPIC_API_KEY, and the variable is not set.',
    auth: () => ({
      profiles: {
        'anthropic:default': { type: 'api_key', provider: 'anthropic', keyRef: { source: 'env', provider: 'default', id: 'ANTHROPIC_API_KEY' } },
      },
    }),
    config: () => config({ profiles: { 'anthropic:default': apiKeyProfile('') } }),
    extra: () => [{ file: 'agent-local.txt', args: ['agent', '--local', '--agent', 'main', '-m', 'ping'], timeoutMs: 120_000 }],
    expect: () => diagnosed('secret_ref_unresolved', "echo 'ANTHROPIC_API_KEY=<value>' >> ~/.openclaw/.env"),
  },
  {
    name: 'key-provider-mismatch',
    about: 'An OpenRouter key (sk-or-v1-…) stored as the Anthropic API key.',
    auth: () => ({ profiles: { 'anthropic:default': apiKeyProfile(openRouterKey('or-under-anthropic')) } }),
    config: () => config({ profiles: { 'anthropic:default': apiKeyProfile('') } }),
    expect: () => diagnosed('key_provider_mismatch', 'openclaw onboard'),
  },
  {
    name: 'profile-cooldown',
    about: 'The only Anthropic profile is in cooldown after auth failures (24 minutes left).',
    auth: () => ({
      profiles: { 'anthropic:default': apiKeyProfile(anthropicApiKey('cooldown')) },
      usageStats: {
        'anthropic:default': { cooldownUntil: soon(24 * 60_000), cooldownReason: 'auth', errorCount: 3, failureCounts: { auth: 3 }, lastFailureAt: soon(-60_000) },
      },
    }),
    config: () => config({ profiles: { 'anthropic:default': apiKeyProfile('') } }),
    extra: () => [{ file: 'doctor.txt', args: ['doctor', '--non-interactive'], timeoutMs: 180_000 }],
    expect: (v) =>
      diagnosed('profile_cooldown', atLeast(v, '2026.8.1') ? 'openclaw models status' : 'openclaw logs --follow'),
  },
  {
    name: 'profile-disabled',
    about: 'The only Anthropic profile is disabled for billing (5 hours left).',
    auth: () => ({
      profiles: { 'anthropic:default': apiKeyProfile(anthropicApiKey('disabled')) },
      usageStats: {
        'anthropic:default': { disabledUntil: soon(5 * HOUR), disabledReason: 'billing', errorCount: 1, failureCounts: { billing: 1 }, lastFailureAt: soon(-60_000) },
      },
    }),
    config: () => config({ profiles: { 'anthropic:default': apiKeyProfile('') } }),
    expect: () => diagnosed('profile_disabled', 'openclaw models status --json'),
  },
  {
    name: 'custom-base-url',
    about: 'A healthy key, but models.providers.anthropic.baseUrl points at a proxy.',
    auth: () => ({ profiles: { 'anthropic:default': apiKeyProfile(anthropicApiKey('base-url')) } }),
    config: () =>
      config({
        profiles: { 'anthropic:default': apiKeyProfile('') },
        extra: { models: { providers: { anthropic: { baseUrl: 'https://llm-proxy.example.com/anthropic', models: [] } } } },
      }),
    extra: () => [{ file: 'config-get-baseurl.txt', args: ['config', 'get', 'models.providers.anthropic.baseUrl'] }],
    // The user already pasted the baseUrl: the next step points Anthropic back at its own API.
    expect: () =>
      diagnosed(
        'custom_base_url',
        `openclaw config set models.providers.anthropic '{"baseUrl":"https://api.anthropic.com","models":[]}' --strict-json`,
        ['models-status.txt', '$ config-get-baseurl.txt'],
      ),
  },
  {
    name: 'second-agent',
    about: 'A second agent "work" with no profiles of its own; main has an API key.',
    auth: () => ({ profiles: { 'anthropic:default': apiKeyProfile(anthropicApiKey('second-agent')) } }),
    config: () =>
      config({ profiles: { 'anthropic:default': apiKeyProfile('') }, extra: { agents: { list: [{ id: 'main', default: true }, { id: 'work' }] } } }),
    agents: ['work'],
    // `agent --local --agent work` is not captured: it reads main's key, so the run goes to the
    // (unreachable) provider and retries for minutes.
    extra: () => [{ file: 'models-status-agent-work.txt', args: ['models', 'status', '--agent', 'work'] }],
    expect: () => healthy,
  },
  {
    name: 'token-expired',
    about: 'The only Anthropic profile is a setup-token whose expiry has passed.',
    auth: () => ({ profiles: { 'anthropic:manual': tokenProfile(anthropicSetupToken('expired'), { expires: soon(-2 * HOUR) }) } }),
    config: () => config({ profiles: { 'anthropic:manual': tokenProfile('') } }),
    expect: () => diagnosed('token_expired', 'claude setup-token'),
  },
  {
    name: 'codex-model-ref',
    min: '2026.6.1',
    about: 'The default model is an old openai-codex/… ref, with an OpenAI API key in the environment.',
    env: { OPENAI_API_KEY: openAiKey('codex-ref') },
    config: () => config({ model: 'openai-codex/gpt-5.4' }),
    expect: () => diagnosed('codex_model_prefix_mismatch', 'openclaw doctor --fix'),
  },
  {
    name: 'model-provider-prefix-mismatch',
    about: 'An Anthropic API key, but the default model is openai/claude-sonnet-4-6.',
    auth: () => ({ profiles: { 'anthropic:default': apiKeyProfile(anthropicApiKey('prefix')) } }),
    config: () => config({ model: 'openai/claude-sonnet-4-6', profiles: { 'anthropic:default': apiKeyProfile('') } }),
    expect: () => diagnosed('model_provider_prefix_mismatch', 'openclaw configure --section model'),
  },
  {
    name: 'legacy-json-unmigrated',
    min: '2026.6.5',
    about: 'After an upgrade to ≥6.5: the key is still in auth-profiles.json and doctor --fix never ran.',
    migrate: false,
    auth: () => ({ profiles: { 'anthropic:default': apiKeyProfile(anthropicApiKey('legacy')) } }),
    config: () => config({ profiles: { 'anthropic:default': apiKeyProfile('') } }),
    extra: (v) => [
      { file: 'doctor.txt', args: ['doctor', '--non-interactive'], timeoutMs: 180_000 },
      ...(atLeast(v, '2026.9.1') ? [{ file: 'doctor-json.txt', args: ['doctor', '--json'], timeoutMs: 180_000 }] : []),
    ],
    // ≥8.1 every auth command refuses. 6.11 ignores the file silently and its doctor (without
    // --fix) does not mention it either: the output shows only `Missing auth`, so the answer is
    // no_credentials (its account-type question first, then `openclaw onboard`) until the user says auth worked before.
    expect: (v) =>
      atLeast(v, '2026.8.1') ? diagnosed('auth_store_migration', 'openclaw doctor --fix') : diagnosed('no_credentials', 'openclaw onboard', ['models-status.txt', 'doctor.txt']),
  },
];
