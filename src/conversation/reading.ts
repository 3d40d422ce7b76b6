/**
 * Reading an author message into the thread: its evidence is merged (answers mapped to the open
 * ask, staleness and changes re-derived), the outcome of Pincer's last step is read from it
 * (worked, failed, not applied yet), and what the message asks of Pincer is returned as a
 * `Reading` for ./answer.ts. Nothing is posted here.
 */
import type { Fact, StatementTopic } from '../evidence/facts.ts';
import type { Diagnosis } from '../diagnosis/types.ts';
import type { EvidenceView } from '../diagnosis/view.ts';
import { secretLine } from './secret-line.ts';
import { mapAnswers, openAsk } from './asks.ts';
import type { ReducerDeps } from './deps.ts';
import { nothingNew, withEpisodeFacts } from './episodes.ts';
import { failureSignature, fingerprint, isSubstantive, SNAPSHOT_KINDS } from './fingerprint.ts';
import { setStatus, type Turn } from './post.ts';
import { pendingSuggestion, settle } from './suggestions.ts';
import { episodeFacts } from './thread.ts';
import type { Reading, StoredFact, ThreadEvent, ThreadState } from './types.ts';
import { viewOf } from './view-input.ts';

export type MessageEvent = Extract<ThreadEvent, { type: 'message' }>;

const says = (facts: readonly Fact[], topic: StatementTopic): boolean =>
  facts.some((f) => f.kind === 'statement' && f.topic === topic);

/** The Reading, with the view and diagnosis it was taken with (reused when answered at once). */
export interface Absorbed {
  reading: Reading;
  view: EvidenceView;
  diagnosis: Diagnosis;
}

/**
 * Merges the thread author's message `ev` into `t.state` (no effect but a `solved` status when it
 * says "it works now" and nothing else). Runs the rules once, on the updated thread.
 */
export function absorb(t: Turn, ev: MessageEvent, deps: ReducerDeps): Absorbed {
  let s = t.state;
  const seq = s.messages.length;
  const record = { messageId: ev.messageId, authorId: ev.authorId, role: ev.role, at: t.now, seq, textHash: ev.textHash };
  const open = openAsk(s);
  const { facts, answer } = mapAnswers(open, ev.evidence.facts);
  const worksNow = says(facts, 'works_now');
  const same = nothingNew(episodeFacts(s), facts, true);
  // Where the gateway runs ("I run it in Docker") is news too, though no evidence of the failure.
  const heldBefore = new Set(episodeFacts(s).filter((r) => !r.stale).map((r) => fingerprint(r.fact)));
  const fresh = !nothingNew(episodeFacts(s), facts) || facts.some((f) => f.kind === 'environment' && !heldBefore.has(fingerprint(f)));
  const pending = pendingSuggestion(s);
  const sig = failureSignature(facts);
  const closedEpisode = s.episode;
  if (worksNow) s = { ...settle(s, () => true, 'worked', ev.messageId), episode: s.episode + 1 };
  const kept = worksNow ? facts.filter((f) => !(f.kind === 'statement' && (f.topic === 'works_now' || f.topic === 'thanks'))) : facts;
  const stored: StoredFact[] = kept.map((fact) => ({ messageId: ev.messageId, seq, episode: s.episode, fact, stale: false }));
  s = { ...s, messages: [...s.messages, { ...record, episode: s.episode }] };
  s = withEpisodeFacts(s, s.episode, [...episodeFacts(s), ...stored], seq);

  const didntWork = says(facts, 'didnt_work');
  let failed = false;
  if (!worksNow && pending) {
    const sameFailure = sig ? sig === pending.failureSignature : says(facts, 'still_failing');
    const oldCodes = pending.failureSignature.split(',').filter(Boolean);
    // The identical setup output again (same `models status`, same mask) with nothing reported
    // done shows the fix was not applied yet: that is "the same paste again", not a failed fix.
    const suggestedAt = s.replies.find((r) => r.replyId === pending.replyId)?.seq ?? -1;
    const actedSince = s.changes.some((c) => c.episode === s.episode && c.seq > suggestedAt);
    const notApplied = same && !actedSince && facts.some((f) => SNAPSHOT_KINDS.has(f.kind));
    if (didntWork || (same && sameFailure && !notApplied)) {
      s = settle(s, (g) => g.replyId === pending.replyId, 'failed', ev.messageId);
      failed = true;
    } else if (sig && oldCodes.length > 0 && !oldCodes.some((c) => sig.split(',').includes(c))) {
      s = settle(s, (g) => g.replyId === pending.replyId, 'worked', ev.messageId);
    }
  }
  const view = viewOf(s, ev.messageId);
  const diagnosis = deps.diagnose(view);
  if (open && !worksNow && ((diagnosis.ask?.ask.id !== open.askId && kept.some(isSubstantive)) || answer !== undefined)) {
    s = { ...s, asks: s.asks.map((a) => (a === open ? { ...a, answeredBy: ev.messageId, ...(answer ? { answer } : {}) } : a)) };
  }
  t.state = s;
  const substantive = kept.some(isSubstantive);
  if (worksNow && !substantive) setStatus(t, 'solved');
  const reading: Reading = {
    messageId: ev.messageId,
    seq,
    addressed: ev.addressed,
    worksNow,
    closedEpisode,
    thanks: says(facts, 'thanks'),
    didntWork,
    pendingBranch: pending?.branch ?? null,
    failedBranch: failed && pending ? pending.branch : null,
    readable: kept.some((f) => f.kind !== 'secret'),
    anyFacts: kept.length > 0,
    substantive,
    fresh,
    secretWarning: secretLine(view),
    question: questionOf(facts),
    asksNext: facts.some((f) => f.kind === 'statement' && f.topic === 'asks_what_next'),
  };
  return { reading, view, diagnosis };
}

/** The question a message asks (not "what next?", which the step answers), or null. */
function questionOf(facts: readonly Fact[]): StatementTopic | null {
  const q = facts.find((f) => f.kind === 'statement' && f.topic.startsWith('asks_') && f.topic !== 'asks_what_next');
  return q?.kind === 'statement' ? q.topic : null;
}

/** A helper who has spoken in this problem, or a pause, keeps Pincer quiet unless addressed. */
export function quietFor(s: ThreadState, addressed: boolean): boolean {
  const helperActive = s.messages.some((m) => m.role === 'helper' && m.episode === s.episode);
  return (s.paused || helperActive) && !addressed;
}
