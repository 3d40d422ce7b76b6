/**
 * Privacy retention: message text older than the configured age is removed, and so is the content
 * of an old reply still waiting to be delivered (it may quote the message); facts, hashes and
 * counts stay (issue 5 §Privacy).
 */
import type { Database } from 'better-sqlite3';
import { clearWal } from './forget.ts';

/**
 * Clears the text of every message received more than `olderThanMs` ms before `now` (ms epoch,
 * default the current time) and stamps `text_purged_at`. Returns how many messages lost their
 * text. Facts, text hashes and all other rows are kept.
 */
export function purgeOldText(db: Database, olderThanMs: number, now: number = Date.now()): number {
  db.prepare('UPDATE replies SET undelivered = NULL WHERE undelivered IS NOT NULL AND replied_at < ?').run(now - olderThanMs);
  const purged = db
    .prepare('UPDATE messages SET text = NULL, text_purged_at = ? WHERE text IS NOT NULL AND at < ?')
    .run(now, now - olderThanMs).changes;
  if (purged > 0) clearWal(db);
  return purged;
}
