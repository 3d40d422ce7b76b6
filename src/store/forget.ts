/**
 * `/pincer forget-me`: removes what Pincer stored about one user, in one transaction, and keeps
 * the anonymous counts (threads, suggestions, solutions, feedback verdicts) that statistics need.
 *
 * - their messages (text and hash) and the evidence facts read from them are deleted;
 * - their private DM thread (`dm:<userId>`, whose id names them) is deleted whole (processed
 *   event ids stay: they name messages, not people, and keep a redelivery from being answered);
 * - every other place that names them (thread author, feedback and solution "by", the helper who
 *   acknowledged an alert, the author of a pasted credential) is replaced by `forgotten`;
 * - in threads they started, the escalation summaries (which quote evidence) are emptied;
 * - their reply-limit window (it names them) is dropped, and so is the content of any reply in
 *   their threads still waiting to be delivered (it may quote their evidence).
 */
import type { Database } from 'better-sqlite3';

export const FORGOTTEN = 'forgotten';

export interface ForgetResult {
  messages: number;
  facts: number;
  /** Threads they started that are kept anonymously, and DM threads removed. */
  threadsAnonymized: number;
  dmThreadsDeleted: number;
}

/**
 * Forgets `userId` (a Discord user id). Idempotent: a second call finds nothing.
 * @throws only on a database error (nothing is changed then).
 */
export function forgetUser(db: Database, userId: string): ForgetResult {
  const dmThread = `dm:${userId}`;
  const run = (sql: string, ...args: unknown[]) => db.prepare(sql).run(...args).changes;
  const result = db.transaction((): ForgetResult => {
    const facts = run(
      `DELETE FROM facts WHERE EXISTS (SELECT 1 FROM messages m
         WHERE m.thread_id = facts.thread_id AND m.message_id = facts.message_id AND m.author_id = ?)`,
      userId,
    );
    const messages = run('DELETE FROM messages WHERE author_id = ?', userId);
    const dmThreadsDeleted = run('DELETE FROM threads WHERE id = ?', dmThread);
    run('DELETE FROM helper_alerts WHERE thread_id = ?', dmThread);
    run(
      `UPDATE escalations SET data = json_set(data, '$.summary.evidence', json('[]'))
       WHERE thread_id IN (SELECT id FROM threads WHERE author_id = ?)`,
      userId,
    );
    run(
      `UPDATE replies SET undelivered = NULL WHERE undelivered IS NOT NULL AND thread_id IN (SELECT id FROM threads WHERE author_id = ?)`,
      userId,
    );
    const threadsAnonymized = run('UPDATE threads SET author_id = ? WHERE author_id = ?', FORGOTTEN, userId);
    run("UPDATE feedback SET given_by = ?, data = json_set(data, '$.by', ?) WHERE given_by = ?", FORGOTTEN, FORGOTTEN, userId);
    run("UPDATE solutions SET solved_by = ?, data = json_set(data, '$.by', ?) WHERE solved_by = ?", FORGOTTEN, FORGOTTEN, userId);
    run('UPDATE helper_alerts SET acknowledged_by = ? WHERE acknowledged_by = ?', FORGOTTEN, userId);
    run('UPDATE leaked_credentials SET author_id = ?, thread_id = NULL WHERE author_id = ?', FORGOTTEN, userId);
    run("DELETE FROM rate_limits WHERE scope = 'user' AND subject = ?", userId);
    return { messages, facts, threadsAnonymized, dmThreadsDeleted };
  })();
  clearWal(db);
  return result;
}

/**
 * Copies the WAL into the main file (where `secure_delete` has zeroed the removed text) and
 * empties it, so the old page images in the WAL go too. While the checkpoint worker
 * (checkpointer.ts) is copying pages this is busy for a few ms: it is tried again for up to ~1 s.
 * Skipped when still busy (a reader holds the log): the next checkpoint overwrites those frames.
 */
export function clearWal(db: Database): void {
  const until = Date.now() + 1_000;
  do {
    try {
      const [row] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
      if (!row || row.busy === 0) return;
    } catch {
      // SQLITE_BUSY: another connection holds the checkpoint
    }
    Atomics.wait(PAUSE, 0, 0, 20);
  } while (Date.now() < until);
}

/** What `Atomics.wait` blocks on between two attempts (nothing ever notifies it). */
const PAUSE = new Int32Array(new SharedArrayBuffer(4));
