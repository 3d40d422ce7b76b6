/**
 * One bot per database: `<db file>.bot-lock` holds the pid of the bot using the file. A second
 * bot on the same file refuses to start with a message saying which process holds it. A lock left
 * by a process that no longer runs (kill -9, a crash) is taken over. `pincer console` takes no
 * lock: it shares the file through WAL and the busy timeout (src/store/db.ts).
 */
import { rmSync } from 'node:fs';
import { tryPidLock } from './pid-lock.ts';
import { StoreError } from './errors.ts';

export class BotLockError extends StoreError {
  override name = 'BotLockError';
}

/**
 * Takes the bot lock of the database at `dbPath` (nothing for `:memory:`).
 * @returns the function that releases it (idempotent).
 * @throws BotLockError when another running process holds it (one line: file, pid, what to do).
 */
export function acquireBotLock(dbPath: string): () => void {
  if (dbPath === ':memory:' || dbPath === '') return () => undefined;
  const file = `${dbPath}.bot-lock`;
  const got = tryPidLock(file, { reclaimOwn: true });
  if (!got.ok && got.pid > 0) {
    throw new BotLockError(`another Pincer bot (pid ${got.pid}) is already running on ${dbPath}: stop it first, or give this bot its own PINCER_DB`);
  }
  if (!got.ok) throw new BotLockError(`could not take the bot lock ${file}`);
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    rmSync(file, { force: true });
  };
}
