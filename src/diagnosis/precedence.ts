/**
 * Which confirmed branch is reported (branches.md §"Status and precedence"): a branch another
 * confirmed branch `beats` never wins; then higher specificity; then higher priority; then the id
 * (alphabetical, only so the result is deterministic — never file order). A branch whose step the
 * thread already tried and saw fail goes last.
 */
import type { BranchId } from './catalog.ts';
import type { Rule, Verdict } from './types.ts';

export interface Ranked {
  rule: Rule;
  verdict: Verdict;
  /** Beaten by another confirmed rule. */
  beaten: boolean;
  /** Its step already failed in this thread. */
  failed: boolean;
}

/** Orders confirmed rules, winner first. Pure. */
export function rankConfirmed(confirmed: { rule: Rule; verdict: Verdict }[], failedBranches: ReadonlySet<BranchId>): Ranked[] {
  const ids = new Set(confirmed.map((c) => c.rule.id));
  const beatenIds = new Set<BranchId>();
  for (const c of confirmed) for (const b of c.rule.beats ?? []) if (ids.has(b)) beatenIds.add(b);
  return confirmed
    .map((c) => ({ ...c, beaten: beatenIds.has(c.rule.id), failed: failedBranches.has(c.rule.id) }))
    .sort(
      (a, b) =>
        Number(a.failed) - Number(b.failed) ||
        Number(a.beaten) - Number(b.beaten) ||
        (b.verdict.specificity ?? 1) - (a.verdict.specificity ?? 1) ||
        b.rule.priority - a.rule.priority ||
        a.rule.id.localeCompare(b.rule.id),
    );
}
