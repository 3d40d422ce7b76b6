/**
 * Facts read from error output: provider and OpenClaw error lines (§4), shell complaints, and the
 * gateway log's failover lines. Part of the contract in ../facts.ts.
 */
import * as z from 'zod';
import { factBase } from './base.ts';

/** Normalised meaning of an error line (§4.3 catalog, plus other providers' messages). */
export const ErrorCode = z.enum([
  'invalid_x_api_key',
  'invalid_bearer_token',
  'authentication_error',
  'permission_error',
  'oauth_org_not_allowed',
  'claude_code_only',
  'credit_balance_low',
  'billing_error',
  'payment_required',
  'rate_limited',
  'extra_usage_required',
  'overloaded',
  'auth_service_unavailable',
  'no_api_key',
  'codex_oauth_only',
  'no_credentials_for_profile',
  'no_api_key_resolved',
  'no_available_profile',
  'provider_cooldown',
  'provider_skipped',
  'oauth_refresh_failed',
  'refresh_token_reused',
  'token_expired',
  'startup_secrets_unavailable',
  'missing_env_var',
  'setup_token_prefix',
  'setup_token_short',
  'provider_key_invalid',
  'invalid_api_key',
  'unknown_model',
  'model_not_allowed',
  'no_auth_configured',
  'discord_intents_missing',
  'discord_token_missing',
  'discord_getme_failed',
  'context_overflow',
  'timeout',
  // Added for real reports (issue 14): prose-quoted and ≥6.x chat copy.
  'cli_login_expired', // Claude CLI runtime: `OAuth session expired and could not be refreshed`, `Not logged in · Please run /login`
  'login_expired_copy', // ≥7.1 chat: `⚠️ Model login expired on the gateway for <provider>`
  'auth_failed_copy', // ≥7.1 chat: `⚠️ Authentication failed (provider returned HTTP 401)`, `Couldn't sign in to <provider>`
  'generic_failure', // `⚠️ Something went wrong while processing your request`
  'no_auth_header', // the request carried no credential: `Missing bearer or basic authentication in header`, `x-api-key header is required`
  'missing_scopes', // `Missing scopes: model.request`
  'key_type_refused', // the endpoint takes no API keys at all: `API keys are not supported by this API` (Vertex wants ADC/OAuth)
  'unknown_provider', // `Error: Unknown provider "openai-codex". Loaded providers: …` (a login the CLI cannot start)
  'route_unresolved', // ≥8.1 route copy: `No route-compatible authentication source …`, `Explicit auth order for <p> has no usable profiles.`
  'unknown',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** How the error reached the user (§4.1, §4.2). */
export const ErrorWrapper = z.enum([
  'run_error', // TUI `run error: …`
  'http', // `HTTP 401 authentication_error: …`
  'http_colon', // `HTTP 429: rate_limit_error: …`
  'llm_error', // `LLM error <type>: …`
  'llm_rejected', // `LLM request rejected: …`
  'raw_json', // `{"type":"error","error":{…}}` or `401 {…}`
  'agent_failed', // `⚠️ Agent failed before reply: …`
  'all_models_failed', // one attempt of `All models failed (N): …`
  'usage', // `openclaw status --usage` / `/status` usage line
  'log', // gateway log line
  'wizard', // onboarding / setup-token prompt
  'plain', // a known message with no wrapper
]);
export type ErrorWrapper = z.infer<typeof ErrorWrapper>;

/** One provider/OpenClaw error line. `All models failed (N)` yields one fact per attempt. */
export const ProviderErrorFact = z.object({
  kind: z.literal('provider_error'),
  ...factBase,
  code: ErrorCode,
  wrapper: ErrorWrapper,
  httpStatus: z.number().int().optional(),
  errorType: z.string().optional(),
  /** The provider's message, e.g. `invalid x-api-key` (masked by ingest). */
  message: z.string(),
  requestId: z.object({ form: z.enum(['raw', 'sha256']), value: z.string() }).optional(),
  provider: z.string().optional(),
  model: z.string().optional(),
  profileId: z.string().optional(),
  /** Agent id from `Auth store: …/agents/<id>/agent/auth-profiles.json`. */
  agentId: z.string().optional(),
  storePath: z.string().optional(),
  /** Env var named by the error (`Missing env var "X"`, `Environment variable "X" is missing`). */
  variable: z.string().optional(),
  /** OpenClaw's failover reason in `(auth)`-style suffixes of `All models failed` attempts. */
  failoverReason: z.string().optional(),
  /** The line was cut (a thread title at 100 characters, an unclosed `(request_id: …`). */
  truncated: z.boolean().optional(),
});

/**
 * A shell's complaint: `/bin/sh: line 1: !openclaw: command not found`,
 * `zsh: no such file or directory: /reset`, `zsh: command not found: /new`.
 */
export const ShellErrorFact = z.object({
  kind: z.literal('shell_error'),
  ...factBase,
  shell: z.string().optional(),
  error: z.enum(['command_not_found', 'no_such_file']),
  target: z.string(),
});

/** Gateway log lines (§4.2): failover decisions and profile failure state. */
export const GatewayLogFact = z.object({
  kind: z.literal('gateway_log'),
  ...factBase,
  event: z.enum(['failover_decision', 'profile_failure', 'agent_end', 'model_fallback']),
  provider: z.string().optional(),
  model: z.string().optional(),
  reason: z.string().optional(),
  decision: z.string().optional(),
});
