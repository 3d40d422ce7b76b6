/**
 * Evidence: the typed facts Pincer reads out of a user's paste.
 *
 * Every parser in src/evidence/ returns `Fact[]`; the diagnosis only ever looks at facts, never
 * at raw text. Each fact carries where it came from (`source`: message id + 0-based line span of
 * the clean, masked text) so a reply can quote it, and a `confidence` in [0, 1] that drops below
 * 1 when the text was ambiguous (retyped, partial, wrapped).
 *
 * Formats are those of ../shared/reference/openclaw-cli.md (baseline OpenClaw 2026.3.13).
 * This module is the contract between ingest, evidence, conversation and diagnosis: extend it
 * (new kinds, new optional fields) rather than reshape it.
 */
import { z } from 'zod';

/** Where a fact was read: message id and the 0-based inclusive line span in the clean text. */
export const SourceSpan = z.object({
  messageId: z.string(),
  lineStart: z.number().int().nonnegative(),
  lineEnd: z.number().int().nonnegative(),
});
export type SourceSpan = z.infer<typeof SourceSpan>;

const common = {
  source: SourceSpan,
  /** 1 = read verbatim from a known format; lower when retyped, partial or guessed. */
  confidence: z.number().min(0).max(1),
};

/**
 * A credential as OpenClaw shows it (never a live secret: ingest masks those first).
 * `masked`: `maskApiKey` output (`sk-ant-a...Qx7Lm2Ab`: head 8 + `...` + tail 8, §1.3), parsed
 * leniently — `head`/`tail` are what was seen, `shape` says whether it fits the 8+8 rule.
 */
export const Credential = z.discriminatedUnion('form', [
  z.object({
    form: z.literal('masked'),
    mask: z.string(),
    head: z.string(),
    tail: z.string(),
    shape: z.enum(['8+8', '2+2', '1+1', 'irregular']),
    /**
     * What makes the mask impossible for a key OpenClaw stored unchanged (added by evidence):
     * `whitespace` (a space inside the head, e.g. `API sk-a`: a label was pasted with the key),
     * `unexpected_head` (the head is not a known key prefix).
     */
    anomalies: z.array(z.enum(['whitespace', 'unexpected_head'])).optional(),
  }),
  z.object({ form: z.literal('ref'), source: z.string(), id: z.string() }),
  z.object({ form: z.literal('marker'), value: z.string() }),
  z.object({ form: z.literal('missing') }),
  z.object({ form: z.literal('oauth'), email: z.string().optional() }),
  /** The user's own redaction (`[REDACTED]`, `XXXX`, `sk-ant-...`): present but unreadable. */
  z.object({ form: z.literal('user_redacted'), text: z.string() }),
]);
export type Credential = z.infer<typeof Credential>;

export const ProfileType = z.enum(['api_key', 'token', 'oauth', 'unknown']);
export type ProfileType = z.infer<typeof ProfileType>;

/** One `<profileId>=<label>` of a `models status` provider line (§1.3 item 3). */
export const ProfileLabel = z.object({
  profileId: z.string(),
  type: ProfileType,
  credential: Credential,
  /** ` [cooldown 25m]` / ` [disabled:billing 5h]` suffix. */
  unusable: z
    .object({ kind: z.enum(['cooldown', 'disabled']), reason: z.string().optional(), remaining: z.string() })
    .optional(),
});
export type ProfileLabel = z.infer<typeof ProfileLabel>;

/** One `- <provider> …` line of `Auth overview` (§1.3), or its `--json` equivalent. */
export const ProviderAuth = z.object({
  provider: z.string(),
  effective: z
    .object({ kind: z.enum(['profiles', 'env', 'models.json', 'missing']), detail: z.string() })
    .optional(),
  counts: z
    .object({ total: z.number(), oauth: z.number(), token: z.number(), apiKey: z.number() })
    .optional(),
  profiles: z.array(ProfileLabel),
  env: z
    .object({ credential: Credential, origin: z.enum(['env', 'shell env']).optional(), variable: z.string().optional() })
    .optional(),
  modelsJson: z.object({ credential: Credential }).optional(),
});
export type ProviderAuth = z.infer<typeof ProviderAuth>;

/** A row of the `--probe` table (§1.8). */
export const ProbeRow = z.object({
  model: z.string(),
  profile: z.string(),
  mode: z.string().optional(),
  status: z.string(),
  reasonCode: z.string().optional(),
  detail: z.string().optional(),
});
export type ProbeRow = z.infer<typeof ProbeRow>;

/** `openclaw models status` (text §1.2–1.8, or `--json` §1.9), whole or partial. */
export const ModelsStatusFact = z.object({
  kind: z.literal('models_status'),
  ...common,
  format: z.enum(['text', 'json']),
  /** From `--agent <id>` suffixes or the agent dir path (`…/agents/<id>/agent`). */
  agentId: z.string().optional(),
  agentDir: z.string().optional(),
  configPath: z.string().optional(),
  defaultModel: z.string().optional(),
  fallbacks: z.array(z.string()),
  shellEnv: z.object({ enabled: z.boolean(), applied: z.array(z.string()) }).optional(),
  providers: z.array(ProviderAuth),
  missingAuth: z.array(z.object({ provider: z.string(), hint: z.string().optional() })),
  oauthStatus: z.array(
    z.object({
      provider: z.string(),
      usage: z.string().optional(),
      profiles: z.array(
        z.object({
          profileId: z.string(),
          email: z.string().optional(),
          status: z.enum(['ok', 'expiring', 'expired', 'static', 'unknown', 'missing']),
          expires: z.string().optional(),
        }),
      ),
    }),
  ),
  unusableProfiles: z
    .array(z.object({ profileId: z.string(), kind: z.enum(['cooldown', 'disabled']), reason: z.string().optional(), until: z.number().optional() }))
    .optional(),
  probes: z.array(ProbeRow),
  /** True when the paste lacks its head or tail (e.g. no `Auth overview`). */
  partial: z.boolean(),
  /** `Auth store :` path (added by evidence). */
  authStore: z.string().optional(),
  /** Source lines were re-joined after a terminal wrap (added by evidence). */
  rewrapped: z.boolean().optional(),
});

/** `openclaw models auth order get` (§2), text or `--json`. `order: null` = `(none)`. */
export const AuthOrderFact = z.object({
  kind: z.literal('auth_order'),
  ...common,
  agentId: z.string().optional(),
  provider: z.string().optional(),
  storePath: z.string().optional(),
  /** `Auth state file:` (≈2026.4.7+) instead of `Auth file:`. */
  stateFile: z.boolean(),
  order: z.array(z.string()).nullable(),
});

/** Output of `order set` (`Order override: a, b`) or `order clear` (`Cleared per-agent order override.`). */
export const AuthOrderChangedFact = z.object({
  kind: z.literal('auth_order_changed'),
  ...common,
  action: z.enum(['set', 'clear']),
  provider: z.string().optional(),
  order: z.array(z.string()),
});

/** `OpenClaw 2026.3.13 (61d171a)`, the `🦞` banner, or a `/status` card's first line. */
export const VersionFact = z.object({
  kind: z.literal('version'),
  ...common,
  version: z.string(),
  commit: z.string().optional(),
  from: z.enum(['version', 'banner', 'status_card']),
});

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
  ...common,
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

/** TUI footer `agent main | session main (openclaw-tui) | anthropic/claude-sonnet-4-6 | …` (§4.4). */
export const TuiFooterFact = z.object({
  kind: z.literal('tui_footer'),
  ...common,
  agentId: z.string(),
  session: z.string(),
  provider: z.string().optional(),
  model: z.string().optional(),
});

/** TUI status line `connected | error` (§4.4). */
export const TuiStatusFact = z.object({
  kind: z.literal('tui_status'),
  ...common,
  connection: z.string(),
  activity: z.string(),
});

/** TUI header `openclaw tui - <ws url> - agent <id> - session <key>`; remote when not loopback. */
export const TuiHeaderFact = z.object({
  kind: z.literal('tui_header'),
  ...common,
  gatewayUrl: z.string(),
  remote: z.boolean(),
  agentId: z.string().optional(),
});

/**
 * A shell's complaint: `/bin/sh: line 1: !openclaw: command not found`,
 * `zsh: no such file or directory: /reset`, `zsh: command not found: /new`.
 */
export const ShellErrorFact = z.object({
  kind: z.literal('shell_error'),
  ...common,
  shell: z.string().optional(),
  error: z.enum(['command_not_found', 'no_such_file']),
  target: z.string(),
});

/** Onboarding wizard screens (§5 "Wizard screens"). */
export const WizardFact = z.object({
  kind: z.literal('wizard'),
  ...common,
  screen: z.enum(['existing_config', 'config_handling', 'model_check', 'auth_choice', 'api_key_prompt', 'setup_token_prompt', 'other']),
  /** The selected option (`●`) on a choice screen, e.g. `Use existing values`. */
  selected: z.string().optional(),
  model: z.string().optional(),
  note: z.string().optional(),
});

/** A pasted `auth-profiles.json` (or a fragment of it), with its shape checked against §3.1. */
export const AuthProfilesJsonFact = z.object({
  kind: z.literal('auth_profiles_json'),
  ...common,
  shape: z.enum(['store', 'profiles_fragment', 'nested_by_provider', 'unrecognized']),
  profiles: z.array(
    z.object({
      profileId: z.string(),
      provider: z.string().optional(),
      /** Value of `type` (or of `mode` when `mode` was used instead). */
      type: z.string().optional(),
      typeField: z.enum(['type', 'mode']).optional(),
      /** Which field holds the secret: `key`, `token`, `apiKey`, `access`, `accessToken`, `keyRef`… */
      valueField: z.string().optional(),
      /** Credential head (e.g. `sk-ant-api`, `sk-ant-oat`) read from the (masked) value. */
      valueHead: z.string().optional(),
    }),
  ),
  order: z.record(z.string(), z.array(z.string())).optional(),
  problems: z.array(z.string()),
});

/** Things people say that carry evidence (§ "Plain statements" of issue 3). */
export const StatementTopic = z.enum([
  'edited_key', // "I deleted some spaces to shorten it"
  'gateway_local', // "locally", "same machine"
  'gateway_remote', // "on a VPS", "server"
  'key_prefix', // "it starts with sk-ant-api" → value
  'answer_yes',
  'answer_no',
  'answer_first', // "the first one"
  'answer_second',
  'bought_credits',
  'works_now',
  'still_failing', // "still the same error", "it just keeps giving me the same error"
  'didnt_work',
  'reonboarded', // "I ran onboard again", "put the key again"
  'restarted',
  'set_env_var', // "I set ANTHROPIC_API_KEY"
  'subscription', // "I have Claude Pro/Max", "subscription"
  'console_key', // "API key from the console"
  'new_agent',
  'cron_job',
  'dm_not_working',
  'guild_not_working',
  'chat_works',
  'thanks',
  'os', // value: macos | linux | windows | wsl
  'pinned_order',
  'asks_what_next', // "what next?", "what do I do next?"
]);
export type StatementTopic = z.infer<typeof StatementTopic>;

export const StatementFact = z.object({
  kind: z.literal('statement'),
  ...common,
  topic: StatementTopic,
  value: z.string().optional(),
  /** The words it was read from (short, masked). */
  quote: z.string(),
});

/** `/status` chat card (§4.5): `🧠 Model: <p>/<m> · 🔑 <auth>`. */
export const StatusCardFact = z.object({
  kind: z.literal('status_card'),
  ...common,
  model: z.string().optional(),
  authMode: z.enum(['api-key', 'token', 'oauth', 'unknown']).optional(),
  profileId: z.string().optional(),
  envVar: z.string().optional(),
});

/** `openclaw doctor` auth notes (`Model auth`, `Auth profile cooldowns`). */
export const DoctorFact = z.object({
  kind: z.literal('doctor'),
  ...common,
  entries: z.array(
    z.object({ profileId: z.string(), status: z.string(), reasonCode: z.string().optional(), remaining: z.string().optional(), hint: z.string().optional() }),
  ),
});

/** `openclaw channels status --probe` (§7). */
export const ChannelsStatusFact = z.object({
  kind: z.literal('channels_status'),
  ...common,
  gatewayReachable: z.boolean(),
  accounts: z.array(
    z.object({
      channel: z.string(),
      account: z.string(),
      bits: z.array(z.string()),
      intentsContent: z.enum(['limited', 'disabled']).optional(),
      dmPolicy: z.string().optional(),
      works: z.boolean().optional(),
      error: z.string().optional(),
    }),
  ),
});

/** `openclaw pairing list [channel]`. */
export const PairingListFact = z.object({
  kind: z.literal('pairing_list'),
  ...common,
  channel: z.string().optional(),
  pending: z.number().int().nonnegative(),
  /** The pending pairing codes (`Code` column), when the table was pasted (added by diagnosis). */
  codes: z.array(z.string()).optional(),
});

/** `openclaw gateway status`. */
export const GatewayStatusFact = z.object({
  kind: z.literal('gateway_status'),
  ...common,
  runtime: z.string().optional(),
  rpcProbe: z.enum(['ok', 'failed']).optional(),
  configCli: z.string().optional(),
  configService: z.string().optional(),
  service: z.enum(['systemd', 'launchd', 'schtasks', 'none']).optional(),
});

/** Gateway log lines (§4.2): failover decisions and profile failure state. */
export const GatewayLogFact = z.object({
  kind: z.literal('gateway_log'),
  ...common,
  event: z.enum(['failover_decision', 'profile_failure', 'agent_end', 'model_fallback']),
  provider: z.string().optional(),
  model: z.string().optional(),
  reason: z.string().optional(),
  decision: z.string().optional(),
});

/** `openclaw config get <path>` output, e.g. a non-default `baseUrl` or `context1m: true`. */
export const ConfigValueFact = z.object({
  kind: z.literal('config_value'),
  ...common,
  path: z.string(),
  value: z.string(),
  /** False for `Config path not found: <path>` (added by evidence). */
  found: z.boolean().optional(),
});

/** A command the user shows they ran (`$ openclaw models status`, `[local] $ …`, a prompt line). */
export const CommandRunFact = z.object({
  kind: z.literal('command_run'),
  ...common,
  command: z.string(),
  /** Where it ran: the TUI's `!` local shell, or a normal shell prompt. */
  via: z.enum(['tui_local_shell', 'shell', 'unknown']),
});

/** Where the user is: OS, TUI or shell, gateway host — from prompts, paths and statements. */
export const EnvironmentFact = z.object({
  kind: z.literal('environment'),
  ...common,
  os: z.enum(['macos', 'linux', 'windows', 'wsl']).optional(),
  inTui: z.boolean().optional(),
  service: z.enum(['systemd', 'launchd', 'docker']).optional(),
  /** What it was read from: `prompt`, `path`, `tui` (added by evidence). */
  from: z.enum(['prompt', 'path', 'tui', 'service']).optional(),
});

/** A full credential was found and masked by ingest (the secret itself is never kept). */
export const SecretFact = z.object({
  kind: z.literal('secret'),
  ...common,
  credentialType: z.string(),
  masked: z.string(),
});

export const Fact = z.discriminatedUnion('kind', [
  ModelsStatusFact,
  AuthOrderFact,
  AuthOrderChangedFact,
  VersionFact,
  ProviderErrorFact,
  TuiFooterFact,
  TuiStatusFact,
  TuiHeaderFact,
  ShellErrorFact,
  WizardFact,
  AuthProfilesJsonFact,
  StatementFact,
  StatusCardFact,
  DoctorFact,
  ChannelsStatusFact,
  PairingListFact,
  GatewayStatusFact,
  GatewayLogFact,
  ConfigValueFact,
  CommandRunFact,
  EnvironmentFact,
  SecretFact,
]);
export type Fact = z.infer<typeof Fact>;
export type FactKind = Fact['kind'];
export type FactOf<K extends FactKind> = Extract<Fact, { kind: K }>;

/** Everything read from one message. */
export const Evidence = z.object({
  messageId: z.string(),
  facts: z.array(Fact),
  /** Ingest notes the reply may need to mention (cut paste, binary attachment …). */
  notes: z.array(z.string()),
});
export type Evidence = z.infer<typeof Evidence>;
