/**
 * The next question when the user keeps pasting the same output instead of running the ask:
 * before Pincer hands over, it tries the questions the user can answer in words (API key or
 * subscription? the key's first letters? where the gateway runs?) that still split the
 * candidates. Hand-over is for when Pincer is out of ideas, not for repetition alone (issue 14).
 */
import type { BranchId } from './catalog.ts';
import { isAnswered, worstCase } from './ask-choice.ts';
import { ASKS } from './asks.ts';
import type { Ask } from './types.ts';
import type { EvidenceView } from './view.ts';

/**
 * The question ask that best separates `possible` (fewest left in the worst case, then rank),
 * skipping asks in `skip` (already asked in this problem) and asks the view already answers;
 * null when none changes anything. Pure.
 */
export function fallbackQuestion(possible: readonly BranchId[], view: EvidenceView, skip: ReadonlySet<string>): Ask | null {
  const scored = ASKS.filter((a) => a.kind === 'question' && !skip.has(a.id) && !isAnswered(a, view))
    .map((a) => ({ a, worst: worstCase(a, possible) }))
    .filter((s) => s.worst < possible.length);
  scored.sort((x, y) => x.worst - y.worst || (x.a.rank ?? 99) - (y.a.rank ?? 99));
  return scored[0]?.a ?? null;
}
