/**
 * Family A (second part): which auth profile OpenClaw sends, and why (branches.md §A:
 * api_key_in_token_profile, profile_order_conflict, profile_shadows_env). The key itself is judged
 * in ./api-key.ts, a key of another provider in ./api-key-provider.ts.
 */
import { providerLine, statements, threadProvider } from '../signals.ts';
import type { Rule } from '../types.ts';
import type { EvidenceView } from '../view.ts';
import { fixedProfile, NOT_SEEN_YET, NOT_SEEN_YET_TEXT, ONBOARD_WITH_ENV_KEY, PRESENT, READ_KEY } from './shared.ts';

const DOCS_AUTH = 'https://docs.openclaw.ai/gateway/authentication';

/** An Anthropic token profile whose mask starts `sk-ant-a`: an API key pasted as a token. */
const KEY_AS_TOKEN = { provider: 'anthropic', type: 'token', head: { re: '^sk-ant-a' } };

/** A pasted auth-profiles.json profile `"type": "token"` holding an `sk-ant-` value that is not a subscription token. */
const JSON_KEY_AS_TOKEN = {
  fact: 'auth_profiles_json',
  each: 'profiles',
  where: { type: 'token', valueHead: { re: '^sk-ant-(?!oat)' } },
  quote: '"{profileId}": { "type": "token" … "{valueHead}…" }',
  reason: '`{quote}` holds an API key as a token: Anthropic answers that route with 529s and 401s.',
} as const;

export const apiKeyInTokenProfile: Rule = {
  id: 'api_key_in_token_profile',
  family: 'api-key',
  title: 'An API key is stored as a token profile',
  priority: 40,
  beats: ['profile_order_conflict', 'api_key_invalid', 'provider_overloaded', 'auth_store_malformed'],
  then: '`openclaw models auth order get --provider anthropic` → `Order override: anthropic:default`',
  docs: DOCS_AUTH,
  commands: [],
  // Token profiles are tried before api_key ones (§3.3): an API key stored as a token is sent the wrong way.
  signals: [
    {
      fact: 'line_profile',
      where: { ...KEY_AS_TOKEN, skippedBy: PRESENT },
      verdict: 'ruled_out',
      reason: 'the order already pins `{skippedBy}`, so `{profileId}` is not tried',
      text: 'the explicit order leaves that token profile out',
    },
    {
      fact: 'line_profile',
      where: KEY_AS_TOKEN,
      reason: '`{countedLabel}`: an API key stored as a token, and token profiles are tried before api_key ones, so Anthropic gets it the wrong way.',
      text: 'a token profile whose mask starts `token:sk-ant-a` (an API key stored via paste-token)',
    },
    // Seed 000: a pasted auth-profiles.json, `"type": "token"` holding an API key, and a 529 loop.
    { ...JSON_KEY_AS_TOKEN, with: { error: ['overloaded', 'auth_service_unavailable'] }, text: 'a pasted auth-profiles.json with `"type": "token"` holding an `sk-ant-` key, and an overloaded error' },
    { ...JSON_KEY_AS_TOKEN, with: { error: 'any', where: { httpStatus: 529 } }, text: 'a pasted auth-profiles.json with `"type": "token"` holding an `sk-ant-` key, and a 529' },
    { ...JSON_KEY_AS_TOKEN, where: { type: 'token', valueHead: { re: '^sk-ant-api' } }, text: 'a pasted auth-profiles.json with `"type": "token"` holding an `sk-ant-api…` value' },
    {
      fact: 'auth_profiles_json',
      each: 'profiles',
      where: JSON_KEY_AS_TOKEN.where,
      verdict: 'possible',
      reason: '`{profileId}` is `"type": "token"`; an API key there is sent the wrong way',
      text: 'a pasted auth-profiles.json with `"type": "token"` holding another `sk-ant-` value',
    },
    { fact: 'x_api_key_rejection', where: { statusShown: false }, verdict: 'possible', reason: NOT_SEEN_YET, text: NOT_SEEN_YET_TEXT },
  ],
  steps: [
    {
      versions: 'any',
      command: ONBOARD_WITH_ENV_KEY,
      why: `Rewrite it as an API-key profile. First put the key in this shell without echoing it: \`${READ_KEY}\`.`,
      then: 'Then `openclaw models status` should show the profile as `api_key`, and `openclaw gateway restart`.',
    },
    {
      case: 'api_key_profile',
      versions: 'any',
      command: 'openclaw models auth order set --provider anthropic <profile-id>',
      why: 'Pin the API-key profile `<profile-id>` so the token profile is no longer tried first.',
      then: 'Check with `openclaw models auth order get --provider anthropic` → `Order override: <profile-id>`, then `/reset` in the TUI and retry.',
    },
  ],
  // An API-key profile exists beside the token one: pin it; otherwise rewrite the key as one.
  stepCase: (ctx) => (apiKeyProfile(ctx.view) ? 'api_key_profile' : undefined),
  values: (ctx) => ({ '<profile-id>': apiKeyProfile(ctx.view) }),
};

/** The Anthropic api_key profile that holds a credential, beside the token one. */
function apiKeyProfile(view: EvidenceView): string | undefined {
  return providerLine(view, 'anthropic')?.line.profiles.find((p) => p.type === 'api_key' && p.credential.form !== 'missing')?.profileId;
}

/** "The login was saved under `<p>:<email>` rather than `<p>:default`": the profile the user just fixed, said in words. */
function savedElsewhere(view: EvidenceView) {
  const fact = statements(view, 'login_saved_elsewhere').at(-1);
  if (!fact?.value) return undefined;
  return { fact, quote: fact.quote, profileId: fact.value, provider: fact.value.split(':')[0]! };
}

const ORDER_SET = 'openclaw models auth order set --provider <provider> <profile-id>';
const ORDER_SET_THEN = 'Then `openclaw models auth order get --provider <provider>`, `/reset` in the TUI, and retry.';

export const profileOrderConflict: Rule = {
  id: 'profile_order_conflict',
  family: 'api-key',
  title: 'Another auth profile is used instead of the one you fixed',
  priority: 15,
  // A login saved under another profile explains the refresh failure of the stale one.
  beats: ['setup_token_rejected', 'api_key_invalid', 'oauth_refresh_failed'],
  then: '`openclaw models auth order get --provider <provider>`, then `/reset` in the TUI and retry',
  docs: DOCS_AUTH,
  commands: [],
  signals: [
    {
      fact: 'saved_login',
      reason: '`{quote}`: the fresh login is `{profileId}`, but another `{provider}` profile is used.',
      text: 'a fresh login saved under another profile than the one in use ("under profile ID `<p>:<email>` rather than updating `<p>:default`")',
    },
    {
      // "The order I set is reverted": the order does not stick, so another profile keeps being tried first.
      statement: ['order_not_kept'],
      reason: '`{quote}`: the order you set does not stick, so another profile keeps being tried first.',
      text: 'the user says the order they set does not stick',
    },
    { fact: 'x_api_key_rejection', where: { statusShown: false }, verdict: 'possible', reason: NOT_SEEN_YET, text: NOT_SEEN_YET_TEXT },
    {
      fact: 'auth_line',
      where: { provider: 'anthropic', profileCount: { gt: 1 }, fixedUnused: PRESENT, failing: true },
      reason: '{profileCount} Anthropic profiles: you fixed `{fixedUnused}`, but `{used}` is tried first.',
      text: '`profiles=N` with N ≥ 2 for the failing provider and the profile in use is not the one the user just fixed',
    },
    {
      fact: 'auth_line',
      where: { provider: 'anthropic', profileCount: { gt: 1 }, failing: true },
      verdict: 'possible',
      reason: '{profileCount} Anthropic profiles; which one is tried first decides',
      text: 'several Anthropic profiles and a failure still reported',
    },
    {
      fact: 'auth_line',
      where: { provider: 'anthropic', profileCount: { any: [0, 1] } },
      with: { fact: 'x_api_key_rejection', cite: false },
      verdict: 'ruled_out',
      reason: 'only one Anthropic profile exists',
      text: 'one Anthropic profile at most, and Anthropic refused the key',
    },
  ],
  steps: [
    { versions: 'any', command: ORDER_SET, why: 'Pin the profile you fixed so OpenClaw stops trying the other one first.', then: ORDER_SET_THEN },
    { case: 'saved_elsewhere', versions: 'any', command: ORDER_SET, why: 'Pin the profile the new login was saved under so OpenClaw stops using the stale one.', then: ORDER_SET_THEN },
    // The user already ran the branch's step (`order set`): the catalog's check comes next.
    {
      case: 'order_not_kept',
      versions: 'any',
      command: 'openclaw models auth order get --provider <provider>',
      why: 'You already set the order; this shows the order OpenClaw holds now, after the gateway wrote its own.',
      then: 'If the profile you want is not first, set it again, `/reset` in the TUI, and retry.',
    },
  ],
  stepCase(ctx) {
    if (savedElsewhere(ctx.view)) return 'saved_elsewhere';
    return statements(ctx.view, 'order_not_kept').length > 0 ? 'order_not_kept' : undefined;
  },
  values(ctx) {
    const saved = savedElsewhere(ctx.view);
    if (!saved && statements(ctx.view, 'order_not_kept').length > 0) {
      return { '<provider>': threadProvider(ctx.view) ?? statements(ctx.view, 'stored_profile').at(-1)?.value?.split(':')[0] };
    }
    const provider = saved?.provider ?? 'anthropic';
    const pl = providerLine(ctx.view, provider);
    return { '<provider>': provider, '<profile-id>': saved?.profileId ?? (pl ? fixedProfile(ctx.view, pl.line) : undefined) };
  },
};

const SHADOWS = '`{shadowing}` is used while your env key is `{envLabel}`: any stored profile beats env (§3.5).';
/** Only while no `models status` Anthropic line is shown (it decides once it is). */
const NO_ANTHROPIC_LINE = { fact: 'auth_line', where: { provider: 'anthropic' } };
const OTHER_PROFILE_WHY = 'The runtime uses the key stored in the `<provider>` auth profile, not the one in config or env: write the new key into that profile.';
const OTHER_PROFILE_THEN = 'Then `openclaw gateway restart` and `openclaw models status`: the masked key must change.';

/** The provider whose stored profile shadows the key: Anthropic when its line is shown, else the thread's provider. */
function shadowedProvider(view: EvidenceView): string {
  return providerLine(view, 'anthropic') ? 'anthropic' : (threadProvider(view) ?? 'anthropic');
}

export const profileShadowsEnv: Rule = {
  id: 'profile_shadows_env',
  family: 'api-key',
  title: 'A stored profile wins over the env key you set',
  priority: 12,
  then: '`openclaw models status`: profile mask == env mask',
  docs: 'https://docs.openclaw.ai/help/environment',
  commands: [],
  // Any stored profile beats env (§3.5).
  signals: [
    {
      // "The runtime still sends the old key" after it was changed elsewhere (config, env): a stored profile wins.
      statement: ['old_key_used'],
      unless: NO_ANTHROPIC_LINE,
      reason: '`{quote}`: a stored auth profile beats a key set in config or env.',
      text: 'the user says the runtime still sends the old key after they changed it in config or env',
    },
    {
      error: ['token_expired', 'invalid_bearer_token'],
      with: { statement: ['env_key_said'] },
      unless: NO_ANTHROPIC_LINE,
      verdict: 'possible',
      reason: '`{quote}` while your key is in `{with.value}`: a stored token profile beats env',
      text: 'a token error while the user says their key is in env',
    },
    {
      fact: 'auth_line',
      where: { provider: 'anthropic', shadowing: PRESENT },
      with: { statement: ['set_env_var'] },
      reason: SHADOWS,
      text: '`effective=profiles:…` AND an `env=<mask>` bit with a different mask, and the user says they set the env var',
    },
    {
      fact: 'auth_line',
      where: { provider: 'anthropic', shadowing: PRESENT, failing: true },
      verdict: 'possible',
      reason: SHADOWS,
      text: '`effective=profiles:…` AND an `env=<mask>` bit with a different mask, and a failure still reported',
    },
  ],
  // The onboard flag is Anthropic's; another provider's key goes into its profile by provider id:
  // `paste-api-key` exists from 5.28 (openclaw-cli.md §2, §10.9), the wizard on every version.
  steps: [
    {
      versions: 'any',
      command: ONBOARD_WITH_ENV_KEY,
      why: 'Run it in the shell where `ANTHROPIC_API_KEY` is set: it writes that key into the profile, so both agree.',
      then: 'Then `openclaw models status`: the profile mask must equal the `env=` mask.',
    },
    { case: 'other_provider', versions: '≤2026.5.27', command: 'openclaw onboard', why: OTHER_PROFILE_WHY, then: OTHER_PROFILE_THEN },
    { case: 'other_provider', versions: '≥2026.5.28', command: 'openclaw models auth paste-api-key --provider <provider>', why: OTHER_PROFILE_WHY, then: OTHER_PROFILE_THEN },
    { case: 'other_provider', versions: 'unknown', command: 'openclaw onboard', why: OTHER_PROFILE_WHY, then: OTHER_PROFILE_THEN },
  ],
  stepCase: (ctx) => (shadowedProvider(ctx.view) === 'anthropic' ? undefined : 'other_provider'),
  values: (ctx) => ({ '<provider>': shadowedProvider(ctx.view) }),
};
