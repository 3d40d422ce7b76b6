/**
 * Family B: Claude subscription, setup-token and OAuth credentials, sent as Bearer
 * (branches.md §B). Version-aware: the Claude CLI login method exists from 2026.3.26 (§9).
 */
import { errorsWith, providerLine } from '../signals.ts';
import type { Rule } from '../types.ts';
import type { EvidenceView } from '../view.ts';

const DOCS_TOKEN = 'https://docs.openclaw.ai/providers/anthropic#option-b-claude-setup-token';
const DOCS_OAUTH = 'https://docs.openclaw.ai/concepts/oauth';
/** The generic rejections a more specific subscription branch beats. */
export const GENERIC_AUTH = ['api_key_invalid', 'setup_token_rejected', 'provider_key_invalid', 'rate_limited', 'token_expired'] as const;

/** Anthropic token/OAuth profiles on the newest provider line. */
function subscriptionProfiles(view: EvidenceView) {
  return providerLine(view, 'anthropic')?.line.profiles.filter((p) => p.type === 'token' || p.type === 'oauth') ?? [];
}

const ANTHROPIC_OR_NONE = { any: ['anthropic', null] } as const;
/** `Invalid bearer token` from Anthropic (or naming no provider) in a chat run, not the usage probe. */
const CHAT_BEARER = { error: ['invalid_bearer_token'], where: { wrapper: { none: ['usage'] }, errorProvider: ANTHROPIC_OR_NONE } } as const;

export const setupTokenRejected: Rule = {
  id: 'setup_token_rejected',
  family: 'setup-token',
  title: 'Anthropic rejects the setup-token',
  priority: 10,
  then: '`openclaw models auth paste-token --provider anthropic`, then `openclaw models status`',
  docs: DOCS_TOKEN,
  commands: [],
  signals: [
    {
      ...CHAT_BEARER,
      with: { fact: 'subscription_credential', where: { profileId: { re: '.' } } },
      reason: '`{quote}` for `{with.profileId}`: Anthropic no longer accepts that token.',
      text: '`401 … Invalid bearer token` from a chat run, with a token profile on `models status` (not an `sk-ant-a…` key) or a token/OAuth `/status` card naming its profile',
      specificity: 2,
    },
    {
      ...CHAT_BEARER,
      with: { fact: 'subscription_credential' },
      reason: '`{quote}` for your subscription token: Anthropic no longer accepts that token.',
      text: '`401 … Invalid bearer token` from a chat run while the user says they use a Claude subscription, a token/OAuth `/status` card names no profile, or a pasted auth-profiles.json holds an `sk-ant-oat…` token',
      specificity: 2,
    },
    { ...CHAT_BEARER, verdict: 'possible', reason: '`{quote}`: a Bearer credential (setup-token or OAuth) was rejected', text: '`401 … Invalid bearer token` from a chat run, nothing showing which credential' },
    {
      error: ['invalid_bearer_token'],
      where: { wrapper: 'usage', errorProvider: ANTHROPIC_OR_NONE },
      unless: { error: ['invalid_bearer_token'], where: CHAT_BEARER.where },
      verdict: 'ruled_out',
      reason: 'the `Invalid bearer token` comes from the usage probe, not a chat run',
      text: '`Invalid bearer token` only from the usage probe (`status --usage`)',
    },
  ],
  steps: [
    {
      versions: 'any',
      command: 'claude setup-token',
      why: 'Make a fresh token with Claude Code (on any machine where you are logged in to Claude).',
      then: 'Then `openclaw models auth paste-token --provider anthropic` on the gateway host, paste it, and run `openclaw models status`.',
    },
  ],
};

const NEW_SETUP_TOKEN = {
  command: 'claude setup-token',
  why: 'Setup-tokens do not renew themselves: make a new one with Claude Code.',
  then: 'Then `openclaw models auth paste-token --provider anthropic` and `openclaw models status` (the profile shows `static` or `ok`).',
};

/** A `token_expired` error from Anthropic (or naming no provider). */
const ANTHROPIC_EXPIRED = { error: ['token_expired'], where: { errorProvider: ANTHROPIC_OR_NONE }, text: 'a `token_expired` error from Anthropic' } as const;

export const tokenExpired: Rule = {
  id: 'token_expired',
  family: 'setup-token',
  title: 'The subscription token has expired',
  priority: 20,
  beats: ['setup_token_rejected'],
  signals: [
    {
      fact: 'models_status',
      each: 'oauthStatus.profiles',
      where: { status: { re: '^(expired|expiring|unknown)$' } },
      quote: '{profileId} {status}{expires|opt}',
      reason: '`{quote}` under `OAuth/token status`.',
      text: '`OAuth/token status` lists a profile `expired`, `expiring` or `unknown`',
    },
    { fact: 'doctor', each: 'entries', where: { status: { re: 'expired' } }, reason: 'doctor: `{profileId}` expired', text: '`openclaw doctor` lists an expired profile' },
    // "I use ANTHROPIC_API_KEY" and yet an OAuth token expired: a stored token profile is sent instead.
    {
      ...ANTHROPIC_EXPIRED,
      with: { statement: ['env_key_said', 'console_key'], quote: '{value??quote}' },
      verdict: 'possible',
      reason: '`{quote}` although you use `{with}`',
      text: 'a `token_expired` error from Anthropic while the user says they use an env or Console key',
    },
    { ...ANTHROPIC_EXPIRED, reason: '`{quote}`', specificity: 2 },
  ],
  then: 'setup-token: `openclaw models auth paste-token --provider anthropic`; CLI login: `openclaw models auth login --provider anthropic --method cli`',
  docs: DOCS_OAUTH,
  commands: [],
  steps: [
    { versions: 'any', ...NEW_SETUP_TOKEN },
    // A Claude CLI login (an `oauth` profile) renews with `claude auth login` where the CLI method exists (≥3.26, §9).
    { case: 'cli_login', versions: '≤2026.3.25', ...NEW_SETUP_TOKEN },
    {
      case: 'cli_login',
      versions: '≥2026.3.26',
      command: 'claude auth login',
      why: 'This profile reuses your Claude CLI login; log in to Claude Code again to renew it.',
      then: 'Then `openclaw models auth login --provider anthropic --method cli`.',
    },
    { case: 'cli_login', versions: 'unknown', ...NEW_SETUP_TOKEN },
    {
      case: 'other_provider',
      versions: 'any',
      command: 'openclaw models auth login --provider <provider>',
      why: 'Log in again so OpenClaw gets a fresh token for this provider.',
      then: 'Then `openclaw models status`: the profile must show `ok`.',
    },
  ],
  stepCase(ctx) {
    if (expiredProvider(ctx.view) !== 'anthropic') return 'other_provider';
    return subscriptionProfiles(ctx.view).some((p) => p.type === 'oauth') ? 'cli_login' : undefined;
  },
  values: (ctx) => ({ '<provider>': expiredProvider(ctx.view) }),
};

function expiredProvider(view: EvidenceView): string {
  for (const s of [...view.all('models_status')].reverse()) {
    for (const prov of s.oauthStatus) if (prov.profiles.some((x) => x.status !== 'ok' && x.status !== 'static')) return prov.provider.toLowerCase();
  }
  return 'anthropic';
}

export const claudeCodeOnlyCredential: Rule = {
  id: 'claude_code_only_credential',
  family: 'setup-token',
  title: 'This credential works only inside Claude Code',
  priority: 80,
  beats: [...GENERIC_AUTH],
  signals: [
    {
      error: ['claude_code_only'],
      reason: '`{quote}`: Anthropic refuses this subscription credential outside Claude Code.',
      text: '`This credential is only authorized for use with Claude Code and cannot be used for other API requests.`',
    },
    {
      error: ['oauth_org_not_allowed'],
      reason: '`{quote}`: this organization refuses subscription (OAuth) credentials for API use.',
      text: '`403 permission_error: OAuth authentication is currently not allowed for this organization.` (same fix: an API key)',
      specificity: 2,
    },
  ],
  then: '`openclaw models status`',
  docs: 'https://docs.openclaw.ai/providers/anthropic',
  commands: [],
  steps: [
    {
      versions: 'any',
      command: 'openclaw onboard',
      why: 'Choose **Anthropic API key** and paste a key from the Anthropic Console (Settings → API Keys).',
      then: 'Then `openclaw models status`.',
    },
  ],
};

export const setupTokenPasteRejected: Rule = {
  id: 'setup_token_paste_rejected',
  family: 'setup-token',
  title: 'The setup-token prompt refused what was pasted',
  priority: 70,
  signals: [
    {
      error: ['setup_token_prefix', 'setup_token_short'],
      quote: '{message}',
      reason: '`{quote}`: the setup-token prompt checks the prefix and length.',
      text: '`Expected token starting with sk-ant-oat01-` / `Token looks too short; paste the full setup-token`',
    },
    {
      // "The token I pasted is incomplete": stored cut (a line break in the terminal).
      statement: ['token_truncated'],
      reason: '`{quote}`: a setup-token cut while pasting is stored cut, and every call is refused.',
      text: 'the user says the pasted token was cut or incomplete',
    },
  ],
  then: '`openclaw models status`',
  docs: DOCS_TOKEN,
  commands: [],
  steps: [
    {
      versions: 'any',
      command: 'claude setup-token',
      why: 'The token was cut when pasting; make a new one and paste it whole (it is long; let it wrap).',
      then: 'Then `openclaw models auth paste-token --provider anthropic` and `openclaw models status`.',
    },
    {
      case: 'api_key_pasted',
      versions: 'any',
      command: 'openclaw onboard',
      why: 'An API key (`sk-ant-api…`) goes through the wizard as **Anthropic API key**, not through setup-token.',
      then: 'Then `openclaw models status`.',
    },
  ],
  // `Expected token starting with sk-ant-oat01-`: what was pasted is not a setup-token (an API key).
  stepCase: (ctx) => (errorsWith(ctx.view, 'setup_token_prefix', 'setup_token_short').at(-1)?.code === 'setup_token_prefix' ? 'api_key_pasted' : undefined),
};

export const extraUsageRequired: Rule = {
  id: 'extra_usage_required',
  family: 'setup-token',
  title: 'The subscription needs extra usage for this request',
  priority: 75,
  beats: [...GENERIC_AUTH],
  then: 'turn `context1m` off or use an API key with billing',
  docs: 'https://docs.openclaw.ai/providers/anthropic#troubleshooting',
  commands: [],
  signals: [
    {
      error: ['extra_usage_required'],
      text: "`Third-party apps now draw from your extra usage` / `You're out of extra usage` / `Extra usage is required for long context requests`",
      reason: "`{quote}`: the subscription's included usage does not cover this request.",
    },
  ],
  // ≥7.1 `params.context1m` is a no-op (docs): the subscription itself has no extra usage left for third-party use.
  steps: [
    {
      versions: '≤2026.6.11',
      command: 'openclaw config get agents.defaults.models',
      why: 'Long-context requests (`context1m: true`) need extra usage on a subscription; this shows where it is set.',
      then: 'Turn `context1m` off for that model, or use an Anthropic API key with billing (`openclaw onboard`).',
    },
    {
      versions: '≥2026.7.1',
      command: 'openclaw onboard',
      why: 'Since 2026.7.1 OpenClaw draws on extra usage for every third-party request, and the subscription has none left: choose **Anthropic API key** (or fund Extra usage at claude.ai, Settings → Usage).',
      then: 'Then `openclaw models status` shows the API-key profile in use.',
    },
    {
      versions: 'unknown',
      command: 'openclaw --version',
      why: 'Up to 2026.6.11 a `context1m` setting causes this; from 2026.7.1 the subscription has no extra usage left for third-party use. The version decides.',
      then: 'Paste the line it prints.',
    },
  ],
};
