/**
 * Rate limits in the conversation. The pipeline counts Pincer's replies per user and per thread
 * (rows with a due time, src/store/rate-limits.ts); when either is spent it hands the reducer
 * `limitedUntil`. The author's messages are then still read at once — nothing is lost — but
 * their answer is held: the thread keeps one merged `HeldAnswer`, says once when the answer will
 * come, and the `answer_held` timer answers everything in one reply when the limit lifts.
 */
import type { Diagnosis } from '../diagnosis/types.ts';
import type { EvidenceView } from '../diagnosis/view.ts';
import { pickUnsaid } from './never-repeat.ts';
import { heldNotes } from './policy-texts.ts';
import { answer, answerIf, outcomeOf } from './answer.ts';
import type { ReducerDeps } from './deps.ts';
import { post, type Turn } from './post.ts';
import type { HeldAnswer, Outcome, Reading } from './types.ts';

/** Several held messages as one: the newest is answered, with what any of them asked. */
export function mergeReadings(older: Reading, newer: Reading): Reading {
  return {
    ...newer,
    addressed: older.addressed || newer.addressed,
    didntWork: older.didntWork || newer.didntWork,
    failedBranch: newer.failedBranch ?? older.failedBranch,
    pendingBranch: older.pendingBranch ?? newer.pendingBranch,
    readable: older.readable || newer.readable,
    anyFacts: older.anyFacts || newer.anyFacts,
    substantive: older.substantive || newer.substantive,
    fresh: older.fresh || newer.fresh,
    secretWarning: newer.secretWarning ?? older.secretWarning,
    question: newer.question ?? older.question ?? null,
    // "works now" and thanks speak for the thread only when nothing held came after them.
    worksNow: newer.worksNow,
    thanks: newer.thanks,
  };
}

/**
 * Answers `r` now, or holds it while `limitedUntil` (ms epoch) is ahead of `t.now`: the first
 * held message of a hold gets a short note saying when the answer comes; later ones, nothing.
 * Anything held before is answered together with `r`.
 */
export function answerOrHold(
  t: Turn,
  r: Reading,
  deps: ReducerDeps,
  read: { view: EvidenceView; diagnosis: Diagnosis },
  limitedUntil: number | undefined,
): Outcome {
  const before = t.state.held;
  const merged = before ? mergeReadings(before, r) : r;
  const entry = t.state;
  if (before) t.state = withoutHeld(t.state);
  if (limitedUntil === undefined || limitedUntil <= t.now) return answer(t, merged, deps, read);
  // Answered on a copy first: when the answer says nothing (a hand-over already made, a remark
  // with nothing to read), nothing needs holding and the answer's state is kept as it is.
  const silent = answerIf(t, merged, deps, read, (posted) => posted === null);
  if (silent.kept) return silent.outcome;
  t.state = { ...entry, held: { ...merged, until: limitedUntil } };
  if (!before) {
    const note = pickUnsaid(t.state, heldNotes(limitedUntil - t.now));
    if (note) post(t, note, r.messageId, r.seq, { key: null, status: t.state.status });
  }
  return outcomeOf(read.diagnosis, t);
}

/**
 * The `answer_held` timer: answers what was held, unless a limit still holds (`limitedUntil`
 * ahead of now), then it waits until that. Null when nothing was held.
 */
export function releaseHeld(t: Turn, limitedUntil: number | undefined, deps: ReducerDeps): Outcome | null {
  const held = t.state.held;
  if (!held) return null;
  if (limitedUntil !== undefined && limitedUntil > t.now) {
    t.state = { ...t.state, held: { ...held, until: limitedUntil } };
    return null;
  }
  t.state = withoutHeld(t.state);
  const { until: _until, ...reading } = held;
  return answer(t, reading, deps);
}

/** The thread without a held answer (a solved mark or an answer covers it). */
export function withoutHeld<S extends { held?: HeldAnswer }>(s: S): S {
  if (!s.held) return s;
  const { held: _held, ...rest } = s;
  return rest as S;
}
