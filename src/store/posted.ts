/**
 * Posted reply ids, written with the next transaction instead of one of their own (issue 17: the
 * autocommitted `UPDATE replies SET posted_id` was a second commit per answered message, ~0.2–0.5 ms
 * of CPU each under load).
 *
 * `replyPosted` keeps the ids in memory; `load` merges them into the thread it reads, so every
 * reader in this process sees them at once. They are written by the next commit (inside its
 * transaction, `writeInto`), or by a transaction of their own after `idleMs` when no commit comes,
 * or by `flush` (before the database is closed, before `undelivered` is read).
 *
 * Crash safety: ids not yet written when the process dies leave the reply as a committed reply
 * never confirmed, which the redelivery loop already handles (it finds the posted message in the
 * channel and records its id; nothing is posted twice), as it did when the process died between
 * Discord's answer and the autocommit. A commit may roll back after writing them, so ids written
 * by a commit are written again by the next one before they are forgotten (the UPDATE is
 * idempotent); a transaction of their own is known to have landed.
 */
import type { Database } from 'better-sqlite3';

interface Posted {
  threadId: string;
  replyId: string;
  postedId: string;
  parts: string[];
  /** Commits that wrote it (another's transaction: it may have rolled back). */
  writes: number;
}

export interface PostedIds {
  /** Remembers that reply `replyId` was posted as `postedId` (`parts` after it). */
  add(threadId: string, replyId: string, postedId: string, parts: string[]): void;
  /** The ids kept for the thread's replies, by reply id (merged into a load). */
  of(threadId: string): Map<string, { postedId: string; parts: string[] }> | undefined;
  /** Writes every kept id inside the caller's transaction (a commit). */
  writeInto(): void;
  /** Writes every kept id in a transaction of its own, now. @throws SqliteError (ids kept). */
  flush(): void;
  /** How many ids wait to be written for good (tests). */
  readonly size: number;
}

/** The posted ids of `db`'s replies table; `idleMs` bounds how long an id waits for a commit. */
export function createPostedIds(db: Database, idleMs = 1_000): PostedIds {
  const update = db.prepare('UPDATE replies SET posted_id = ?, posted_parts = ?, undelivered = NULL WHERE thread_id = ? AND reply_id = ?');
  const kept = new Map<string, Posted>();
  const byThread = new Map<string, Map<string, { postedId: string; parts: string[] }>>();
  let timer: NodeJS.Timeout | null = null;

  const write = (p: Posted) => update.run(p.postedId, p.parts.length > 0 ? JSON.stringify(p.parts) : null, p.threadId, p.replyId);
  const forget = (key: string, p: Posted) => {
    kept.delete(key);
    const thread = byThread.get(p.threadId);
    thread?.delete(p.replyId);
    if (thread?.size === 0) byThread.delete(p.threadId);
  };
  const flushTx = db.transaction(() => {
    for (const p of kept.values()) write(p);
  });
  const flush = () => {
    if (kept.size === 0 || !db.open) return;
    flushTx();
    for (const [key, p] of kept) forget(key, p);
  };
  const schedule = () => {
    timer ??= setTimeout(() => {
      timer = null;
      try {
        flush();
      } catch {
        if (kept.size > 0) schedule(); // a database error: tried again; the redelivery loop covers a crash
      }
    }, idleMs);
    timer.unref?.();
  };

  return {
    add(threadId, replyId, postedId, parts) {
      const key = `${threadId}\0${replyId}`;
      kept.set(key, { threadId, replyId, postedId, parts, writes: 0 });
      let thread = byThread.get(threadId);
      if (!thread) byThread.set(threadId, (thread = new Map()));
      thread.set(replyId, { postedId, parts });
      schedule();
    },
    of: (threadId) => byThread.get(threadId),
    writeInto() {
      for (const [key, p] of kept) {
        write(p);
        if (++p.writes >= 2) forget(key, p);
      }
    },
    flush,
    get size() {
      return kept.size;
    },
  };
}
