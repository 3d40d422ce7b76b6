/**
 * Facts about where the user is and what they say: the TUI (§4.4), the onboarding wizard (§5),
 * plain statements, commands they show they ran, their environment, and a credential ingest
 * masked. Part of the contract in ../facts.ts.
 */
import * as z from 'zod';
import { factBase } from './base.ts';

/** TUI footer `agent main | session main (openclaw-tui) | anthropic/claude-sonnet-4-6 | …` (§4.4). */
export const TuiFooterFact = z.object({
  kind: z.literal('tui_footer'),
  ...factBase,
  agentId: z.string(),
  session: z.string(),
  provider: z.string().optional(),
  model: z.string().optional(),
});

/** TUI status line `connected | error` (§4.4). */
export const TuiStatusFact = z.object({
  kind: z.literal('tui_status'),
  ...factBase,
  connection: z.string(),
  activity: z.string(),
});

/** TUI header `openclaw tui - <ws url> - agent <id> - session <key>`; remote when not loopback. */
export const TuiHeaderFact = z.object({
  kind: z.literal('tui_header'),
  ...factBase,
  gatewayUrl: z.string(),
  remote: z.boolean(),
  agentId: z.string().optional(),
});

/** Onboarding wizard screens (§5 "Wizard screens"). */
export const WizardFact = z.object({
  kind: z.literal('wizard'),
  ...factBase,
  screen: z.enum(['existing_config', 'config_handling', 'model_check', 'auth_choice', 'api_key_prompt', 'setup_token_prompt', 'other']),
  /** The selected option (`●`) on a choice screen, e.g. `Use existing values`. */
  selected: z.string().optional(),
  model: z.string().optional(),
  note: z.string().optional(),
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
  // Read from prose of any length (../error-prose.ts):
  'auth_symptom', // "every call fails with 401", "the API key is rejected", "login expired"
  'lookalike', // value: what the failure is really about (telegram, gateway_token, pairing, tool, timeout, model_not_found, config_schema)
  'claude_cli_route', // the Claude CLI runtime: `claude-cli/…`, `agentRuntime.id: "claude-cli"`
  'status_misleading', // a status/list view says missing/expired while the model answers
  'login_gone_said', // "the Claude CLI's stored OAuth token has expired", "logged out"
  'provider_named', // value: the provider a model ref, key prefix, env var name or base URL in prose names
  'configured_provider', // value: the provider the user says they set up ("I configured my Google key")
  'store_hand_edited', // "I wrote auth-profiles.json by hand", "jq edits to auth-profiles.json"
  'profiles_gone', // "the agent loses all auth profiles", `Profiles: (none)` after an upgrade
  'custom_base_url', // value: the provider block whose `baseUrl` is not the provider's own API
  'order_excludes', // "the only profile is excluded by auth.order" (an order naming profiles that are gone)
  'provider_unused', // value: a provider the user says is not set up or used ("no OpenAI model is configured at all")
  'env_key_said', // value: an env var the user says holds their key ("`ANTHROPIC_API_KEY` (env var)")
  'key_works_elsewhere', // "the same key works with curl / in other tools", "API Key 是可用的"
  'old_key_used', // "the runtime still sends the old key", "the new key is ignored"
  'token_truncated', // "the token pasted is incomplete / truncated / cut off"
  'works_elsewhere', // "auth works in the main session but fails in cron"
  'stored_profile', // value: an auth profile id named in prose (`anthropic:manual`, `anthropic:*`)
  'custom_state_dir', // the user runs OpenClaw with its own `OPENCLAW_STATE_DIR` / `OPENCLAW_CONFIG_PATH` / `OPENCLAW_HOME`
  'upgraded', // value: the version the user upgraded to, if named ("after upgrading to 2026.8.2")
  'login_saved_elsewhere', // value: the profile a fresh login was saved under while another one is used ("persists … under profile ID `openai-codex:<email>` rather than updating `openai-codex:default`")
  'store_holds_key', // value: `token` or `key`: the user says auth-profiles.json holds it ("despite valid OAuth tokens in auth-profiles.json")
  'order_not_kept', // the auth order the user set does not stick: "order is reverted", "the running gateway overwrites it"
  'intent_enabled_said', // "the Message Content Intent is enabled in the Discord Developer Portal"
  'version_regression', // "worked on 2026.4.5, fails on 2026.4.10", "works after downgrading to 2026.6.1"
  'service_env', // the gateway runs as a service (systemd, launchd, Docker) and does not see a variable
  // Questions people ask in auth threads (../statements.ts):
  'asks_rekey', // "I want to put the key again, what do i run?"
  'asks_switch_auth', // "how do I switch from API key to subscription?"
  'asks_key_location', // "where is the key stored?"
  'asks_request_id', // "should i type the request id?"
  'asks_restart', // "do I need to restart the gateway?"
  'asks_version', // "which version am I on?"
  'asks_remove_profile', // "how do I remove the old profile?"
  'asks_other_setup', // "but I need help configuring it to discord"
]);
export type StatementTopic = z.infer<typeof StatementTopic>;

export const StatementFact = z.object({
  kind: z.literal('statement'),
  ...factBase,
  topic: StatementTopic,
  value: z.string().optional(),
  /** The words it was read from (short, masked). */
  quote: z.string(),
});

/** A command the user shows they ran (`$ openclaw models status`, `[local] $ …`, a prompt line). */
export const CommandRunFact = z.object({
  kind: z.literal('command_run'),
  ...factBase,
  command: z.string(),
  /** Where it ran: the TUI's `!` local shell, or a normal shell prompt. */
  via: z.enum(['tui_local_shell', 'shell', 'unknown']),
});

/** Where the user is: OS, TUI or shell, gateway host — from prompts, paths and statements. */
export const EnvironmentFact = z.object({
  kind: z.literal('environment'),
  ...factBase,
  os: z.enum(['macos', 'linux', 'windows', 'wsl']).optional(),
  inTui: z.boolean().optional(),
  service: z.enum(['systemd', 'launchd', 'docker']).optional(),
  /** What it was read from: `prompt`, `path`, `tui` (added by evidence). */
  from: z.enum(['prompt', 'path', 'tui', 'service']).optional(),
});

/** A full credential was found and masked by ingest (the secret itself is never kept). */
export const SecretFact = z.object({
  kind: z.literal('secret'),
  ...factBase,
  credentialType: z.string(),
  masked: z.string(),
});
