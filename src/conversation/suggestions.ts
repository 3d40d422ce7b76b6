/**
 * Suggestion outcomes: a step Pincer gave is `pending` until the thread shows it worked (the
 * error went away or changed, "works now", a 👍) or failed (the same failure again with nothing
 * else new, "didn't work", a 👎). Failed steps are passed to the rules so they are never
 * suggested again.
 */
import type { BranchId } from '../diagnosis/catalog.ts';
import type { SuggestionOutcome, SuggestionRecord, ThreadState } from './types.ts';

export const pendingSuggestion = (s: ThreadState): SuggestionRecord | undefined =>
  s.suggestions.filter((g) => g.episode === s.episode && g.outcome === 'pending').at(-1);

/**
 * Failed steps of the thread (every episode: a command that failed stays failed). A step without
 * a command (a console action) is listed with command `''`.
 */
export const failedSteps = (s: ThreadState): { branch: BranchId; command: string }[] =>
  s.suggestions.filter((g) => g.outcome === 'failed').map((g) => ({ branch: g.branch, command: g.command ?? '' }));

/** This (branch, next command) was suggested and failed before. */
export const hasFailed = (s: ThreadState, branch: BranchId | null, command: string | null): boolean =>
  s.suggestions.some((g) => g.outcome === 'failed' && g.branch === branch && (g.command ?? '') === (command ?? ''));

/** Sets the outcome of every pending suggestion matching `which` (returns a new state). */
export function settle(
  s: ThreadState,
  which: (g: SuggestionRecord) => boolean,
  outcome: SuggestionOutcome,
  decidedBy: string,
): ThreadState {
  return {
    ...s,
    suggestions: s.suggestions.map((g) => (g.outcome === 'pending' && which(g) ? { ...g, outcome, decidedBy } : g)),
  };
}

/** How many suggestions on this branch failed in the current episode. */
export const failuresOn = (s: ThreadState, branch: BranchId): number =>
  s.suggestions.filter((g) => g.episode === s.episode && g.branch === branch && g.outcome === 'failed').length;
