/**
 * Normalises a provider/OpenClaw error message to an `ErrorCode` (§4.3 catalog, §7 Discord, and
 * other providers' 401 texts), with what the message names: provider, profile, agent store path,
 * env var. Substring checks on the lower-cased message plus bounded regexes: linear time.
 */
import { agentIdFromPath } from './context.ts';
import type { ErrorCode } from './facts.ts';

export interface Classified {
  code: ErrorCode;
  provider?: string;
  model?: string;
  profileId?: string;
  agentId?: string;
  storePath?: string;
  variable?: string;
  /** The message stops before its known end (a cut paste or title). */
  truncated?: boolean;
}

/** Ordered: the first matching rule wins (most specific first). */
const RULES: [ErrorCode, (m: string) => boolean][] = [
  ['cli_login_expired', (m) => m.includes('oauth session expired and could not be refreshed') || m.includes('not logged in · please run /login') || m.includes('not logged in - please run /login') || /"?loggedin"?:\s*false/.test(m)],
  ['login_expired_copy', (m) => m.includes('model login expired on the gateway')],
  ['claude_code_only', (m) => m.includes('only authorized for use with claude code')],
  ['credit_balance_low', (m) => m.includes('credit balance is too low') || m.includes('returned a billing error') || m.includes('insufficient credits') || m.includes('insufficient balance')],
  ['extra_usage_required', (m) => m.includes('extra usage is required') || m.includes('out of extra usage') || m.includes('draw from your extra usage')],
  ['credit_balance_low', (m) => m.includes('reached your specified api usage limits') || m.includes('out of usage credits') || m.includes('looks like a billing issue on the account')],
  ['provider_cooldown', (m) => m.includes('with any of your saved logins right now')],
  ['auth_failed_copy', (m) => m.includes("isn't accepting your saved login")],
  ['auth_service_unavailable', (m) => m.includes('authentication service is temporarily unavailable')],
  ['oauth_org_not_allowed', (m) => m.includes('not allowed for this organization')],
  [
    'codex_oauth_only',
    (m) =>
      m.includes('authenticated with openai codex oauth') ||
      (m.includes('codex app-server auth profile') && m.includes('must belong to provider')) ||
      m.includes('codex subscription auth profile could not produce login credentials') ||
      m.includes('with the codex oauth profile'),
  ],
  ['oauth_refresh_failed', (m) => m.includes('oauth token refresh failed') || m.includes('token refresh failed')],
  ['oauth_refresh_failed', (m) => /\brefresh\w*\b/.test(m) && (m.includes('token_expired') || m.includes('401'))],
  ['discord_intents_missing', (m) => /intents:content=(?:limited|disabled)/.test(m)],
  ['refresh_token_reused', (m) => m.includes('refresh_token_reused') || m.includes('refresh token has already been used') || m.includes('refresh_token_invalidated')],
  ['startup_secrets_unavailable', (m) => m.includes('required secrets are unavailable') || m.includes('required-secrets startup')],
  ['generic_failure', (m) => m.includes('something went wrong while processing your request')],
  // ≥8.1 also `Environment variable "<VAR>" is missing or empty.` for an unresolved `ref(env:…)`.
  ['missing_env_var', (m) => m.includes('missing env var "') || (m.startsWith('environment variable "') && m.includes('" is missing or empty'))],
  ['setup_token_prefix', (m) => m.includes('expected token starting with sk-ant-oat01')],
  ['setup_token_short', (m) => m.includes('token looks too short')],
  ['no_api_key', (m) => m.includes('no api key found') || m.includes('missing api key for')],
  ['route_unresolved', (m) => m.includes('no route-compatible authentication source') || /explicit auth order for \S+ has no usable profiles/.test(m) || m.includes('no usable api-key authentication')],
  ['no_credentials_for_profile', (m) => m.includes('no credentials found for profile') || /auth profile "[^"]{1,128}" was not found/.test(m) || m.includes('selected auth profile is unavailable')],
  ['no_api_key_resolved', (m) => m.includes('no api key resolved for provider')],
  ['no_available_profile', (m) => m.includes('no available auth profile')],
  ['provider_cooldown', (m) => /provider \S+ is in cooldown/.test(m) || m.includes('is temporarily unavailable for')],
  ['provider_skipped', (m) => m.includes('(skipping all models)')],
  ['discord_intents_missing', (m) => m.includes('closed with code 4014') || m.includes('missing privileged gateway intents')],
  ['discord_token_missing', (m) => m.includes('discord bot token missing')],
  ['discord_getme_failed', (m) => m.includes('getme failed')],
  ['no_auth_configured', (m) => m.includes('no auth configured for provider')],
  ['unknown_provider', (m) => /^(?:error: )?unknown provider "/.test(m)],
  ['unknown_model', (m) => m.startsWith('unknown model:') || m.includes('model not found:')],
  ['model_not_allowed', (m) => /^model "[^"]{1,200}" is not allowed/.test(m)],
  ['invalid_x_api_key', (m) => m.includes('invalid x-api-key')],
  ['invalid_bearer_token', (m) => m.includes('invalid bearer token') || m.includes('oauth authentication is currently not supported')],
  ['auth_failed_copy', (m) => m.includes('authentication failed (provider returned http 401)') || m.includes('authentication failed, http 401') || m.includes("couldn't sign in to") || m.includes('could not sign in to')],
  ['no_auth_header', (m) => m.includes('missing bearer or basic authentication') || m.includes('x-api-key header is required')],
  ['missing_scopes', (m) => m.includes('missing scopes:')],
  [
    'provider_key_invalid',
    (m) =>
      m.includes('incorrect api key provided') ||
      m.includes('api_key_invalid') ||
      m.includes('api key not valid') ||
      m.includes('user not found') ||
      m.includes('no auth credentials found') ||
      m.includes('carry the api secret key') ||
      m.includes('invalid api key provided') ||
      m.includes('missing authentication header') ||
      m.includes('invalid authentication') ||
      m.includes('you need to sign in to use this model'),
  ],
  ['key_type_refused', (m) => m.includes('api keys are not supported by this api')],
  ['invalid_api_key', (m) => m.includes('invalid api key') || m.includes('invalid_api_key') || m.includes('api key is invalid')],
  ['token_expired', (m) => m.includes('token has expired') || m.includes('token_expired') || m.includes('token expired')],
  ['context_overflow', (m) => m.includes('context overflow') || m.includes('prompt is too long')],
  ['rate_limited', (m) => m.includes('rate limit') || m.includes('rate_limit') || m.includes('too many requests') || m.includes('resource_exhausted') || m.includes('quota exceeded')],
  ['overloaded', (m) => m.includes('overloaded')],
  ['timeout', (m) => m.includes('timed out') || m.includes('timeout')],
  ['payment_required', (m) => m.includes('payment required')],
  ['permission_error', (m) => m.includes('permission_error')],
  ['billing_error', (m) => m.includes('billing_error') || m.includes('billing error')],
  ['authentication_error', (m) => m.includes('authentication_error') || m === 'unauthorized'],
];

const BY_TYPE: Record<string, ErrorCode> = {
  authentication_error: 'authentication_error',
  permission_error: 'permission_error',
  rate_limit_error: 'rate_limited',
  overloaded_error: 'overloaded',
  billing_error: 'billing_error',
};

const BY_STATUS: Record<number, ErrorCode> = {
  401: 'authentication_error',
  402: 'payment_required',
  403: 'permission_error',
  408: 'timeout',
  429: 'rate_limited',
  529: 'overloaded',
};

/** OpenRouter / OpenAI / Gemini / MiniMax message → provider, for `provider_key_invalid`. */
function providerOfKeyMessage(m: string): string | undefined {
  if (m.includes('user not found') || m.includes('no auth credentials found') || m.includes('missing authentication header')) return 'openrouter';
  if (m.includes('invalid authentication')) return 'moonshot';
  if (m.includes('incorrect api key provided')) return 'openai';
  if (m.includes('api_key_invalid') || m.includes('api key not valid')) return 'google';
  if (m.includes('carry the api secret key')) return 'minimax';
  return undefined;
}

/**
 * Classifies an error message.
 * @param message the provider's or OpenClaw's message (wrapper already removed)
 * @param errorType the provider's error type (`authentication_error` …) when the line has one
 * @param httpStatus the HTTP status when the line has one
 */
export function classifyError(message: string, errorType?: string, httpStatus?: number): Classified {
  const m = message.toLowerCase();
  let code: ErrorCode = 'unknown';
  for (const [c, test] of RULES) {
    if (test(m)) {
      code = c;
      break;
    }
  }
  if (code === 'unknown' && errorType && BY_TYPE[errorType]) code = BY_TYPE[errorType] as ErrorCode;
  if (code === 'unknown' && httpStatus && BY_STATUS[httpStatus]) code = BY_STATUS[httpStatus] as ErrorCode;
  if (code === 'overloaded' && httpStatus === 529 && m.includes('authentication service')) code = 'auth_service_unavailable';
  const out: Classified = { code };
  const provider =
    /(?:for provider|for) "([\w.-]{1,64})"/.exec(message) ??
    /^OAuth token refresh failed for ([\w.-]{1,64})/i.exec(message) ??
    /(?:Missing API key for provider|Model login expired on the gateway for|Couldn't sign in to|Could not sign in to) ([\w.-]{1,64})/i.exec(message) ??
    /^\[([\w.-]{1,64})\] Token refresh failed/.exec(message) ??
    /^(?:Error: )?Unknown provider "([\w.-]{1,64})"/.exec(message);
  // A sentence's full stop is no part of the id (`… for claude-cli.`).
  if (provider && code !== 'model_not_allowed') out.provider = (provider[1] as string).replace(/\.+$/, '');
  if (code === 'provider_key_invalid') {
    const p = providerOfKeyMessage(m);
    if (p) out.provider = p;
  }
  if (code === 'provider_cooldown' || code === 'provider_skipped') {
    const p = /Provider ([\w.-]{1,64}) /.exec(message);
    if (p) out.provider = p[1] as string;
  }
  const profile = /for profile "([^"]{1,128})"/.exec(message) ?? /auth profile "([^"]{1,128})" was not found/.exec(message);
  if (profile) out.profileId = profile[1] as string;
  if (code === 'no_api_key' && message.includes('Auth store: ') && !message.includes('auth-profiles.json')) out.truncated = true;
  const store = /Auth store: (.{1,400}?auth-profiles\.json)/.exec(message);
  if (store) {
    out.storePath = store[1] as string;
    const id = agentIdFromPath(out.storePath);
    if (id) out.agentId = id;
  }
  const variable = /(?:Environment variable|Missing env var) "([A-Z0-9_]{1,100})"/.exec(message);
  if (variable) out.variable = variable[1] as string;
  const model = /^(?:Unknown model|Model not found): ([\w.-]{1,64})\/(\S{1,100}?)\.?$/.exec(message) ?? /^Model "([\w.-]{1,64})\/([^"]{1,100})" is not allowed/.exec(message);
  if (model) {
    out.provider = model[1] as string;
    out.model = model[2] as string;
  }
  const billing = /^(?:⚠️|⚠)?\s*([\w.-]{1,64}) \(([^()]{1,100})\) returned a billing error/.exec(message);
  if (billing) {
    out.provider = billing[1] as string;
    out.model = billing[2] as string;
  }
  return out;
}
