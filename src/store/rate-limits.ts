/**
 * The rate-limit windows (migrations/003_rate_limits.sql): one row per (scope, subject) with its
 * due time. The pipeline asks before answering whether a window is spent and counts the replies
 * it hands out, in the same transaction as the thread's commit; the scheduler loop drops ended
 * windows (`prune`). Window arithmetic is in ./rate-windows.ts.
 */
import type { Database } from 'better-sqlite3';
import { counted, limitOf, spentUntil, type RateLimits, type RateScope, type RateWindow } from './rate-windows.ts';

/** Who a reply counts against: the user it answers and the thread it is posted in. */
export interface RateSubjects {
  userId: string;
  threadId: string;
}

export interface RateLimitStore {
  /** The latest end (ms epoch) among the spent windows of `subjects` at `now`, or undefined. */
  limitedUntil(subjects: RateSubjects, now: number): number | undefined;
  /** Counts `replies` (≥ 0) replies to `subjects` at `now`. */
  count(subjects: RateSubjects, replies: number, now: number): void;
  /** Drops windows that ended at or before `now`; returns how many. */
  prune(now: number): number;
}

const scopes = (s: RateSubjects): [RateScope, string][] => [['user', s.userId], ['thread', s.threadId]];

/** The store over an open, migrated database; `limits` = the configured limits. */
export function createRateLimitStore(db: Database, limits: RateLimits): RateLimitStore {
  const q = {
    get: db.prepare('SELECT window_start, replies, due_at FROM rate_limits WHERE scope = ? AND subject = ?'),
    put: db.prepare(
      `INSERT INTO rate_limits (scope, subject, window_start, replies, due_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (scope, subject) DO UPDATE SET window_start = excluded.window_start, replies = excluded.replies, due_at = excluded.due_at`,
    ),
    prune: db.prepare('DELETE FROM rate_limits WHERE due_at <= ?'),
  };
  const windowOf = (scope: RateScope, subject: string): RateWindow | undefined => {
    const r = q.get.get(scope, subject) as { window_start: number; replies: number; due_at: number } | undefined;
    return r && { windowStart: r.window_start, replies: r.replies, dueAt: r.due_at };
  };
  return {
    limitedUntil(subjects, now) {
      let until: number | undefined;
      for (const [scope, subject] of scopes(subjects)) {
        const limit = limitOf(limits, scope);
        const end = limit && spentUntil(windowOf(scope, subject), limit, now);
        if (end !== undefined && (until === undefined || end > until)) until = end;
      }
      return until;
    },
    count(subjects, replies, now) {
      if (replies <= 0) return;
      for (const [scope, subject] of scopes(subjects)) {
        const limit = limitOf(limits, scope);
        if (!limit) continue;
        const w = counted(windowOf(scope, subject), limit, replies, now);
        q.put.run(scope, subject, w.windowStart, w.replies, w.dueAt);
      }
    },
    prune: (now) => q.prune.run(now).changes,
  };
}
