/**
 * The branch catalog's vocabulary: a branch id's shape, the families (one file each under
 * ./branches/) and the diagnosis statuses. The ids themselves are not listed here: they are the
 * rules' own ids (`BRANCH_IDS` in ./branches/index.ts), so a new branch is one rule in its family
 * file. Ids are the contract between the rules, their fixtures, `pincer diagnose --json` and the
 * moderators' statistics (catalog v2): a rule may refine a branch, never rename it.
 */
import * as z from 'zod';

/** A catalog id: snake_case (`stale_order_override`). Which ids exist is `BRANCH_IDS`. */
export const BranchId = z.string().regex(/^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/, 'a snake_case catalog id');
export type BranchId = z.infer<typeof BranchId>;

/** Family = one or more files under src/diagnosis/branches/ (a family file splits by meaning past ~250 lines). */
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
