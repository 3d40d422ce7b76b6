/**
 * `pincer backup FILE`: a consistent copy of the database in PINCER_DB, safe while the bot runs
 * (SQLite's online backup through better-sqlite3's `backup()`: pages are copied in steps and
 * writes by the running bot are picked up). Restore by stopping Pincer and putting FILE in place.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { ConfigError, parseCoreConfig } from '../config/env.ts';
import { parseCommandArgs, UsageError } from './args.ts';
import { type CliIo, println } from './io.ts';
import { InputError } from './read-source.ts';

/**
 * @returns 0 once FILE holds the copy
 * @throws UsageError (no FILE), InputError (FILE exists already), ConfigError (PINCER_DB is not a
 *   database file)
 */
export async function runBackup(argv: string[], io: CliIo): Promise<number> {
  const { positionals } = parseCommandArgs('backup', argv, { options: {}, positionals: 1 });
  const target = positionals[0];
  if (!target) throw new UsageError('backup: FILE is missing (where to write the copy)');
  if (existsSync(target)) throw new InputError(`backup: ${target} exists already; give a new file name (nothing was overwritten)`);
  const config = parseCoreConfig(io.env);
  if (config.PINCER_DB === ':memory:') throw new ConfigError('PINCER_DB=":memory:": an in-memory database has nothing to back up');
  let db;
  try {
    db = new Database(config.PINCER_DB, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new ConfigError(`PINCER_DB=${JSON.stringify(config.PINCER_DB)}: cannot be opened for the backup (${(err as Error).message})`);
  }
  try {
    const { totalPages } = await db.backup(target);
    println(io.stdout, `Backed up ${config.PINCER_DB} to ${resolve(target)} (${totalPages} pages).`);
    return 0;
  } finally {
    db.close();
  }
}
