/**
 * Which terminal help thread `pincer console` continues. Interactive terminal threads are named
 * `terminal:<n>`, n = 1, 2, …; the highest n is the current one, `--new` takes the next.
 * (Piped runs use `terminal:pipe:<uuid>`: a fresh thread each run, never continued.)
 */
import type { Database } from 'better-sqlite3';

/** @returns the thread id to use: the latest `terminal:<n>`, or a new one when `fresh` or none exists. */
export function currentConsoleThread(db: Database, { fresh }: { fresh: boolean }): string {
  const rows = db.prepare("SELECT id FROM threads WHERE channel_kind = 'terminal' AND id GLOB 'terminal:[0-9]*'").all() as { id: string }[];
  const latest = rows.reduce((max, r) => Math.max(max, Number.parseInt(r.id.slice('terminal:'.length), 10) || 0), 0);
  return `terminal:${fresh || latest === 0 ? latest + 1 : latest}`;
}
