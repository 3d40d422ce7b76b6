/**
 * A fresh thread, and small read helpers over a ThreadState that several modules share.
 */
import type { ChannelKind, MessageRecord, ReplyRecord, StoredFact, ThreadState } from './types.ts';

/**
 * A thread that has seen nothing yet: status `new`, episode 0, no memory.
 * `now` is a ms epoch (createdAt/updatedAt). Pure.
 */
export function newThread(init: { id: string; channelKind: ChannelKind; authorId: string; now: number }): ThreadState {
  return {
    id: init.id,
    channelKind: init.channelKind,
    authorId: init.authorId,
    status: 'new',
    paused: false,
    createdAt: init.now,
    updatedAt: init.now,
    episode: 0,
    messages: [],
    facts: [],
    asks: [],
    suggestions: [],
    replies: [],
    changes: [],
    escalations: [],
    solutions: [],
    feedback: [],
    timers: {},
  };
}

/** The thread author's facts of the current episode, oldest first (stale ones included). */
export const episodeFacts = (s: ThreadState): StoredFact[] => s.facts.filter((f) => f.episode === s.episode);

/** Pincer's live (not deleted) replies of the current episode. */
export const episodeReplies = (s: ThreadState): ReplyRecord[] =>
  s.replies.filter((r) => r.episode === s.episode && !r.deleted);

export const findMessage = (s: ThreadState, messageId: string): MessageRecord | undefined =>
  s.messages.find((m) => m.messageId === messageId);

/** The next reply id for a user message: `<messageId>:r1`, `:r2` … (stable across restarts). */
export function nextReplyId(s: ThreadState, messageId: string): string {
  const n = s.replies.filter((r) => r.toMessageId === messageId).length + 1;
  return `${messageId}:r${n}`;
}

/** True when a change was recorded after message `seq` in the current episode. */
export const changedSince = (s: ThreadState, seq: number): boolean =>
  s.changes.some((c) => c.episode === s.episode && c.seq > seq);

/** The newest change after `seq` in the current episode, if any. */
export const lastChangeSince = (s: ThreadState, seq: number) =>
  s.changes.filter((c) => c.episode === s.episode && c.seq > seq).at(-1);
