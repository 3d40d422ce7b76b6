/**
 * Checks `PINCER_DB` before SQLite opens it, so a path problem is one line naming the variable
 * (exit 2), never an internal error: a directory, a read-only file or folder, a parent folder
 * that cannot be created. Creates the parent folder on first start.
 */
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigError } from './env.ts';

const fail = (path: string, why: string): ConfigError => new ConfigError(`PINCER_DB=${JSON.stringify(path)}: ${why}`);

const writable = (path: string): boolean => {
  try {
    accessSync(path, constants.W_OK);
    // root passes access(); a file or folder with no write bit at all is still meant read-only.
    return (statSync(path).mode & 0o222) !== 0;
  } catch {
    return false;
  }
};

/**
 * Prepares the database path: creates its folder when missing.
 * @throws ConfigError (one line, naming PINCER_DB) when the path cannot hold a writable database
 */
export function prepareDbPath(path: string): void {
  if (path === ':memory:') return;
  const full = resolve(path);
  const folder = dirname(full);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOTDIR' || code === 'EEXIST' ? 'a part of the path is a file, not a folder' : (code ?? String(err));
    throw fail(path, `cannot create the folder ${folder} (${why})`);
  }
  if (!statSync(folder).isDirectory()) throw fail(path, `${folder} is not a folder`);
  let stat;
  try {
    stat = statSync(full);
  } catch {
    if (!writable(folder)) throw fail(path, `the folder ${folder} is read-only; Pincer must create the database there`);
    return;
  }
  if (stat.isDirectory()) throw fail(path, 'is a directory; expects a database file path, e.g. ./data/pincer.db');
  if (!writable(full)) throw fail(path, 'is read-only; Pincer writes to its database (make the file writable or choose another path)');
  if (!writable(folder)) throw fail(path, `the folder ${folder} is read-only; SQLite needs to write its journal (-wal) files beside the database`);
}
