/**
 * Opening Pincer's SQLite database: better-sqlite3, WAL journal, foreign keys on, a busy timeout,
 * `secure_delete` (removed text is zeroed, not left in free pages),
 * and the numbered migrations in `<package root>/migrations/NNN_name.sql` applied in order.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { StoreError } from './errors.ts';

export type { Database } from 'better-sqlite3';
type Db = Database.Database;

/** `<package root>/migrations`, resolved from this file, not from the working directory. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

const MIGRATION_FILE = /^(\d{3})_[A-Za-z0-9_-]+\.sql$/;

/**
 * Applies every migration of `dir` not yet recorded in `schema_migrations`, in number order,
 * each in its own transaction. Returns the file names applied.
 * @throws Error naming the file when a migration fails (that migration is rolled back; earlier
 *   ones stay applied and recorded), or when two files share a number.
 */
export function migrate(db: Db, dir: string = MIGRATIONS_DIR): string[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
  const files = readdirSync(dir)
    .filter((f) => MIGRATION_FILE.test(f))
    .sort();
  const versions = files.map((f) => Number(f.slice(0, 3)));
  const dup = versions.find((v, i) => versions.indexOf(v) !== i);
  if (dup !== undefined) throw new Error(`migrations: two files are numbered ${String(dup).padStart(3, '0')} in ${dir}`);
  const done = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const applied: string[] = [];
  for (const file of files) {
    const version = Number(file.slice(0, 3));
    if (done.has(version)) continue;
    const sql = readFileSync(join(dir, file), 'utf8');
    try {
      db.transaction(() => {
        db.exec(sql);
        record.run(version, file, Date.now());
      })();
    } catch (err) {
      throw new Error(`migration ${file} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    applied.push(file);
  }
  return applied;
}

/** What to do about a damaged file, in one line. */
const restoreHint = (path: string): string =>
  `stop Pincer, then restore a backup (cp <backup> ${path}) or move the file aside to start an empty store`;

/**
 * `PRAGMA quick_check` (issue 15 #8): a corrupt page would otherwise leave a bot that runs and
 * never answers. @throws StoreError naming the file, what is wrong and how to restore a backup.
 */
function checkIntact(db: Db, path: string): void {
  if (db.memory) return;
  let result: string;
  try {
    result = String(db.pragma('quick_check(1)', { simple: true }));
  } catch (err) {
    // Not a database at all (a wrong PINCER_DB): the caller names the variable instead.
    if ((err as { code?: unknown }).code === 'SQLITE_NOTADB') throw err;
    throw new StoreError(`the database ${path} cannot be read (${err instanceof Error ? err.message : String(err)}): ${restoreHint(path)}`);
  }
  if (result !== 'ok') throw new StoreError(`the database ${path} is corrupt (${result.split('\n')[0]}): ${restoreHint(path)}`);
}

/**
 * Opens (creating if needed) the database at `path` (`':memory:'` for tests), checks it is intact
 * and migrates it. `migrationsDir` overrides the package's `migrations/` (tests).
 * @throws StoreError when the file is corrupt or not a database (one line: the file, the fault,
 *   how to restore a backup); Error naming the migration file when one fails; the connection is
 *   closed and the database keeps every earlier migration, without any part of the failing one.
 */
export function openDatabase(path: string, opts: { migrationsDir?: string } = {}): Db {
  const db = new Database(path);
  try {
    checkIntact(db, path);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // Another process on the file (pincer console, a backup) is waited for, up to 15 s, even on a loaded machine.
    db.pragma('busy_timeout = 15000');
    db.pragma('synchronous = NORMAL');
    // Deleted rows (forget-me, retention) are overwritten with zeros, not left in free pages.
    db.pragma('secure_delete = ON');
    // Page cache: 2 MB (SQLite's own default) instead of better-sqlite3's 16 MB, which filled up
    // as the file grew and made RSS grow with history (issue 17). A message touches a few pages
    // of one thread's rows; the OS file cache holds the rest.
    db.pragma('cache_size = -2000');
    migrate(db, opts.migrationsDir);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/**
 * When the store at `db` was created (ms epoch: its first migration), or null for an in-memory
 * database. Catch-up never reads messages older than this: a new store does not answer history.
 */
export function storeCreatedAt(db: Db): number | null {
  if (db.memory) return null;
  const row = db.prepare('SELECT MIN(applied_at) AS at FROM schema_migrations').get() as { at: number | null } | undefined;
  return row?.at ?? null;
}
