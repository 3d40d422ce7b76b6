/**
 * The failure-branch ids of the branch catalog (catalog v2; docs/branches.md lists them as implemented). They are the contract
 * between the rules, their tests, `pincer diagnose --json` and the moderators' statistics: a rule
 * may refine a branch, never rename it.
 */
import { z } from 'zod';

export const BRANCH_IDS = [
  // A. Anthropic API key sent as x-api-key
  'api_key_invalid',
  'api_key_altered',
  'oauth_token_in_api_key_profile',
  'api_key_in_token_profile',
  'profile_order_conflict',
  'stale_order_override',
  'profile_shadows_env',
  'no_credentials',
  'env_not_visible_to_service',
  'secret_ref_unresolved',
  'agent_auth_missing',
  'wrong_host',
  'custom_base_url',
  'key_provider_mismatch',
  'auth_store_malformed',
  'env_var_name_unrecognized',
  'default_model_without_auth',
  'model_provider_prefix_mismatch',
  'session_profile_pinned',
  // B. Claude subscription, setup-token and OAuth
  'setup_token_rejected',
  'token_expired',
  'claude_code_only_credential',
  'setup_token_paste_rejected',
  'oauth_refresh_failed',
  'extra_usage_required',
  // C. Billing, cooldown, limits
  'credit_balance_low',
  'profile_disabled',
  'profile_cooldown',
  'rate_limited',
  'provider_overloaded',
  // D. Diagnostics that look like failures but are not
  'usage_probe_unsupported',
  'status_missing_but_runtime_ok',
  // E. Using the tools
  'tui_multiline_shell',
  'tui_command_in_shell',
  'wizard_kept_existing_values',
  'secret_in_message',
  // F. OpenClaw's Discord channel
  'discord_dm_pairing',
  'discord_intents_missing',
  'discord_token_missing',
  // G. Other providers
  'codex_model_prefix_mismatch',
  'provider_key_invalid',
  // Catalog v2 additions (branches.md "v2")
  'claude_cli_login_expired',
  'claude_cli_shadowed_by_profile',
  'subscription_limit',
  // H. Auth store and state directory (2026.6+)
  'auth_store_migration',
  'state_dir_mismatch',
] as const;

export const BranchId = z.enum(BRANCH_IDS);
export type BranchId = z.infer<typeof BranchId>;

/** Family = one file under src/diagnosis/branches/. */
export const BranchFamily = z.enum([
  'api-key',
  'setup-token',
  'billing',
  'diagnostics',
  'tools',
  'discord-channel',
  'other-providers',
  'auth-store',
]);
export type BranchFamily = z.infer<typeof BranchFamily>;

/** `diagnosed` | `needs_evidence` | `not_auth` (branches.md §"Status and precedence"). */
export const DiagnosisStatus = z.enum(['diagnosed', 'needs_evidence', 'not_auth']);
export type DiagnosisStatus = z.infer<typeof DiagnosisStatus>;
