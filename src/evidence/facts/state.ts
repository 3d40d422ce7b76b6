/**
 * Facts about where OpenClaw keeps auth and which version wrote an output: `models auth list`
 * (§10.5), the auth-store migration and state-directory guard messages (§10.1, §10.11),
 * `status --all`, and the version range an output's shape implies. Part of the contract in
 * ../facts.ts.
 */
import * as z from 'zod';
import { factBase } from './base.ts';

/** `openclaw models auth list` (5.7+, §10.5): header and one entry per saved profile. */
export const AuthListFact = z.object({
  kind: z.literal('auth_list'),
  ...factBase,
  agentId: z.string().optional(),
  storePath: z.string().optional(),
  profiles: z.array(
    z.object({
      profileId: z.string(),
      provider: z.string(),
      type: z.string(),
      /** `cooldown` / `disabled` (with `:<reason>` on ≥8.1) or `expires`, and its ISO time. */
      state: z.object({ kind: z.enum(['cooldown', 'disabled', 'expires']), reason: z.string().optional(), until: z.string().optional() }).optional(),
      hint: z.string().optional(),
    }),
  ),
});

/**
 * `Auth profile store <path> requires legacy credential migration[; affected providers: <p>]; run
 * openclaw doctor --fix.` (≥8.1, code `AUTH_PROFILE_MIGRATION_REQUIRED`), in plain text, a
 * `--json` error object or doctor's warnings; and the 6.5+ doctor note `Auth profile SQLite
 * migration` listing legacy JSON files.
 */
export const AuthStoreMigrationFact = z.object({
  kind: z.literal('auth_store_migration'),
  ...factBase,
  via: z.enum(['error', 'json_error', 'doctor_note', 'doctor_warning']),
  storePath: z.string().optional(),
  affectedProviders: z.array(z.string()).optional(),
  /** Doctor printed `Migrated auth profile JSON …` (the import happened). */
  migrated: z.boolean().optional(),
});

/** ≥9.1 state-directory guard messages (§10.11). */
export const StateDirGuardFact = z.object({
  kind: z.literal('state_dir_guard'),
  ...factBase,
  guard: z.enum(['refused', 'different', 'remote', 'needs_credentials', 'unverified']),
  cliStateDir: z.string().optional(),
  gatewayStateDir: z.string().optional(),
  cliConfig: z.string().optional(),
  gatewayConfig: z.string().optional(),
  /** The refused command path from the `Fix: run …` sentence (`openclaw models auth paste-api-key`). */
  command: z.string().optional(),
  target: z.string().optional(),
});

/**
 * The OpenClaw version range an output's shape implies (branches.md "Evidence that fixes the
 * version"), e.g. `profiles=2 (0 oauth, 1 token, 1 api-key)` → min 2026.8.1. Bounds inclusive.
 */
export const VersionHintFact = z.object({
  kind: z.literal('version_hint'),
  ...factBase,
  min: z.string().optional(),
  max: z.string().optional(),
  /** The shape seen, in a few words (for `explain`). */
  marker: z.string(),
});

/** `openclaw status --all` (read-only pasteable report): overview rows and agent stores. */
export const StatusAllFact = z.object({
  kind: z.literal('status_all'),
  ...factBase,
  version: z.string().optional(),
  configPath: z.string().optional(),
  gateway: z.string().optional(),
  gatewayReachable: z.boolean().optional(),
  agents: z.array(z.object({ agentId: z.string(), store: z.string().optional() })),
  secrets: z.string().optional(),
});

