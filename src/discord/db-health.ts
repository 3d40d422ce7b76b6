/**
 * Database faults while the bot runs (issue 15 #4, #7, #8):
 * - every database error of a handler or the timer loop is logged, but at most once per minute
 *   per error code (a full disk says so once a minute, not once per message), with the count
 *   of repeats held back;
 * - an error that keeps repeating without a single success in between (a corrupt page, an I/O
 *   error, a read-only file; not a full disk or a busy file, which pass) ends the process
 *   non-zero, so its supervisor restarts it and the start-up check names the fault;
 * - the database file vanishing or being replaced (deleted, emptied) ends the process too: the
 *   bot would otherwise write into a file nobody will ever open again.
 */
import { statSync } from 'node:fs';
import type { Logger } from '../log/logger.ts';
import type { LogIds } from './errors.ts';

/** Errors that pass on their own: the disk fills and is freed, another process holds the file. */
const PASSING = new Set(['SQLITE_FULL', 'SQLITE_BUSY', 'SQLITE_LOCKED']);
/** Failures in a row, with no success between, after which the process exits. */
export const FATAL_REPEATS = 5;
const LOG_EVERY_MS = 60_000;

export interface DbHealth {
  /** A database operation failed (logs, and may call `onFatal`). */
  failed(what: string, ids: LogIds, err: unknown): void;
  /** A database operation succeeded: the run of failures is over. */
  succeeded(): void;
}

/** True for better-sqlite3's SqliteError (code `SQLITE_…`). */
export function isDatabaseError(err: unknown): err is Error & { code: string } {
  const code = (err as { code?: unknown } | null)?.code;
  return err instanceof Error && typeof code === 'string' && code.startsWith('SQLITE_');
}

const HINTS: Record<string, string> = {
  SQLITE_FULL: 'the disk is full: messages are not saved; they are retried once space is freed',
  SQLITE_READONLY: 'the database file became read-only',
  SQLITE_CORRUPT: 'the database file is corrupt',
  SQLITE_NOTADB: 'the database file is not a database any more',
};

export function createDbHealth(logger: Logger, onFatal: (reason: string) => void, now: () => number = Date.now): DbHealth {
  const lastLogged = new Map<string, number>();
  const heldBack = new Map<string, number>();
  let repeats = 0;
  return {
    failed(what, ids, err) {
      const code = isDatabaseError(err) ? err.code : 'unknown';
      const base = code.replace(/_[A-Z]+$/, '') in HINTS ? code.replace(/_[A-Z]+$/, '') : code;
      const at = now();
      const last = lastLogged.get(base);
      if (last === undefined || at - last >= LOG_EVERY_MS) {
        lastLogged.set(base, at);
        const repeated = heldBack.get(base) ?? 0;
        heldBack.set(base, 0);
        logger.error(
          { ...ids, code, repeatedSinceLastLine: repeated, err: { message: err instanceof Error ? err.message : String(err) } },
          `database error in ${what}: ${HINTS[base] ?? 'the operation failed'}`,
        );
      } else {
        heldBack.set(base, (heldBack.get(base) ?? 0) + 1);
      }
      if (PASSING.has(base)) return;
      repeats += 1;
      if (repeats === FATAL_REPEATS) onFatal(`the database failed ${repeats} times in a row (${code}): ${HINTS[base] ?? 'see the errors above'}`);
    },
    succeeded() {
      repeats = 0;
    },
  };
}

/**
 * Checks every `intervalMs` that the file at `path` is still the one opened (same inode, not
 * emptied); calls `onGone` once if not. Returns the function that stops watching.
 */
export function watchDatabaseFile(path: string, intervalMs: number, onGone: (why: string) => void): () => void {
  if (path === '' || path === ':memory:') return () => undefined;
  let inode: number;
  try {
    inode = statSync(path).ino;
  } catch {
    return () => undefined;
  }
  const handle = setInterval(() => {
    let why: string | null = null;
    try {
      const st = statSync(path);
      if (st.ino !== inode) why = `the database file ${path} was replaced while Pincer was running`;
      else if (st.size === 0) why = `the database file ${path} was emptied while Pincer was running`;
    } catch {
      why = `the database file ${path} vanished while Pincer was running`;
    }
    if (why === null) return;
    clearInterval(handle);
    onGone(why);
  }, intervalMs);
  handle.unref();
  return () => clearInterval(handle);
}
