/**
 * Family A (second part): which auth profile OpenClaw sends, and why (branches.md §A:
 * api_key_in_token_profile, profile_order_conflict, profile_shadows_env). The key itself is judged
 * in ./api-key.ts, a key of another provider in ./api-key-provider.ts.
 */
import { msg, q } from '../reason.ts';
import {
  because,
  errorQuote,
  errorsWith,
  explicitOrder,
  maskHead,
  profileInUse,
  providerLine,
  statements,
  threadProvider,
  xApiKeyRejections,
} from '../signals.ts';
import type { Rule } from '../types.ts';
import type { EvidenceView } from '../view.ts';
import { confirmed, possible, ruledOut } from '../verdict.ts';
import { failureSeen, fixedProfile, notSeenYet, ONBOARD_WITH_ENV_KEY, READ_KEY } from './shared.ts';

const DOCS_AUTH = 'https://docs.openclaw.ai/gateway/authentication';

export const apiKeyInTokenProfile: Rule = {
  id: 'api_key_in_token_profile',
  family: 'api-key',
  title: 'An API key is stored as a token profile',
  priority: 40,
  beats: ['profile_order_conflict', 'api_key_invalid', 'provider_overloaded', 'auth_store_malformed'],
  whenSignals: [
    'a token profile whose mask starts `token:sk-ant-a` (an API key stored via paste-token)',
    'a pasted auth-profiles.json with `"type": "token"` holding an `sk-ant-api…` value (seed 000: 529 loop)',
    'token profiles are tried before api_key ones (§3.3)',
  ],
  then: '`openclaw models auth order get --provider anthropic` → `Order override: anthropic:default`',
  docs: DOCS_AUTH,
  commands: [],
  when(view) {
    const pl = providerLine(view, 'anthropic');
    const token = pl?.line.profiles.find((p) => p.type === 'token' && maskHead(p.credential)?.startsWith('sk-ant-a'));
    if (pl && token) {
      const order = explicitOrder(view, 'anthropic');
      if (order?.order?.length && !order.order.includes(token.profileId)) {
        return ruledOut(because(msg`the order already pins ${q(order.order.join(', '))}, so ${q(token.profileId)} is not tried`, order.fact));
      }
      const counts = pl.line.counts;
      const countText = counts ? `profiles=${counts.total} (oauth=${counts.oauth}, token=${counts.token}, api_key=${counts.apiKey}) · ` : '';
      return confirmed(
        2,
        because(
          msg`${q(`${countText}${token.profileId}=token:${token.credential.form === 'masked' ? token.credential.mask : ''}`)}: an API key stored as a token, and token profiles are tried before api_key ones, so Anthropic gets it the wrong way.`,
          pl.status,
        ),
      );
    }
    for (const json of view.all('auth_profiles_json')) {
      const p = json.profiles.find((x) => x.type === 'token' && x.valueHead?.startsWith('sk-ant-') && !x.valueHead.startsWith('sk-ant-oat'));
      if (!p) continue;
      const overloaded = view.all('provider_error').find((e) => e.code === 'overloaded' || e.code === 'auth_service_unavailable' || e.httpStatus === 529);
      if (p.valueHead?.startsWith('sk-ant-api') || overloaded) {
        return confirmed(
          2,
          because(msg`${q(`"${p.profileId}": { "type": "token" … "${p.valueHead}…" }`)} holds an API key as a token: Anthropic answers that route with 529s and 401s.`, json, overloaded),
        );
      }
      return possible(because(msg`${q(p.profileId)} is \`"type": "token"\`; an API key there is sent the wrong way`, json));
    }
    const err = xApiKeyRejections(view).at(-1);
    if (err && !pl) return possible(notSeenYet(err));
    return null;
  },
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
  whenSignals: [
    '`profiles=N` with N ≥ 2 for the failing provider and the profile in use is not the one the user just fixed',
    'a fresh login saved under another profile than the one in use ("under profile ID `<p>:<email>` rather than updating `<p>:default`")',
  ],
  then: '`openclaw models auth order get --provider <provider>`, then `/reset` in the TUI and retry',
  docs: DOCS_AUTH,
  commands: [],
  when(view) {
    const saved = savedElsewhere(view);
    if (saved) return confirmed(2, because(msg`${q(saved.quote)}: the fresh login is ${q(saved.profileId)}, but another ${q(saved.provider)} profile is used.`, saved.fact));
    // "The order I set is reverted": the order does not stick, so another profile keeps being tried first.
    const notKept = statements(view, 'order_not_kept').at(-1);
    if (notKept) return confirmed(1, because(msg`${q(notKept.quote)}: the order you set does not stick, so another profile keeps being tried first.`, notKept));
    const err = xApiKeyRejections(view).at(-1);
    const pl = providerLine(view, 'anthropic');
    if (!pl) return err ? possible(notSeenYet(err)) : null;
    if (pl.line.profiles.length < 2) return err ? ruledOut(because('only one Anthropic profile exists', pl.status)) : null;
    const used = profileInUse(view, pl.line);
    const fixed = fixedProfile(view, pl.line);
    if (fixed && used && fixed !== used.profileId && failureSeen(view)) {
      return confirmed(2, because(msg`${pl.line.profiles.length} Anthropic profiles: you fixed ${q(fixed)}, but ${q(used.profileId)} is tried first.`, pl.status));
    }
    return failureSeen(view) ? possible(because(msg`${pl.line.profiles.length} Anthropic profiles; which one is tried first decides`, pl.status)) : null;
  },
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
  whenSignals: ['`effective=profiles:…` AND an `env=<mask>` bit with a different mask, and the user says they set the env var (§3.5)'],
  then: '`openclaw models status`: profile mask == env mask',
  docs: 'https://docs.openclaw.ai/help/environment',
  commands: [],
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
  when(view) {
    const pl = providerLine(view, 'anthropic');
    // "The runtime still sends the old key" after it was changed elsewhere (config, env): a stored profile wins.
    const old = statements(view, 'old_key_used').at(-1);
    if (!pl && old) return confirmed(1, because(msg`${q(old.quote)}: a stored auth profile beats a key set in config or env.`, old));
    const envKey = statements(view, 'env_key_said').at(-1);
    const tokenErr = errorsWith(view, 'token_expired', 'invalid_bearer_token').at(-1);
    if (!pl && envKey && tokenErr) return possible(because(msg`${q(errorQuote(tokenErr))} while your key is in ${q(envKey.value ?? 'env')}: a stored token profile beats env`, tokenErr, envKey));
    if (!pl || pl.line.effective?.kind !== 'profiles' || pl.line.env?.credential.form !== 'masked') return null;
    const used = profileInUse(view, pl.line);
    if (used?.credential.form !== 'masked' || used.credential.mask === pl.line.env.credential.mask) return null;
    const said = statements(view, 'set_env_var').at(-1);
    const why = because(
      msg`${q(`${used.profileId}=${used.credential.mask}`)} is used while your env key is ${q(`env=${pl.line.env.credential.mask}`)}: any stored profile beats env (§3.5).`,
      pl.status,
      said,
    );
    if (said) return confirmed(2, why);
    return failureSeen(view) ? possible(why) : null;
  },
};
