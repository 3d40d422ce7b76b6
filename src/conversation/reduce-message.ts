/**
 * A new message in a thread. The thread author's evidence is merged (answers mapped to the open
 * ask, staleness and changes re-derived), the outcome of Pincer's last step is read from it, the
 * rules run, and the policy decides what — if anything — to post. Helpers, other bots and other
 * members never add evidence to the author's state.
 */
import type { Fact, StatementTopic } from '../evidence/facts.ts';
import type { Diagnosis } from '../diagnosis/types.ts';
import { pickUnsaid } from '../reply/policy.ts';
import { secretLine } from '../reply/render.ts';
import { memberPointers, solvePrompts } from '../reply/policy-texts.ts';
import { mapAnswers, openAsk } from './asks.ts';
import { nothingNew, withEpisodeFacts } from './episodes.ts';
import { failureSignature, isSubstantive, SNAPSHOT_KINDS } from './fingerprint.ts';
import { leadPosted, post, setStatus, type Turn } from './post.ts';
import { escalate, repetition, respond, type Target } from './respond.ts';
import { failuresOn, hasFailed, pendingSuggestion, settle } from './suggestions.ts';
import { episodeFacts } from './thread.ts';
import type { Outcome, StoredFact, ThreadEvent, ThreadState } from './types.ts';
import { lastAuthorMessageId, viewOf } from './view-input.ts';
import type { ReducerDeps } from './deps.ts';

type MessageEvent = Extract<ThreadEvent, { type: 'message' }>;

const says = (facts: readonly Fact[], topic: StatementTopic): boolean =>
  facts.some((f) => f.kind === 'statement' && f.topic === topic);

/** The reported outcome of a diagnosis (candidates: not ruled out, the reported branch first). */
export const outcomeOf = (d: Diagnosis, t: Turn): Outcome => ({
  status: d.status,
  branch: d.branch,
  candidates: d.candidates.filter((c) => c.status !== 'ruled_out').map((c) => c.id),
  nextCommand: d.nextCommand,
  reply: t.posted,
});

/** No step left after a failure: nothing to try that has not failed. */
function noNextStep(d: Diagnosis, s: ThreadState): boolean {
  if (d.status === 'not_auth') return true;
  if (d.status === 'needs_evidence') return d.ask === null;
  return d.step === null || hasFailed(s, d.branch, d.nextCommand);
}

/** "It works now" / thanks: ask once (per problem) to mark the solution. */
function solvePrompt(t: Turn, sinceEpisode: number, to: Target, works: boolean): void {
  if (t.state.replies.some((r) => r.kind === 'solve_prompt' && r.episode >= sinceEpisode)) return;
  const reply = pickUnsaid(t.state, solvePrompts(works));
  if (!reply) return;
  post(t, reply, to.messageId, to.seq, { key: null });
  t.state = { ...t.state, solvePromptedAt: t.now };
}

function otherRole(t: Turn, ev: MessageEvent, to: Target, deps: ReducerDeps): void {
  const s = t.state;
  if (ev.role === 'member' && (ev.addressed || ev.evidence.facts.some(isSubstantive))) {
    const answeredBefore = s.replies.some((r) => s.messages.some((m) => m.messageId === r.toMessageId && m.authorId === ev.authorId));
    const reply = answeredBefore || s.channelKind !== 'forum_post' ? null : pickUnsaid(s, memberPointers());
    if (reply) post(t, reply, to.messageId, to.seq, { key: 'member' });
  } else if (ev.role === 'helper' && ev.addressed) {
    const view = viewOf(s, lastAuthorMessageId(s));
    const d = deps.diagnose(view);
    const reply = deps.render(d, view);
    if (d.status !== 'not_auth' && !repetition(s, reply).repeat) post(t, reply, to.messageId, to.seq, { diagnosis: d });
  }
}

/** Applies a `message` event to the turn; returns the outcome for the thread author's messages. */
export function onMessage(t: Turn, ev: MessageEvent, deps: ReducerDeps): Outcome | null {
  let s = t.state;
  if (s.messages.some((m) => m.messageId === ev.messageId)) return null;
  const seq = s.messages.length;
  const to: Target = { messageId: ev.messageId, seq };
  const record = { messageId: ev.messageId, authorId: ev.authorId, role: ev.role, at: t.now, seq, textHash: ev.textHash };
  if (ev.role !== 'author') {
    t.state = { ...s, messages: [...s.messages, { ...record, episode: s.episode }] };
    otherRole(t, ev, to, deps);
    return null;
  }
  const open = openAsk(s);
  const { facts, answer } = mapAnswers(open, ev.evidence.facts);
  const worksNow = says(facts, 'works_now');
  const same = nothingNew(episodeFacts(s), facts, true);
  const fresh = !nothingNew(episodeFacts(s), facts);
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
  const d = deps.diagnose(view);
  /** Whatever the policy decided, a full credential in this message is called out (issue 9). */
  const done = (): Outcome => {
    const warning = secretLine(view);
    if (warning) leadPosted(t, warning, 'secret_warning', ev.messageId, seq);
    return outcomeOf(d, t);
  };
  if (open && !worksNow && ((d.ask?.ask.id !== open.askId && kept.some(isSubstantive)) || answer !== undefined)) {
    s = { ...s, asks: s.asks.map((a) => (a === open ? { ...a, answeredBy: ev.messageId, ...(answer ? { answer } : {}) } : a)) };
  }
  t.state = s;
  const helperActive = s.messages.some((m) => m.role === 'helper' && m.episode === s.episode);
  const silent = (s.paused || helperActive) && !ev.addressed;
  const substantive = kept.some(isSubstantive);
  if (worksNow && !substantive) {
    setStatus(t, 'solved');
    if (!silent) solvePrompt(t, closedEpisode, to, true);
    return done();
  }
  if (silent) return done();
  // A question or remark with nothing Pincer can read ("should i type the request id?") is not
  // "the same paste again": in a help thread it gets no reply and never counts toward a hand-over.
  // A message whose only evidence is a leaked credential gets the warning alone.
  const readable = kept.filter((f) => f.kind !== 'secret');
  if (readable.length === 0 && (!ev.addressed || kept.length > 0)) return done();
  const liveSig = failureSignature(view.all('provider_error'));
  if (says(facts, 'thanks') && !substantive) {
    if (s.replies.some((r) => r.kind === 'diagnosis' && r.episode === s.episode)) solvePrompt(t, s.episode, to, false);
  } else if (didntWork && (failed || s.suggestions.some((g) => g.episode === s.episode))) {
    escalate(t, 'didnt_work', pending?.branch ?? d.branch, to);
  } else if (failed && pending && failuresOn(s, pending.branch) >= 2) {
    escalate(t, 'repeated_failure', pending.branch, to);
  } else if (failed && pending && noNextStep(d, s)) {
    escalate(t, 'no_hypothesis', pending.branch, to);
  } else {
    respond(t, d, view, deps.render(d, view), to, ev.addressed, liveSig, fresh);
  }
  return done();
}
