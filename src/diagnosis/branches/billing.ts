/**
 * Family C: billing, cooldown and limits (branches.md §C). Cooldown and disabled suffixes come
 * from `models status` labels (§1.3, §1.6); reasons and backoff from §3.4.
 */
import type { ErrorCode } from '../../evidence/facts.ts';
import type { ErrorSignal, WithSpec } from '../patterns.ts';
import type { Steps } from '../steps.ts';
import { errorProvider, errorsWith, statements } from '../signals.ts';
import type { Rule } from '../types.ts';
import type { EvidenceView } from '../view.ts';

const DOCS_FAILOVER = 'https://docs.openclaw.ai/concepts/model-failover';
const GENERIC = ['api_key_invalid', 'setup_token_rejected', 'provider_key_invalid', 'rate_limited'] as const;

const BILLING_CONSOLE: Record<string, string> = {
  anthropic: 'the Anthropic Console (Plans & Billing)',
  openai: 'the OpenAI platform (Settings → Billing)',
  openrouter: 'OpenRouter (Settings → Credits)',
};

const TOP_UP = 'Top up in <console>, in the SAME organization the key belongs to.';
const TOP_UP_OTHER = "Top up in `<provider>`'s billing dashboard, in the SAME organization the key belongs to.";
const TOP_UP_THEN = 'Then `openclaw models status`: a `[disabled:billing …]` suffix means OpenClaw still backs off for a while.';
const BILLING_ERROR_WHY = 'The provider answered with a billing error, not an authentication one: the key works, the balance does not.';
const BOUGHT_WHY = 'Credits bought in another organization (or workspace) do not count for this key: check the key is listed in the org you paid for.';

/** The provider of the newest billing error (Anthropic when it names none). */
function billedProvider(view: EvidenceView): string {
  const err = errorsWith(view, 'credit_balance_low', 'billing_error', 'payment_required').at(-1);
  return (err && errorProvider(err)) ?? 'anthropic';
}

const BILLING: ErrorCode[] = ['credit_balance_low', 'billing_error', 'payment_required'];
const BOUGHT_AFTER = { statement: ['bought_credits'], order: 'after' } as const satisfies WithSpec;
const TOPPED_UP = '`{quote}`: the provider refuses requests until the balance is topped up.';

export const creditBalanceLow: Rule = {
  id: 'credit_balance_low',
  family: 'billing',
  title: 'The account is out of credits',
  priority: 80,
  beats: [...GENERIC],
  then: '`openclaw models status`; a `[disabled:billing …]` suffix means OpenClaw still backs off (profile_disabled)',
  docs: 'https://docs.openclaw.ai/help/faq',
  commands: [],
  // Credits bought after the error: the balance is no longer the cause, the back-off is (only possible).
  signals: [
    { error: BILLING, with: BOUGHT_AFTER, verdict: 'possible', reason: TOPPED_UP, text: 'a billing error, then the user says they bought credits' },
    { error: BILLING, reason: TOPPED_UP, text: '`credit balance is too low` / the `⚠️ … returned a billing error` text / `Payment Required`' },
    { error: 'any', where: { httpStatus: 402 }, with: BOUGHT_AFTER, verdict: 'possible', reason: TOPPED_UP, text: 'HTTP 402, then the user says they bought credits' },
    { error: 'any', where: { httpStatus: 402 }, reason: TOPPED_UP, text: 'HTTP 402 with another text' },
  ],
  steps: [
    { versions: 'any', kind: 'action', text: TOP_UP, why: BILLING_ERROR_WHY, then: TOP_UP_THEN },
    { case: 'bought', versions: 'any', kind: 'action', text: TOP_UP, why: BOUGHT_WHY, then: TOP_UP_THEN },
    { case: 'other_provider', versions: 'any', kind: 'action', text: TOP_UP_OTHER, why: BILLING_ERROR_WHY, then: TOP_UP_THEN },
    { case: 'other_provider_bought', versions: 'any', kind: 'action', text: TOP_UP_OTHER, why: BOUGHT_WHY, then: TOP_UP_THEN },
  ],
  // A provider with a known billing page names it; credits bought already say to check the organization.
  stepCase(ctx) {
    const bought = statements(ctx.view, 'bought_credits').length > 0;
    const known = BILLING_CONSOLE[billedProvider(ctx.view)] !== undefined;
    return [known ? '' : 'other_provider', bought ? 'bought' : ''].filter(Boolean).join('_') || undefined;
  },
  values: (ctx) => ({ '<console>': BILLING_CONSOLE[billedProvider(ctx.view)], '<provider>': billedProvider(ctx.view) }),
};

export const profileDisabled: Rule = {
  id: 'profile_disabled',
  family: 'billing',
  title: 'OpenClaw disabled the profile after failures',
  priority: 70,
  beats: ['profile_cooldown'],
  then: 'wait for it, or replace the credential; `openclaw doctor` shows `Auth profile cooldowns`',
  docs: DOCS_FAILOVER,
  commands: [],
  signals: [
    {
      fact: 'unusable_profile',
      where: { kind: 'disabled' },
      reason: '`{label}`: OpenClaw skips this profile until the time runs out.',
      text: '`[disabled:<reason> <dur>]` on a profile label, or ≥8.1 `Unavailable auth profiles` `- <id> (<p>) disabled[:<reason>] …`',
    },
    {
      error: ['provider_skipped'],
      reason: '`{quote}`',
      text: '`Provider <p> has billing issue (skipping all models)` after the cause was fixed',
    },
    {
      fact: 'doctor',
      each: 'entries',
      where: { status: { re: '^disabled' } },
      reason: '`openclaw doctor` lists a disabled profile',
      text: '`openclaw doctor` lists a profile `disabled`',
    },
    {
      // "I bought credits and it still fails": OpenClaw keeps a billing-failed profile disabled (5h back-off).
      error: BILLING,
      with: BOUGHT_AFTER,
      reason: 'You bought credits after `{quote}`: OpenClaw still keeps that profile disabled after a billing failure (a back-off of hours) until the timer ends or the gateway restarts.',
      text: 'a billing error, then the user says they bought credits',
      specificity: 1,
    },
  ],
  steps: [
    {
      versions: 'any',
      command: 'openclaw models status --json',
      why: 'Read `auth.unusableProfiles[].until` in it: the profile stays disabled until then (5h doubling, up to 24h).',
      then: 'Wait for it, or replace the credential; `openclaw doctor` shows `Auth profile cooldowns`.',
    },
  ],
};

const COOLDOWN_LOG_WHY = 'A cooldown is a consequence: the log shows the failure that caused it (auth, rate limit, billing…). Retry once while it runs.';
const COOLDOWN_LOG_THEN = 'Paste the error line it shows; that failure decides the fix.';

export const profileCooldown: Rule = {
  id: 'profile_cooldown',
  family: 'billing',
  title: 'The profile is in cooldown after failures',
  priority: 30,
  signals: [
    {
      error: ['no_available_profile', 'provider_cooldown'],
      // After a `Missing scopes` refusal the cooldown is that route problem's echo: only possible (the next signal).
      unless: { error: ['missing_scopes'] },
      reason: '`{quote}`: earlier failures put the profiles on hold.',
      text: '`No available auth profile for <p> (all in cooldown or unavailable)` / `Provider <p> is in cooldown`',
    },
    {
      error: ['no_available_profile', 'provider_cooldown'],
      with: { error: ['missing_scopes'] },
      verdict: 'possible',
      reason: '`{quote}`, after a `Missing scopes` refusal',
      text: 'the cooldown error after a `Missing scopes` refusal',
    },
    {
      fact: 'unusable_profile',
      where: { kind: 'cooldown' },
      reason: '`{label}`: earlier failures put it on hold.',
      text: '`[cooldown <dur>]` on a profile label, or ≥8.1 `Unavailable auth profiles` `- <id> (<p>) cooldown[:<reason>] (<dur>) — <hint>`',
    },
    {
      fact: 'doctor',
      each: 'entries',
      where: { status: { re: '^cooldown' } },
      quote: '{profileId}: {status}{? ({remaining})}',
      reason: "`{quote}` under doctor's `Auth profile cooldowns`: earlier failures put it on hold.",
      text: '`openclaw doctor` lists a profile in cooldown (`Auth profile cooldowns`)',
    },
  ],
  then: 'follow the branch of the underlying failure reason',
  docs: DOCS_FAILOVER,
  commands: [],
  // ≤7.x: the log names the cause; ≥8.1: `Unavailable auth profiles` in models status names it (e.g. `cooldown:auth`).
  steps: [
    { versions: '≤2026.7.1', command: 'openclaw logs --follow', why: COOLDOWN_LOG_WHY, then: COOLDOWN_LOG_THEN },
    {
      versions: '≥2026.8.1',
      command: 'openclaw models status',
      why: 'A cooldown is a consequence: the `Unavailable auth profiles` line names the failure that caused it (e.g. `cooldown:auth`) and when it ends.',
      then: 'Paste that section; the failure it names decides the fix.',
    },
    { versions: 'unknown', command: 'openclaw logs --follow', why: COOLDOWN_LOG_WHY, then: COOLDOWN_LOG_THEN },
  ],
};

const LATER_AUTH: ErrorCode[] = ['token_expired', 'invalid_x_api_key', 'invalid_bearer_token', 'authentication_error', 'invalid_api_key', 'provider_key_invalid'];
const RATE_LIMIT = {
  error: ['rate_limited'],
  where: { wrapper: { none: ['usage'] } },
  reason: "`{quote}`: too many requests or tokens for this key's limits.",
  text: '`429` / `rate_limit_error` / `⚠️ API rate limit reached` / `RESOURCE_EXHAUSTED` / `quota exceeded` (not from the usage probe)',
} as const satisfies ErrorSignal;

export const rateLimited: Rule = {
  id: 'rate_limited',
  family: 'billing',
  title: 'The provider is rate limiting',
  priority: 20,
  then: '—',
  docs: DOCS_FAILOVER,
  commands: [],
  // A 429 line is always `rate_limited` (src/evidence/error-classify.ts reads the status when the text says nothing else).
  signals: [
    {
      // A credential refused after the limit in the same paste is the newer failure.
      ...RATE_LIMIT,
      with: { error: LATER_AUTH, order: 'below' },
      verdict: 'possible',
      text: 'a rate limit, then a refused credential lower in the same paste',
    },
    {
      // The rate-limit copy over a `Missing scopes` 403: the copy misreports a route problem.
      ...RATE_LIMIT,
      with: { error: ['missing_scopes'] },
      verdict: 'possible',
      text: 'a rate limit with a `Missing scopes` refusal',
    },
    { ...RATE_LIMIT, specificity: 2 },
  ],
  steps: fallbackRows('Wait a minute and retry, or add a fallback model from another provider so runs continue while the limit lasts.'),
};


const OVERLOADED: ErrorCode[] = ['overloaded', 'auth_service_unavailable'];
/** An Anthropic API key (`sk-ant-…`, not a setup-token `sk-ant-oat…`) stored in a `"type": "token"` profile. */
const KEY_AS_TOKEN = { fact: 'auth_profiles_json', each: 'profiles', where: { type: 'token', valueHead: { re: '^sk-ant-(?!oat)' } } } as const satisfies WithSpec;
const KEY_AS_TOKEN_WHY = 'the 529s come with an API key stored as `"type": "token"`: the profile, not the provider, is the problem';
const BUSY = '`{quote}`: the provider is busy; nothing is wrong with your setup.';

export const providerOverloaded: Rule = {
  id: 'provider_overloaded',
  family: 'billing',
  title: 'The provider is overloaded',
  priority: 10,
  then: 'retry later',
  docs: DOCS_FAILOVER,
  commands: [],
  // 529s with an API key stored as `"type": "token"`: the profile, not the provider, is the problem (api_key_in_token_profile).
  signals: [
    { error: OVERLOADED, with: KEY_AS_TOKEN, verdict: 'ruled_out', reason: KEY_AS_TOKEN_WHY, text: 'a 529 while auth-profiles.json holds an API key as `"type": "token"`' },
    { error: OVERLOADED, reason: BUSY, text: '`overloaded_error` / `The AI service is temporarily overloaded`', specificity: 2 },
    { error: 'any', where: { httpStatus: 529 }, with: KEY_AS_TOKEN, verdict: 'ruled_out', reason: KEY_AS_TOKEN_WHY, text: 'HTTP 529 while auth-profiles.json holds an API key as `"type": "token"`' },
    { error: 'any', where: { httpStatus: 529 }, reason: BUSY, text: 'HTTP 529 with another text', specificity: 2 },
  ],
  steps: fallbackRows('Nothing to fix on your side; a fallback model keeps runs going while the provider is busy.'),
};

function fallbackRows(why: string): Steps {
  return [{ versions: 'any', command: 'openclaw models fallbacks add <provider/model>', why, then: 'Retry later; `openclaw models status` shows the fallback.' }];
}
