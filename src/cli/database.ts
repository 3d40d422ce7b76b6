/** Opens the configured SQLite database, creating its folder on first start. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { CoreConfig } from '../config/env.ts';
import { openDatabase } from '../store/db.ts';

/** @throws Error from `openDatabase` (unreadable file, failing migration) — its message says which. */
export function openConfiguredDatabase(config: Pick<CoreConfig, 'PINCER_DB'>): Database {
  if (config.PINCER_DB !== ':memory:') mkdirSync(dirname(config.PINCER_DB), { recursive: true });
  return openDatabase(config.PINCER_DB);
}
