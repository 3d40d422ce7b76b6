/**
 * Facts read from OpenClaw CLI output: `models status` (§1, §10.2), `models auth order` (§2,
 * §10.4), `models auth list` (§10.5), `auth-profiles.json` (§3.1), `--version`, `/status` cards,
 * `doctor` and `doctor --json`, `status --all`, `channels status`, `pairing list`, `gateway status`,
 * `config get`, the auth-store migration and state-directory guard messages, and the version range
 * an output's shape implies. Part of the contract in ../facts.ts.
 */
import * as z from 'zod';
import { factBase, Credential, ProfileType } from './base.ts';

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
  ...factBase,
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
    .array(
      z.object({
        profileId: z.string(),
        kind: z.enum(['cooldown', 'disabled']),
        reason: z.string().optional(),
        until: z.number().optional(),
        /** ≥8.1 `Unavailable auth profiles` / `--json` `recoveryHint`: provider, `(24m)`, hint. */
        provider: z.string().optional(),
        remaining: z.string().optional(),
        hint: z.string().optional(),
      }),
    )
    .optional(),
  /** ≥8.1 `Utility model : <ref>[ (provider default)]` (`-` and `off` kept as written). */
  utilityModel: z.string().optional(),
  /** `Runtime auth`: `- <p> via <runtime> uses <authProvider> effective=<kind>:<detail> | status=<s>[ | …]`. */
  runtimeAuth: z
    .array(z.object({ provider: z.string(), runtime: z.string(), authProvider: z.string(), effective: z.string(), status: z.string(), detail: z.string().optional() }))
    .optional(),
  /** ≥8.1 `Model route issues`: `- <p>/<m> [<code>] <message>` or `- <p>/<m> requires <req> auth: <message>`. */
  routeIssues: z.array(z.object({ model: z.string(), code: z.string().optional(), requires: z.string().optional(), message: z.string() })).optional(),
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
  ...factBase,
  agentId: z.string().optional(),
  provider: z.string().optional(),
  storePath: z.string().optional(),
  /** `Auth state file:` (≈2026.4.7+) or `Auth state store:` (6.5+) instead of `Auth file:`. */
  stateFile: z.boolean(),
  order: z.array(z.string()).nullable(),
  /** ≥8.1 label `Auth profile order override:` (older: `Order override:`). */
  label: z.enum(['order_override', 'auth_profile_order_override']).optional(),
  /** What a none-variant says in words (`selecting automatically`, `using order from config: …`). */
  noneDetail: z.string().optional(),
});

/**
 * Output of `order set` (`Order override: a, b`; ≥8.1 `Auth profile order override: a, b`) or
 * `order clear` (`Cleared per-agent order override.`; ≥8.1 `Auth profile order override cleared; …`).
 */
export const AuthOrderChangedFact = z.object({
  kind: z.literal('auth_order_changed'),
  ...factBase,
  action: z.enum(['set', 'clear']),
  provider: z.string().optional(),
  order: z.array(z.string()),
});

/** `OpenClaw 2026.3.13 (61d171a)`, the `🦞` banner, a `/status` card's first line, or the user's prose ("on 2026.5.12"). */
export const VersionFact = z.object({
  kind: z.literal('version'),
  ...factBase,
  version: z.string(),
  commit: z.string().optional(),
  from: z.enum(['version', 'banner', 'status_card', 'status_all', 'prose']),
});

/** A pasted `auth-profiles.json` (or a fragment of it), with its shape checked against §3.1. */
export const AuthProfilesJsonFact = z.object({
  kind: z.literal('auth_profiles_json'),
  ...factBase,
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

/** `/status` chat card (§4.5): `🧠 Model: <p>/<m> · 🔑 <auth>`. */
export const StatusCardFact = z.object({
  kind: z.literal('status_card'),
  ...factBase,
  model: z.string().optional(),
  authMode: z.enum(['api-key', 'token', 'oauth', 'unknown']).optional(),
  profileId: z.string().optional(),
  envVar: z.string().optional(),
});

/**
 * `openclaw doctor` auth notes (`Model auth`, `Auth profile cooldowns`, `OAuth refresh errors`),
 * or `doctor --json` findings (9.x: `{schemaVersion, ok, checksRun, checksSkipped, findings}`).
 */
export const DoctorFact = z.object({
  kind: z.literal('doctor'),
  ...factBase,
  entries: z.array(
    z.object({ profileId: z.string(), status: z.string(), reasonCode: z.string().optional(), remaining: z.string().optional(), hint: z.string().optional() }),
  ),
  format: z.enum(['text', 'json']).optional(),
  /** Note titles seen (`Auth profile SQLite migration`, `Gateway auth` …), in order. */
  sections: z.array(z.string()).optional(),
  findings: z.array(z.object({ checkId: z.string(), severity: z.string(), message: z.string(), fixHint: z.string().optional() })).optional(),
});

/** `openclaw channels status --probe` (§7). */
export const ChannelsStatusFact = z.object({
  kind: z.literal('channels_status'),
  ...factBase,
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
  ...factBase,
  channel: z.string().optional(),
  pending: z.number().int().nonnegative(),
  /** The pending pairing codes (`Code` column), when the table was pasted (added by diagnosis). */
  codes: z.array(z.string()).optional(),
});

/** `openclaw gateway status`. */
export const GatewayStatusFact = z.object({
  kind: z.literal('gateway_status'),
  ...factBase,
  runtime: z.string().optional(),
  rpcProbe: z.enum(['ok', 'failed']).optional(),
  configCli: z.string().optional(),
  configService: z.string().optional(),
  service: z.enum(['systemd', 'launchd', 'schtasks', 'none']).optional(),
});

/** `openclaw config get <path>` output, e.g. a non-default `baseUrl` or `context1m: true`. */
export const ConfigValueFact = z.object({
  kind: z.literal('config_value'),
  ...factBase,
  path: z.string(),
  value: z.string(),
  /** False for `Config path not found: <path>` (added by evidence). */
  found: z.boolean().optional(),
});
