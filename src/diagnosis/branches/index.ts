/**
 * Every rule, listed explicitly by family (no file scanning). Order here means nothing: the
 * engine ranks by specificity, `beats` and priority (./../precedence.ts).
 */
import { parseRules } from '../rule-schema.ts';
import type { Rule } from '../types.ts';
import { agentAuthMissing, customBaseUrl, wrongHost } from './api-key-routing.ts';
import { defaultModelWithoutAuth, modelProviderPrefixMismatch, sessionProfilePinned } from './model-routing.ts';
import { envNotVisibleToService, envVarNameUnrecognized, secretRefUnresolved } from './api-key-env.ts';
import { authStoreMalformed, noCredentials, staleOrderOverride } from './api-key-setup.ts';
import { authStoreMigration, stateDirMismatch } from './auth-store.ts';
import { apiKeyAltered, apiKeyInvalid, oauthTokenInApiKeyProfile } from './api-key.ts';
import { apiKeyInTokenProfile, keyProviderMismatch, profileOrderConflict, profileShadowsEnv } from './api-key-profiles.ts';
import { creditBalanceLow, profileCooldown, profileDisabled, providerOverloaded, rateLimited } from './billing.ts';
import { statusMissingButRuntimeOk, usageProbeUnsupported } from './diagnostics.ts';
import { discordDmPairing, discordIntentsMissing, discordTokenMissing } from './discord-channel.ts';
import { codexModelPrefixMismatch, providerKeyInvalid } from './other-providers.ts';
import { claudeCliLoginExpired, claudeCliShadowedByProfile, subscriptionLimit } from './claude-cli.ts';
import { claudeCodeOnlyCredential, extraUsageRequired, oauthRefreshFailed, setupTokenPasteRejected, setupTokenRejected, tokenExpired } from './setup-token.ts';
import { secretInMessage, tuiCommandInShell, tuiMultilineShell, wizardKeptExistingValues } from './tools.ts';

/** All rules, validated at load time (a malformed rule fails fast with its id). */
export const RULES: readonly Rule[] = parseRules([
  // A. Anthropic API key sent as x-api-key
  apiKeyInvalid,
  apiKeyAltered,
  oauthTokenInApiKeyProfile,
  apiKeyInTokenProfile,
  profileOrderConflict,
  staleOrderOverride,
  profileShadowsEnv,
  noCredentials,
  envNotVisibleToService,
  secretRefUnresolved,
  agentAuthMissing,
  wrongHost,
  customBaseUrl,
  keyProviderMismatch,
  authStoreMalformed,
  envVarNameUnrecognized,
  defaultModelWithoutAuth,
  modelProviderPrefixMismatch,
  sessionProfilePinned,
  // B. Claude subscription, setup-token and OAuth
  setupTokenRejected,
  tokenExpired,
  claudeCodeOnlyCredential,
  setupTokenPasteRejected,
  oauthRefreshFailed,
  extraUsageRequired,
  // C. Billing, cooldown, limits
  creditBalanceLow,
  profileDisabled,
  profileCooldown,
  rateLimited,
  providerOverloaded,
  // D. Diagnostics that look like failures but are not
  usageProbeUnsupported,
  statusMissingButRuntimeOk,
  // E. Using the tools
  tuiMultilineShell,
  tuiCommandInShell,
  wizardKeptExistingValues,
  secretInMessage,
  // F. OpenClaw's Discord channel
  discordDmPairing,
  discordIntentsMissing,
  discordTokenMissing,
  // G. Other providers
  codexModelPrefixMismatch,
  providerKeyInvalid,
  // C/B. Catalog v2: Claude CLI route and subscription limits
  claudeCliLoginExpired,
  claudeCliShadowedByProfile,
  subscriptionLimit,
  // H. Auth store and state directory (2026.6+)
  authStoreMigration,
  stateDirMismatch,
]);

/** The rule for a branch id. */
export function ruleFor(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
