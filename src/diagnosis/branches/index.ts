/**
 * Every rule, collected from the family files (each exported Rule of a family module counts; no
 * file scanning, no separate id list). A new branch in an existing family is one `export const` in
 * that family's file. Order means nothing: the engine ranks by specificity, `beats` and priority
 * (./../precedence.ts).
 */
import { linkRules } from '../rule-schema.ts';
import type { Rule } from '../types.ts';
import * as apiKey from './api-key.ts';
import * as apiKeyEnv from './api-key-env.ts';
import * as apiKeyProfiles from './api-key-profiles.ts';
import * as apiKeyProvider from './api-key-provider.ts';
import * as apiKeyRouting from './api-key-routing.ts';
import * as apiKeySetup from './api-key-setup.ts';
import * as authProfilesFile from './auth-profiles-file.ts';
import * as authStore from './auth-store.ts';
import * as billing from './billing.ts';
import * as claudeCli from './claude-cli.ts';
import * as diagnostics from './diagnostics.ts';
import * as discordChannel from './discord-channel.ts';
import * as modelRouting from './model-routing.ts';
import * as oauthRefresh from './oauth-refresh.ts';
import * as otherProviders from './other-providers.ts';
import * as setupToken from './setup-token.ts';
import * as tools from './tools.ts';

/** The family modules: the files under ./ that hold rules (helpers like ./shared.ts hold none). */
const FAMILY_MODULES: readonly Record<string, unknown>[] = [
  apiKey, apiKeyEnv, apiKeyProfiles, apiKeyProvider, apiKeyRouting, apiKeySetup, authProfilesFile, authStore, billing,
  claudeCli, diagnostics, discordChannel, modelRouting, oauthRefresh, otherProviders, setupToken, tools,
];

const isRule = (v: unknown): v is Rule =>
  typeof v === 'object' && v !== null && typeof (v as Rule).id === 'string' && typeof (v as Rule).family === 'string' && ('when' in v || 'signals' in v);

/** All rules, linked at load time (ids, `beats`, step tables checked; RuleSchema shapes by the tests). */
// Sorted by id: module namespaces list exports in an order the bundler may change, and nothing may depend on it.
export const RULES: readonly Rule[] = linkRules(
  FAMILY_MODULES.flatMap((m) => Object.values(m).filter(isRule)).sort((a, b) => a.id.localeCompare(b.id)),
);

/** The catalog ids Pincer implements: the rules' own ids (catalog v2). */
export const BRANCH_IDS: readonly string[] = RULES.map((r) => r.id);

/** The rule for a branch id. */
export function ruleFor(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
