/**
 * Family A (model routing): the right key, but a model or session that routes elsewhere
 * (branches.md §A: default_model_without_auth, model_provider_prefix_mismatch,
 * session_profile_pinned). Agent, host and base URL are in ./api-key-routing.ts.
 */
import { explicitOrder, threadProvider } from '../signals.ts';
import type { Rule } from '../types.ts';
import type { EvidenceView } from '../view.ts';

const CONFIGURE_THEN = 'Then `openclaw models status`: `Default` must name that provider.';

/** The provider `models status` shows a credential for (the one the user did set up). */
const providerSetUp = (view: EvidenceView) => view.latest('models_status')?.providers.find((p) => p.profiles.length > 0 || p.env)?.provider;

export const defaultModelWithoutAuth: Rule = {
  id: 'default_model_without_auth',
  family: 'api-key',
  title: 'The default model is from a provider you did not set up',
  priority: 58,
  beats: ['no_credentials'],
  then: '`openclaw models status`: `Default` names that provider',
  docs: 'https://docs.openclaw.ai/concepts/model-providers',
  commands: [],
  signals: [
    {
      fact: 'default_without_auth',
      where: { other: { re: '.' } },
      quote: 'Missing auth - {provider}',
      reason: "`{quote}` is the default model's provider, while you set up `{other}`.",
      text: '`models status`: `Missing auth - <p>` where `<p>` is the provider of the default (or a fallback) model, while a DIFFERENT provider has a credential',
    },
    // No `models status` yet: "I configured my Google key", then `No API key found for provider "anthropic"`.
    {
      fact: 'said_other_provider',
      unless: { fact: 'models_status' },
      quotes: { noKey: 'No API key found for provider "{provider}"' },
      reason: 'You set up `{configured}`, and `{noKey}`: the model in use still routes to provider `{provider}`.',
      text: 'the user says they set up one provider, and `No API key found for provider "<p>"` names another (no `models status` pasted)',
      specificity: 1,
    },
  ],
  steps: [
    { versions: 'any', command: 'openclaw configure --section model', why: 'Pick a model of the provider you did set up as the default.', then: CONFIGURE_THEN },
    { case: 'other_shown', versions: 'any', command: 'openclaw configure --section model', why: 'Pick a model of the provider you did set up (`<other>`) as the default.', then: CONFIGURE_THEN },
  ],
  stepCase: (ctx) => (providerSetUp(ctx.view) ? 'other_shown' : undefined),
  values: (ctx) => ({ '<other>': providerSetUp(ctx.view) }),
};

const WRONG_PREFIX = { fact: 'model_ref', reason: '`{ref}`: that model is not served under `{provider}`.' } as const;

export const modelProviderPrefixMismatch: Rule = {
  id: 'model_provider_prefix_mismatch',
  family: 'api-key',
  title: 'A model is named under the wrong provider',
  priority: 56,
  beats: ['no_credentials', 'provider_key_invalid', 'default_model_without_auth'],
  then: '`openclaw models status`',
  docs: 'https://docs.openclaw.ai/concepts/model-providers',
  commands: [],
  // The default model, fallbacks, the TUI footer's model, error lines (`model_ref`); `openai/gpt-…` with only Codex OAuth is codex_model_prefix_mismatch.
  signals: [
    { ...WRONG_PREFIX, where: { provider: { any: ['openai', 'google', 'gemini', 'moonshot', 'minimax', 'openai-codex'] }, model: { re: '^claude' } }, text: 'a Claude model under another provider: `openai/claude-opus-4`' },
    { ...WRONG_PREFIX, where: { provider: 'anthropic', model: { re: '^(gpt|o\\d|gemini|kimi|minimax|codex)' } }, text: 'another provider\'s model under `anthropic/`: `anthropic/gpt-…`' },
    { ...WRONG_PREFIX, where: { provider: 'google', model: { re: '^gpt' } }, text: 'an OpenAI model under `google/`' },
  ],
  steps: [
    {
      versions: 'any',
      command: 'openclaw configure --section model',
      why: 'Pick the model under its own provider (e.g. `anthropic/claude-…`, `openai/gpt-…`).',
      then: 'Then `openclaw models status`.',
    },
  ],
};

export const sessionProfilePinned: Rule = {
  id: 'session_profile_pinned',
  family: 'api-key',
  title: 'The chat session is pinned to another profile',
  priority: 60,
  beats: ['profile_order_conflict', 'api_key_invalid'],
  then: 'retry',
  docs: 'https://docs.openclaw.ai/concepts/model-failover',
  commands: [{ kind: 'tui', template: '/reset' }],
  signals: [
    {
      fact: 'session_profile',
      where: { inOrder: false },
      reason: 'The order is `{order}` but this session uses `{used}`: a per-session pin goes first (§3.3).',
      text: 'the profile the session uses (a `/status` card, an error line naming it) is not in the order `models auth order get|set` shows: a session pinned with `/model <model>@<profileId>` (§3.3 step 4); an old profile keeps winning in one session only',
    },
  ],
  // ≥8.1 pins survive `/new` and `/reset` (openclaw-cli.md §10.12): re-pin instead of resetting.
  steps: [
    {
      versions: '≤2026.7.1',
      command: '/model',
      runIn: 'tui',
      why: 'Type it in that chat session: it shows the model and the `@profile` the session is pinned to.',
      then: 'Then `/reset` (or `/new`) starts a session without the pin; retry there.',
    },
    {
      versions: '≥2026.8.1',
      command: '/model <model>@<profile-id> -s',
      runIn: 'tui',
      why: 'Since 2026.8.1 a pin survives `/new` and `/reset`: pin this session to `<profile-id>` instead (`-s` = this session only).',
      then: 'Retry in that session; `/model status` shows the profile it uses now.',
    },
    {
      versions: 'unknown',
      command: '/model <model>@<profile-id>',
      runIn: 'tui',
      why: 'Type it in that chat session: an explicit `@<profile-id>` replaces the old pin on every version.',
      then: 'Retry in that session.',
    },
  ],
  values(ctx) {
    const order = explicitOrder(ctx.view, threadProvider(ctx.view) ?? 'anthropic');
    return {
      '<model>': ctx.view.latest('status_card')?.model ?? ctx.view.latest('models_status')?.defaultModel,
      '<profile-id>': order?.order?.[0],
    };
  },
};
