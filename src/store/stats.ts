/**
 * Read-only figures for the moderators' `/pincer status` and `/pincer stats [days]`, straight from
 * the thread memory tables (migrations/001_threads.sql). Counts and ids only; no message text.
 */
import type { Database } from 'better-sqlite3';

export interface StoreStatus {
  /** Database size in bytes (page_count × page_size; the WAL file is not counted). */
  bytes: number;
  /** Threads by status. */
  open: number;
  solved: number;
  closed: number;
  /** Threads whose answer a reply limit holds right now (answered when the window ends). */
  held: number;
}

export interface Counted {
  label: string;
  count: number;
}

export interface WindowStats {
  days: number;
  /** Threads created in the window. */
  threads: number;
  /** Branches Pincer answered with (suggestions made), most frequent first. */
  branches: Counted[];
  /** Solutions recorded in the window, and how many of them were Pincer's reply or its Worked button. */
  solved: number;
  solvedByPincer: number;
  /** Suggested fixes reported as failed, `branch: command`, most frequent first. */
  failedFixes: Counted[];
  /**
   * Error signatures (`HTTP 401 authentication_error (anthropic)`) of threads where Pincer never
   * had a diagnosis and is not waiting for an answer to an ask: the coverage gaps, by number of
   * threads, most frequent first.
   */
  unmatched: Counted[];
}

const DAY_MS = 86_400_000;

/** Size and open/solved/closed counts. */
export function storeStatus(db: Database): StoreStatus {
  const pages = db.pragma('page_count', { simple: true }) as number;
  const size = db.pragma('page_size', { simple: true }) as number;
  const rows = db.prepare('SELECT status, COUNT(*) AS n FROM threads GROUP BY status').all() as { status: string; n: number }[];
  const by = (s: string) => rows.find((r) => r.status === s)?.n ?? 0;
  const total = rows.reduce((a, r) => a + r.n, 0);
  const held = (db.prepare('SELECT COUNT(*) AS n FROM threads WHERE held IS NOT NULL').get() as { n: number }).n;
  return { bytes: pages * size, open: total - by('solved') - by('closed'), solved: by('solved'), closed: by('closed'), held };
}

const counted = (rows: { label: string | null; n: number }[]): Counted[] =>
  rows.filter((r) => r.label).map((r) => ({ label: String(r.label), count: r.n }));

/**
 * Figures over the last `days` days before `now` (ms epoch); `limit` rows per list (default 5).
 */
export function windowStats(db: Database, days: number, now: number, limit = 5): WindowStats {
  const since = now - days * DAY_MS;
  const one = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).get(...args) as T;
  const all = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).all(...args) as T[];
  const threads = one<{ n: number }>('SELECT COUNT(*) AS n FROM threads WHERE created_at >= ?', since).n;
  const branches = all<{ label: string; n: number }>(
    'SELECT branch AS label, COUNT(*) AS n FROM suggestions WHERE suggested_at >= ? GROUP BY branch ORDER BY n DESC, branch LIMIT ?',
    since,
    limit,
  );
  const solved = one<{ n: number; pincer: number | null }>(
    "SELECT COUNT(*) AS n, SUM(CASE WHEN pincer_reply = 1 OR source = 'feedback' THEN 1 ELSE 0 END) AS pincer FROM solutions WHERE solved_at >= ?",
    since,
  );
  const failed = all<{ label: string; n: number }>(
    `SELECT branch || COALESCE(': ' || command, '') AS label, COUNT(*) AS n FROM suggestions
     WHERE outcome = 'failed' AND suggested_at >= ? GROUP BY label ORDER BY n DESC, label LIMIT ?`,
    since,
    limit,
  );
  const unmatched = all<{ label: string; n: number }>(
    `SELECT TRIM(COALESCE('HTTP ' || json_extract(f.fact, '$.httpStatus') || ' ', '') || json_extract(f.fact, '$.code')
              || COALESCE(' (' || json_extract(f.fact, '$.provider') || ')', '')) AS label, COUNT(DISTINCT f.thread_id) AS n
     FROM facts f JOIN threads t ON t.id = f.thread_id
     WHERE f.kind = 'provider_error' AND t.created_at >= ? AND t.status <> 'needs_info'
       AND NOT EXISTS (SELECT 1 FROM suggestions s WHERE s.thread_id = f.thread_id)
     GROUP BY label ORDER BY n DESC, label LIMIT ?`,
    since,
    limit,
  );
  return {
    days,
    threads,
    branches: counted(branches),
    solved: solved.n,
    solvedByPincer: solved.pincer ?? 0,
    failedFixes: counted(failed),
    unmatched: counted(unmatched),
  };
}
