/**
 * An edited message. For the thread author's paste: the old version's facts are replaced, the
 * diagnosis is redone, and Pincer's reply to that message is edited in place (never a second
 * post); if Pincer had not answered it, the edit is answered like a new message.
 */
import { withEpisodeFacts } from './episodes.ts';
import { failureSignature } from './fingerprint.ts';
import { asksSomething, replyRecord, setStatus, withReplyRecords, type Turn } from './post.ts';
import { outcomeOf } from './answer.ts';
import { repetition, respond } from './respond.ts';
import type { ReducerDeps } from './deps.ts';
import type { Outcome, ThreadEvent, ThreadState } from './types.ts';
import { viewOf } from './view-input.ts';
import { hashText, replyKey, textSaid } from './never-repeat.ts';
import type { Diagnosis } from '../diagnosis/types.ts';
import type { RenderedReply } from './reply-shape.ts';

type EditEvent = Extract<ThreadEvent, { type: 'edit' }>;

/** Rewrites reply `replyId` (and the ask / suggestion it made) to say `reply` instead. */
function rewrite(s: ThreadState, replyId: string, reply: RenderedReply, d: Diagnosis, now: number, sig: string): ThreadState {
  const old = s.replies.find((r) => r.replyId === replyId);
  if (!old) return s;
  const record = { ...replyRecord(s, reply, { replyId, toMessageId: old.toMessageId, seq: old.seq, at: old.at }, replyKey(reply)), episode: old.episode };
  if (old.postedId) record.postedId = old.postedId;
  if (old.postedParts) record.postedParts = old.postedParts;
  record.previousHashes = [...(old.previousHashes ?? []), old.textHash];
  const next: ThreadState = {
    ...s,
    replies: s.replies.map((r) => (r.replyId === replyId ? record : r)),
    asks: s.asks.filter((a) => a.replyId !== replyId),
    suggestions: s.suggestions.filter((g) => g.replyId !== replyId),
  };
  return withReplyRecords(next, reply, d, replyId, now, sig);
}

/**
 * Applies an `edit` event to the turn. Returns the outcome when the thread author's paste in the
 * current problem was re-read, else null (unknown message, same text, someone else's message,
 * or a message of an earlier, solved problem: its facts are replaced but nothing is said).
 */
export function onEdit(t: Turn, ev: EditEvent, deps: ReducerDeps): Outcome | null {
  const s0 = t.state;
  const msg = s0.messages.find((m) => m.messageId === ev.messageId);
  if (!msg || msg.textHash === ev.textHash) return null;
  let s: ThreadState = { ...s0, messages: s0.messages.map((m) => (m === msg ? { ...m, textHash: ev.textHash } : m)) };
  if (msg.role !== 'author') {
    t.state = s;
    return null;
  }
  const kept = s.facts.filter((f) => f.episode === msg.episode && f.messageId !== ev.messageId);
  const fresh = ev.evidence.facts.map((fact) => ({ messageId: ev.messageId, seq: msg.seq, episode: msg.episode, fact, stale: false }));
  s = withEpisodeFacts(s, msg.episode, [...kept, ...fresh], msg.seq);
  t.state = s;
  if (msg.episode !== s.episode) return null;
  const view = viewOf(s, ev.messageId);
  const d = deps.diagnose(view);
  const reply = deps.render(d, view);
  const sig = failureSignature(view.all('provider_error'));
  // The note that a rate limit holds the answer is not the answer: it is never rewritten.
  const earlier = s.replies.filter((r) => r.toMessageId === ev.messageId && !r.deleted && r.kind !== 'held_note').at(-1);
  if (!earlier) {
    // A held message (a rate limit is spent) is answered, as edited, when the limit lifts.
    if (s.held) return outcomeOf(d, t);
    const helperActive = s.messages.some((m) => m.role === 'helper' && m.episode === s.episode);
    // Posted now: "changed since" counts from the thread's newest message, not the edited one.
    if (!s.paused && !helperActive) respond(t, d, view, reply, { messageId: ev.messageId, seq: s.messages.length - 1 }, false, sig);
    return outcomeOf(d, t);
  }
  // The edited reply may say something new, never something the thread already heard.
  const others = { ...s, replies: s.replies.filter((r) => r.replyId !== earlier.replyId) };
  const repeat = repetition(others, reply).repeat || textSaid(s, reply);
  if (earlier.textHash === hashText(reply.markdown) || repeat || d.status === 'not_auth') {
    return outcomeOf(d, t);
  }
  t.state = rewrite(s, earlier.replyId, reply, d, t.now, sig);
  t.effects.push({ type: 'edit_reply', replyId: earlier.replyId, reply });
  t.posted = reply;
  if (asksSomething(reply)) setStatus(t, 'needs_info');
  else if (reply.kind === 'diagnosis') setStatus(t, 'bot_answered');
  return outcomeOf(d, t);
}
