/**
 * Runs the privacy purge (src/store/retention.ts) for a long-running process: once now, then
 * hourly. The due time is derived from the stored message times, so a restart loses nothing.
 */
import type { Database } from 'better-sqlite3';
import type { Logger } from '../log/logger.ts';
import { purgeOldText } from '../store/retention.ts';

const HOUR_MS = 3_600_000;

/** Purges once and schedules hourly purges. @returns a function that stops the schedule. */
export function keepRetention(db: Database, olderThanMs: number, logger?: Logger): () => void {
  const purge = (): void => {
    try {
      if (!db.open) return;
      const purged = purgeOldText(db, olderThanMs);
      if (purged > 0) logger?.info({ purged }, 'retention: old message text removed');
    } catch (err) {
      logger?.error({ err }, 'retention purge failed');
    }
  };
  purge();
  const interval = setInterval(purge, HOUR_MS);
  interval.unref();
  return () => clearInterval(interval);
}
