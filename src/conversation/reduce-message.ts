/**
 * A new message in a thread. The thread author's message is read into the thread (./reading.ts)
 * and answered (./answer.ts), or held while a rate limit is spent (./hold.ts). Helpers, other
 * bots and other members never add evidence to the author's state.
 */
import { pickUnsaid } from './never-repeat.ts';
import { memberPointers } from './policy-texts.ts';
import type { ReducerDeps } from './deps.ts';
import { isSubstantive } from './fingerprint.ts';
import { answer, answerIf } from './answer.ts';
import { answerOrHold } from './hold.ts';
import { post, type Turn } from './post.ts';
import { absorb, type MessageEvent } from './reading.ts';
import { repetition, type Target } from './respond.ts';
import type { Outcome, Reading } from './types.ts';
import { lastAuthorMessageId, viewOf } from './view-input.ts';

/**
 * Another member's paste gets one pointer to a post of their own (not while a rate limit holds
 * the thread); an addressed helper gets the diagnosis of the author's evidence, if not a repeat.
 */
function otherRole(t: Turn, ev: MessageEvent, to: Target, deps: ReducerDeps): void {
  const s = t.state;
  if (ev.role === 'member' && (ev.addressed || ev.evidence.facts.some(isSubstantive))) {
    const limited = ev.limitedUntil !== undefined && ev.limitedUntil > t.now;
    const answeredBefore = s.replies.some((r) => s.messages.some((m) => m.messageId === r.toMessageId && m.authorId === ev.authorId));
    const reply = limited || answeredBefore || s.channelKind !== 'forum_post' ? null : pickUnsaid(s, memberPointers());
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
  const s = t.state;
  if (s.messages.some((m) => m.messageId === ev.messageId)) return null;
  if (ev.role !== 'author') {
    const seq = s.messages.length;
    const record = { messageId: ev.messageId, authorId: ev.authorId, role: ev.role, at: t.now, seq, textHash: ev.textHash };
    t.state = { ...s, messages: [...s.messages, { ...record, episode: s.episode }] };
    otherRole(t, ev, { messageId: ev.messageId, seq }, deps);
    return null;
  }
  const { reading, view, diagnosis } = absorb(t, ev, deps);
  if (ev.answeredElsewhere) return secondAnswer(t, reading, deps, { view, diagnosis });
  return answerOrHold(t, reading, deps, { view, diagnosis }, ev.limitedUntil);
}

/**
 * Another answer bot answered this message first: Pincer adds only a confirmed diagnosis it has
 * not given yet. Anything else is not posted and not remembered as said — the thread may still
 * get that ask or nudge later, when the author writes again.
 */
function secondAnswer(t: Turn, r: Reading, deps: ReducerDeps, read: Parameters<typeof answer>[3]): Outcome {
  return answerIf(t, r, deps, read, (posted) => posted === null || posted.kind === 'diagnosis').outcome;
}
