/**
 * Posting a reply into the state: the reply record (for "never repeat" and edits), the ask or
 * suggestion it makes, the status it leaves the thread in, and the `reply` effect.
 */
import type { Diagnosis } from '../diagnosis/types.ts';
import { firstSentence, hashText, replyKey } from './never-repeat.ts';
import type { RenderedReply } from './reply-shape.ts';
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
  const d = opts.diagnosis;
  const next = d ? withReplyRecords({ ...s, replies: [...s.replies, record] }, reply, d, replyId, t.now, opts.failureSignature ?? '') : { ...s, replies: [...s.replies, record] };
  t.state = next;
  t.posted = reply;
  t.effects.push({ type: 'reply', replyId, toMessageId, reply });
  const status = opts.status ?? statusAfter(reply);
  if (status) setStatus(t, status);
}

/** The reply asks something (an ask, or a diagnosis whose step waits on an ask). */
export const asksSomething = (reply: RenderedReply): boolean =>
  reply.askId !== null && (reply.kind === 'ask' || reply.kind === 'diagnosis');

/**
 * Adds the ask a reply makes (superseding any open one) or the step it suggests (`pending`,
 * with the failure it is meant to fix). Used for new posts and for edited replies.
 */
export function withReplyRecords(s: ThreadState, reply: RenderedReply, d: Diagnosis, replyId: string, now: number, failureSignature: string): ThreadState {
  if (asksSomething(reply) && d.ask?.ask.id === reply.askId) {
    const ask = askRecord(s, d, replyId, now);
    if (!ask) return s;
    const open = (a: AskRecord) => a.episode === s.episode && !a.answeredBy && !a.supersededBy;
    return { ...s, asks: [...s.asks.map((a) => (open(a) ? { ...a, supersededBy: replyId } : a)), ask] };
  }
  if (reply.kind !== 'diagnosis' || !d.branch) return s;
  const suggestion = { replyId, branch: d.branch, command: d.nextCommand, at: now, outcome: 'pending' as const, failureSignature, episode: s.episode };
  return { ...s, suggestions: [...s.suggestions, suggestion] };
}

/** The status a reply leaves the thread in, or null to keep it. */
function statusAfter(reply: RenderedReply): ThreadStatus | null {
  if (asksSomething(reply)) return 'needs_info';
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

/**
 * Puts `lead` (one line) above the reply posted in this turn, keeping its record in step; or
 * posts `lead` alone as a reply of `kind` when nothing was posted.
 */
export function leadPosted(t: Turn, lead: string, kind: RenderedReply['kind'], toMessageId: string, seq: number): void {
  const before = t.posted;
  if (!before) {
    post(t, { kind, markdown: lead, buttons: [], branch: null, nextCommand: null, askId: null }, toMessageId, seq, { key: null, status: t.state.status });
    return;
  }
  if (before.markdown.includes(lead)) return;
  const reply = { ...before, markdown: `${lead}\n${before.markdown}` };
  t.posted = reply;
  t.effects = t.effects.map((e) => (e.type === 'reply' && e.reply === before ? { ...e, reply } : e));
  t.state = {
    ...t.state,
    replies: t.state.replies.map((r) =>
      r.toMessageId === toMessageId && r.textHash === hashText(before.markdown)
        ? { ...r, textHash: hashText(reply.markdown), firstSentence: firstSentence(reply.markdown), previousHashes: [...(r.previousHashes ?? []), r.textHash] }
        : r,
    ),
  };
}
