/**
 * Posting a reply into the state: the reply record (for "never repeat" and edits), the ask or
 * suggestion it makes, the status it leaves the thread in, and the `reply` effect.
 */
import type { Diagnosis } from '../diagnosis/types.ts';
import { firstSentence, hashText, replyKey } from '../reply/policy.ts';
import type { RenderedReply } from '../reply/types.ts';
import { askRecord } from './asks.ts';
import { nextReplyId } from './thread.ts';
import type { AskRecord, Effect, ReplyRecord, ThreadState, ThreadStatus } from './types.ts';

/** One event's work in progress: the state so far and the effects to hand back. */
export interface Turn {
  state: ThreadState;
  effects: Effect[];
  now: number;
  /** The reply posted in this turn (at most one per user message). */
  posted: RenderedReply | null;
}

export function setStatus(t: Turn, status: ThreadStatus): void {
  if (t.state.status !== status) {
    t.state = { ...t.state, status };
    t.effects.push({ type: 'set_status', status });
  }
}

/** The reply record for `reply` (key overridable: nudges carry `nudge:<key>`). */
export function replyRecord(
  s: ThreadState,
  reply: RenderedReply,
  ids: { replyId: string; toMessageId: string; seq: number; at: number },
  key: string | null,
): ReplyRecord {
  return {
    replyId: ids.replyId,
    toMessageId: ids.toMessageId,
    at: ids.at,
    kind: reply.kind,
    textHash: hashText(reply.markdown),
    firstSentence: firstSentence(reply.markdown),
    branch: reply.branch,
    nextCommand: reply.nextCommand,
    askId: reply.askId,
    seq: ids.seq,
    episode: s.episode,
    key,
  };
}

export interface PostOptions {
  /** The diagnosis behind an ask or a step reply (records the ask / the suggestion). */
  diagnosis?: Diagnosis;
  /** Failure signature the step is meant to fix. */
  failureSignature?: string;
  /** Overrides `replyKey(reply)`. */
  key?: string | null;
  status?: ThreadStatus;
}

/** Posts `reply` as the answer to message `toMessageId` (seq `seq`). At most once per turn. */
export function post(t: Turn, reply: RenderedReply, toMessageId: string, seq: number, opts: PostOptions = {}): void {
  if (t.posted) return;
  const s = t.state;
  const replyId = nextReplyId(s, toMessageId);
  const key = opts.key === undefined ? replyKey(reply) : opts.key;
  const record = replyRecord(s, reply, { replyId, toMessageId, seq, at: t.now }, key);
  let next: ThreadState = { ...s, replies: [...s.replies, record] };
  const d = opts.diagnosis;
  if (d && reply.kind === 'ask') {
    const ask = askRecord(next, d, replyId, t.now);
    const open = (a: AskRecord) => a.episode === s.episode && !a.answeredBy && !a.supersededBy;
    const older = next.asks.map((a) => (open(a) ? { ...a, supersededBy: replyId } : a));
    if (ask) next = { ...next, asks: [...older, ask] };
  }
  if (d && reply.kind === 'diagnosis' && d.branch) {
    next = {
      ...next,
      suggestions: [
        ...next.suggestions,
        {
          replyId,
          branch: d.branch,
          command: d.nextCommand,
          at: t.now,
          outcome: 'pending',
          failureSignature: opts.failureSignature ?? '',
          episode: s.episode,
        },
      ],
    };
  }
  t.state = next;
  t.posted = reply;
  t.effects.push({ type: 'reply', replyId, toMessageId, reply });
  const status = opts.status ?? statusAfter(reply);
  if (status) setStatus(t, status);
}

/** The status a reply leaves the thread in, or null to keep it. */
function statusAfter(reply: RenderedReply): ThreadStatus | null {
  switch (reply.kind) {
    case 'ask':
      return 'needs_info';
    case 'nudge':
      return reply.askId ? 'needs_info' : null;
    case 'diagnosis':
      return 'bot_answered';
    case 'escalation':
      return 'needs_human';
    default:
      return null;
  }
}
