/**
 * One bot per database: `<db file>.bot-lock` holds the pid of the bot using the file. A second
 * bot on the same file refuses to start with a message saying which process holds it. A lock left
 * by a process that no longer runs (kill -9, a crash) is taken over. `pincer console` takes no
 * lock: it shares the file through WAL and the busy timeout (src/store/db.ts).
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { StoreError } from './errors.ts';

export class BotLockError extends StoreError {
  override name = 'BotLockError';
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Takes the bot lock of the database at `dbPath` (nothing for `:memory:`).
 * @returns the function that releases it (idempotent).
 * @throws BotLockError when another running process holds it (one line: file, pid, what to do).
 */
export function acquireBotLock(dbPath: string): () => void {
  if (dbPath === ':memory:' || dbPath === '') return () => undefined;
  const file = `${dbPath}.bot-lock`;
  for (let tries = 0; tries < 3; tries++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let held = true;
      return () => {
        if (!held) return;
        held = false;
        rmSync(file, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const pid = Number(readFileSync(file, 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
      throw new BotLockError(
        `another Pincer bot (pid ${pid}) is already running on ${dbPath}: stop it first, or give this bot its own PINCER_DB`,
      );
    }
    rmSync(file, { force: true }); // left by a process that is gone
  }
  throw new BotLockError(`could not take the bot lock ${file}`);
}
