/**
 * A lock file holding the pid of the process that owns it, for locks that must survive only as
 * long as their process: one left by a process that no longer runs (kill -9, a crash) is taken
 * over. Used for the one-bot-per-database lock and for a console's thread.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Creates `path` holding this process's pid. `reclaimOwn`: a lock this same process left (a bot
 * restarted in-process) is taken over too; without it, this process's own lock counts as held.
 * @returns `{ ok: true }`, or `{ ok: false, pid }` when a live process holds it (pid 0: the file
 *   kept reappearing, so no holder could be named).
 * @throws the file system's error for anything but an existing file (EACCES, ENOENT…)
 */
export function tryPidLock(path: string, { reclaimOwn = false } = {}): { ok: true } | { ok: false; pid: number } {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return { ok: true };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    if (Number.isInteger(pid) && pid > 0 && !(reclaimOwn && pid === process.pid) && alive(pid)) return { ok: false, pid };
    rmSync(path, { force: true }); // left by a process that is gone: take it over
  }
  return { ok: false, pid: 0 };
}
