/**
 * Delivery bookkeeping for an adapter that confirms what it posts (the Discord bot): each reply,
 * and each edit of a posted reply, keeps its content (migrations 005, 006) until the adapter
 * confirms it (`replyPosted` in ./threads.ts, `replyEdited` here), so a crash or an outage
 * between the commit and Discord loses nothing. The scheduler loop reads what is still waiting
 * (`undelivered`, `unedited`) and delivers it, or gives it up (`replyAbandoned`).
 */
import type { Database } from 'better-sqlite3';
import * as z from 'zod';
import type { Effect } from '../conversation/types.ts';
import { BranchId } from '../diagnosis/catalog.ts';
import type { RenderedReply } from '../conversation/reply-shape.ts';
import type { Row } from './rows.ts';

/** A committed reply (or edit of one) Discord never confirmed (crash, outage), with what it says. */
export interface UndeliveredReply {
  threadId: string;
  replyId: string;
  toMessageId: string;
  /** ms epoch of the commit (of the edit, for a pending edit). */
  at: number;
  reply: RenderedReply;
}

export interface DeliveryStore {
  /** Keeps the content of the `reply` and `edit_reply` effects of a commit (call inside it). */
  track(threadId: string, effects: readonly Effect[], now: number): void;
  /** Replies committed at or after `since` (ms epoch), never posted nor given up, oldest first. */
  undelivered(since: number): UndeliveredReply[];
  /** Edits of posted replies committed at or after `since`, never confirmed, oldest first. */
  unedited(since: number): UndeliveredReply[];
  /** The adapter applied the pending edit of reply `replyId`. */
  replyEdited(threadId: string, replyId: string): void;
  /** Stop trying to post or edit reply `replyId` (Discord refused it for good, or it is too old). */
  replyAbandoned(threadId: string, replyId: string): void;
}

const RenderedRow = z.object({
  kind: z.string(),
  markdown: z.string(),
  buttons: z.array(z.enum(['worked', 'didnt_work', 'dismiss'])),
  branch: BranchId.nullable(),
  nextCommand: z.string().nullable(),
  askId: z.string().nullable(),
});

/** A stored RenderedReply, or null when unreadable (then it is not delivered). */
function readRendered(json: unknown): RenderedReply | null {
  if (typeof json !== 'string') return null;
  try {
    const r = RenderedRow.safeParse(JSON.parse(json));
    return r.success ? (r.data as RenderedReply) : null;
  } catch {
    return null;
  }
}

const waiting = (rows: Row[], content: string, at: string): UndeliveredReply[] =>
  rows.flatMap((r) => {
    const reply = readRendered(r[content]);
    return reply ? [{ threadId: String(r.thread_id), replyId: String(r.reply_id), toMessageId: String(r.to_message_id), at: Number(r[at]), reply }] : [];
  });

/** The store over an open, migrated database. */
export function createDeliveryStore(db: Database): DeliveryStore {
  const q = {
    pending: db.prepare('UPDATE replies SET undelivered = ? WHERE thread_id = ? AND reply_id = ? AND posted_id IS NULL'),
    // An edit of a reply not posted yet changes what will be posted; of a posted one, waits to be applied.
    editUnposted: db.prepare('UPDATE replies SET undelivered = ? WHERE thread_id = ? AND reply_id = ? AND posted_id IS NULL AND undelivered IS NOT NULL'),
    pendingEdit: db.prepare('UPDATE replies SET pending_edit = ?, pending_edit_at = ? WHERE thread_id = ? AND reply_id = ? AND posted_id IS NOT NULL'),
    edited: db.prepare('UPDATE replies SET pending_edit = NULL, pending_edit_at = NULL WHERE thread_id = ? AND reply_id = ?'),
    abandon: db.prepare('UPDATE replies SET undelivered = NULL, pending_edit = NULL, pending_edit_at = NULL WHERE thread_id = ? AND reply_id = ?'),
    undelivered: db.prepare(
      `SELECT thread_id, reply_id, to_message_id, replied_at, undelivered FROM replies
       WHERE undelivered IS NOT NULL AND replied_at >= ? AND posted_id IS NULL AND deleted = 0 ORDER BY replied_at, thread_id, ord`,
    ),
    unedited: db.prepare(
      `SELECT thread_id, reply_id, to_message_id, pending_edit_at, pending_edit FROM replies
       WHERE pending_edit IS NOT NULL AND pending_edit_at >= ? AND deleted = 0 ORDER BY pending_edit_at, thread_id, ord`,
    ),
  };
  return {
    track(threadId, effects, now) {
      for (const e of effects) {
        if (e.type === 'reply') q.pending.run(JSON.stringify(e.reply), threadId, e.replyId);
        if (e.type === 'edit_reply' && q.editUnposted.run(JSON.stringify(e.reply), threadId, e.replyId).changes === 0) {
          q.pendingEdit.run(JSON.stringify(e.reply), now, threadId, e.replyId);
        }
      }
    },
    undelivered: (since) => waiting(q.undelivered.all(since) as Row[], 'undelivered', 'replied_at'),
    unedited: (since) => waiting(q.unedited.all(since) as Row[], 'pending_edit', 'pending_edit_at'),
    replyEdited: (threadId, replyId) => void q.edited.run(threadId, replyId),
    replyAbandoned: (threadId, replyId) => void q.abandon.run(threadId, replyId),
  };
}
