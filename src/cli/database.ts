/** Opens the configured SQLite database, creating its folder on first start. */
import type { Database } from 'better-sqlite3';
import { prepareDbPath } from '../config/db-path.ts';
import { ConfigError, type CoreConfig } from '../config/env.ts';
import { openDatabase } from '../store/db.ts';

/** SQLite's answers that mean "this path cannot hold Pincer's database" (not a bug in Pincer). */
const PATH_CODES: Record<string, string> = {
  SQLITE_CANTOPEN: 'cannot be opened',
  SQLITE_READONLY: 'is read-only; Pincer writes to its database',
  SQLITE_NOTADB: 'is not a SQLite database (another file at that path?)',
  SQLITE_PERM: 'permission denied',
  SQLITE_CORRUPT: 'the database file is damaged (restore a backup: see README "Update and back-up")',
};

/**
 * @throws ConfigError (one line naming PINCER_DB) for a path that cannot hold the database;
 *   other Errors from `openDatabase` (a failing migration) — their message says which.
 */
export function openConfiguredDatabase(config: Pick<CoreConfig, 'PINCER_DB'>): Database {
  prepareDbPath(config.PINCER_DB);
  try {
    return openDatabase(config.PINCER_DB);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    const key = Object.keys(PATH_CODES).find((k) => typeof code === 'string' && (code === k || code.startsWith(`${k}_`)));
    const why = key ? PATH_CODES[key] : undefined;
    if (why) throw new ConfigError(`PINCER_DB=${JSON.stringify(config.PINCER_DB)}: ${why}`);
    throw err;
  }
}
