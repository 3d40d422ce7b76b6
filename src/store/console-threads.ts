/**
 * Which terminal help thread `pincer console` continues. Interactive terminal threads are named
 * `terminal:<n>`, n = 1, 2, …; the highest n is the current one, `--new` takes the next.
 * (Piped runs use `terminal:pipe:<uuid>`: a fresh thread each run, never continued.)
 *
 * Two consoles on the same database never share a thread: a console claims its thread with a
 * lock file beside the database (`<db>.terminal-<n>.lock`, holding its pid). A second console
 * finds the claim of a live process and takes a fresh thread instead; a claim left by a process
 * that died is taken over.
 */
import { rmSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { tryPidLock } from './pid-lock.ts';

/** @returns the thread id to use: the latest `terminal:<n>`, or a new one when `fresh` or none exists. */
export function currentConsoleThread(db: Database, { fresh }: { fresh: boolean }): string {
  const n = latestNumber(db);
  return `terminal:${fresh || n === 0 ? n + 1 : n}`;
}

function latestNumber(db: Database): number {
  const rows = db.prepare("SELECT id FROM threads WHERE channel_kind = 'terminal' AND id GLOB 'terminal:[0-9]*'").all() as { id: string }[];
  return rows.reduce((max, r) => Math.max(max, Number.parseInt(r.id.slice('terminal:'.length), 10) || 0), 0);
}

export interface ConsoleClaim {
  threadId: string;
  /** The thread this console would have continued, when another live console has it open. */
  busy: { threadId: string; pid: number } | null;
  /** Gives the thread up (on exit). */
  release(): void;
}

/**
 * Claims the thread this console should use. In-memory databases need no claim.
 * @param dbPath the database file (`db.name`)
 */
export function claimConsoleThread(db: Database, dbPath: string, { fresh }: { fresh: boolean }): ConsoleClaim {
  const latest = latestNumber(db);
  let n = fresh || latest === 0 ? latest + 1 : latest;
  if (dbPath === ':memory:' || dbPath === '') return { threadId: `terminal:${n}`, busy: null, release: () => undefined };
  let busy: ConsoleClaim['busy'] = null;
  for (;;) {
    const lock = `${dbPath}.terminal-${n}.lock`;
    const got = tryPidLock(lock);
    if (got.ok) return { threadId: `terminal:${n}`, busy, release: () => rmSync(lock, { force: true }) };
    busy ??= { threadId: `terminal:${n}`, pid: got.pid };
    n = Math.max(n, latest) + 1;
  }
}
