/**
 * The thread repository: loads a ThreadState from SQLite and persists a Reduction, plus
 * processed-event bookkeeping, posted reply ids, open threads and due timers.
 *
 * `commit` runs in ONE transaction: the processed_events row, the thread row, and every list row
 * that changed between `before` and the reduction's state (inserted, updated or deleted). A
 * process killed before the commit leaves no trace of the event, so it is processed again; one
 * killed after it sees the event as processed: nothing lost, nothing repeated.
 */
import type { Database } from 'better-sqlite3';
import * as z from 'zod';
import { BranchId } from '../diagnosis/catalog.ts';
import { TIMER_KINDS, type HeldAnswer, type ThreadState, type TimerKind } from '../conversation/types.ts';
import type { Reduction } from '../conversation/types.ts';
import { LIST_TABLES, factRows, type ListTable, type Row } from './rows.ts';
import { createPostedIds } from './posted.ts';

export interface StoreOptions {
  /** Keep the (already masked) message text until `purgeOldText` removes it; default true. */
  keepText?: boolean;
}

export interface ThreadStore {
  /** The thread's state, or null when it was never stored. Unreadable rows are skipped. */
  load(threadId: string): ThreadState | null;
  isProcessed(eventId: string): boolean;
  /**
   * Persists `reduction.state` (diffed against `before`, null for a new thread) and marks
   * `eventId` processed, in one transaction. `texts` = masked message text by message id, stored
   * when `keepText`. A second commit of the same event id (another process recorded it first)
   * does nothing and returns false.
   */
  commit(eventId: string, before: ThreadState | null, reduction: Reduction, now: number, texts?: Record<string, string>): boolean;
  /**
   * The adapter posted reply `replyId` as platform message `postedId` (and `parts` after it).
   * Seen by `load` at once; written with the next commit, or within a second (./posted.ts).
   */
  replyPosted(threadId: string, replyId: string, postedId: string, parts?: string[]): void;
  /** Writes the posted ids still in memory (before closing the database). @throws SqliteError. */
  flush(): void;
  /** Ids of threads not solved or closed, oldest first. */
  openThreads(): string[];
  /** Ids of the DM threads (`dm:<userId>`) with activity at or after `since` (ms epoch), oldest first. */
  recentDmThreads(since: number): string[];
  /** Timers due at or before `now` (ms epoch), earliest first. */
  dueTimers(now: number): { threadId: string; timer: TimerKind; dueAt: number }[];
}

/** threads.held: the JSON of a HeldAnswer (conversation/types.ts), checked on load. */
const HeldRow = z.object({
  messageId: z.string(),
  seq: z.number().int(),
  addressed: z.boolean(),
  worksNow: z.boolean(),
  closedEpisode: z.number().int(),
  thanks: z.boolean(),
  didntWork: z.boolean(),
  pendingBranch: BranchId.nullable(),
  failedBranch: BranchId.nullable(),
  readable: z.boolean(),
  anyFacts: z.boolean(),
  substantive: z.boolean(),
  fresh: z.boolean(),
  secretWarning: z.string().nullable(),
  until: z.number(),
}) satisfies z.ZodType<HeldAnswer>;

/** Anything unreadable counts as nothing held (the thread is answered at its next message). */
function heldAnswer(json: unknown): HeldAnswer | undefined {
  if (typeof json !== 'string') return undefined;
  try {
    const held = HeldRow.safeParse(JSON.parse(json));
    return held.success ? held.data : undefined;
  } catch {
    return undefined;
  }
}

type AnyTable = ListTable<unknown>;
const TABLES = Object.values(LIST_TABLES) as AnyTable[];

/** The rows of `t` in `s` from list position `from` on (a row depends on its record and position only). */
const rowsOf = (t: AnyTable, s: ThreadState | null, from = 0): Row[] =>
  !s ? [] : t.table === 'facts' ? factRows(s, from) : t.list(s).slice(from).map((r, i) => t.toRow(r, from + i));

/**
 * How many leading records `before` and `after` share as the same objects: their rows are the
 * same (the reducer copies what it changes), so the diff skips them instead of serialising the
 * whole history again at every message (issue 17).
 */
function samePrefix(t: AnyTable, before: ThreadState | null, after: ThreadState): number {
  if (!before) return 0;
  const a = t.list(before);
  const b = t.list(after);
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

const keyOf = (t: AnyTable, r: Row): string => JSON.stringify(t.keys.map((k) => r[k]));

function threadRow(s: ThreadState): Row {
  return {
    id: s.id, channel_kind: s.channelKind, author_id: s.authorId, status: s.status, paused: s.paused ? 1 : 0,
    episode: s.episode, created_at: s.createdAt, updated_at: s.updatedAt,
    escalated_at: s.escalatedAt ?? null, solve_prompted_at: s.solvePromptedAt ?? null,
    held: s.held ? JSON.stringify(s.held) : null,
  };
}

/** `r` with the posted ids kept in memory for it, if any (the column's truth, as in rows.ts). */
function withPosted(r: ThreadState['replies'][number], p: { postedId: string; parts: string[] } | undefined): ThreadState['replies'][number] {
  if (!p) return r;
  const { postedParts: _was, ...rest } = r;
  return { ...rest, postedId: p.postedId, ...(p.parts.length > 0 ? { postedParts: p.parts } : {}) };
}

export function createThreadStore(db: Database, opts: StoreOptions = {}): ThreadStore {
  const keepText = opts.keepText ?? true;
  const upsert = new Map<string, ReturnType<Database['prepare']>>();
  const remove = new Map<string, ReturnType<Database['prepare']>>();
  const select = new Map<string, ReturnType<Database['prepare']>>();
  for (const t of TABLES) {
    const cols = ['thread_id', ...t.cols];
    const conflict = ['thread_id', ...t.keys].join(', ');
    const updates = t.cols.filter((c) => !t.keys.includes(c)).map((c) => `${c} = excluded.${c}`).join(', ');
    upsert.set(t.table, db.prepare(
      `INSERT INTO ${t.table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')}) ON CONFLICT (${conflict}) DO UPDATE SET ${updates}`,
    ));
    remove.set(t.table, db.prepare(`DELETE FROM ${t.table} WHERE thread_id = ? AND ${t.keys.map((k) => `${k} = ?`).join(' AND ')}`));
    select.set(t.table, db.prepare(`SELECT * FROM ${t.table} WHERE thread_id = ? ORDER BY ord`));
  }
  const q = {
    thread: db.prepare('SELECT * FROM threads WHERE id = ?'),
    upsertThread: db.prepare(
      `INSERT INTO threads (id, channel_kind, author_id, status, paused, episode, created_at, updated_at, escalated_at, solve_prompted_at, held)
       VALUES (@id, @channel_kind, @author_id, @status, @paused, @episode, @created_at, @updated_at, @escalated_at, @solve_prompted_at, @held)
       ON CONFLICT (id) DO UPDATE SET status = excluded.status, paused = excluded.paused, episode = excluded.episode,
         updated_at = excluded.updated_at, escalated_at = excluded.escalated_at, solve_prompted_at = excluded.solve_prompted_at,
         held = excluded.held`,
    ),
    processed: db.prepare('SELECT 1 FROM processed_events WHERE event_id = ?'),
    markProcessed: db.prepare('INSERT OR IGNORE INTO processed_events (event_id, thread_id, processed_at) VALUES (?, ?, ?)'),
    text: db.prepare('UPDATE messages SET text = ? WHERE thread_id = ? AND message_id = ? AND text_purged_at IS NULL'),
    timers: db.prepare('SELECT kind, due_at FROM timers WHERE thread_id = ?'),
    setTimer: db.prepare('INSERT INTO timers (thread_id, kind, due_at) VALUES (?, ?, ?) ON CONFLICT (thread_id, kind) DO UPDATE SET due_at = excluded.due_at'),
    dropTimer: db.prepare('DELETE FROM timers WHERE thread_id = ? AND kind = ?'),
    due: db.prepare('SELECT thread_id, kind, due_at FROM timers WHERE due_at <= ? ORDER BY due_at, thread_id, kind'),
    open: db.prepare("SELECT id FROM threads WHERE status NOT IN ('solved', 'closed') ORDER BY created_at, id"),
    recentDms: db.prepare("SELECT id FROM threads WHERE channel_kind = 'dm' AND updated_at >= ? ORDER BY updated_at, id"),
  };
  const posted = createPostedIds(db);

  function load(threadId: string): ThreadState | null {
    const t = q.thread.get(threadId) as Row | undefined;
    if (!t) return null;
    const lists: Record<string, unknown[]> = {};
    for (const table of TABLES) {
      const rows = select.get(table.table)?.all(threadId) as Row[];
      lists[table.table] = rows.map((r) => table.fromRow(r)).filter((r) => r !== null);
    }
    const mine = posted.of(threadId);
    if (mine) lists.replies = (lists.replies as ThreadState['replies']).map((r) => withPosted(r, mine.get(r.replyId)));
    const timers: Partial<Record<TimerKind, number>> = {};
    for (const r of q.timers.all(threadId) as { kind: TimerKind; due_at: number }[]) timers[r.kind] = r.due_at;
    const state = {
      id: String(t.id), channelKind: t.channel_kind, authorId: String(t.author_id), status: t.status,
      paused: t.paused === 1, createdAt: Number(t.created_at), updatedAt: Number(t.updated_at), episode: Number(t.episode),
      ...lists, timers,
    } as unknown as ThreadState;
    if (t.escalated_at !== null) state.escalatedAt = Number(t.escalated_at);
    if (t.solve_prompted_at !== null) state.solvePromptedAt = Number(t.solve_prompted_at);
    const held = heldAnswer(t.held);
    if (held) state.held = held;
    return state;
  }

  /** The body of `commit`; callers run it inside a transaction. */
  function write(eventId: string, before: ThreadState | null, r: Reduction, now: number, texts?: Record<string, string>): boolean {
    const s = r.state;
    posted.writeInto();
    if (q.markProcessed.run(eventId, s.id, now).changes === 0) return false;
    q.upsertThread.run(threadRow(s));
    for (const t of TABLES) {
      const from = samePrefix(t, before, s);
      const old = new Map(rowsOf(t, before, from).map((row) => [keyOf(t, row), row]));
      const fresh = rowsOf(t, s, from);
      if (old.size === 0 && fresh.length === 0) continue;
      const keyed = fresh.map((row) => [keyOf(t, row), row] as const);
      const keys = new Set(keyed.map(([k]) => k));
      for (const k of old.keys()) if (!keys.has(k)) remove.get(t.table)?.run([s.id, ...(JSON.parse(k) as unknown[])]);
      // A row is written when it is new or its serialisation changed (a new one is not serialised to compare).
      for (const [k, row] of keyed) {
        const was = old.get(k);
        if (!was || JSON.stringify(was) !== JSON.stringify(row)) upsert.get(t.table)?.run({ thread_id: s.id, ...row });
      }
    }
    for (const kind of TIMER_KINDS) {
      const due = s.timers[kind];
      const was = before?.timers[kind];
      if (due === undefined) {
        if (was !== undefined) q.dropTimer.run(s.id, kind);
      } else if (was !== due) q.setTimer.run(s.id, kind, due);
    }
    if (keepText && texts) for (const [id, text] of Object.entries(texts)) q.text.run(text, s.id, id);
    return true;
  }
  const commitTx = db.transaction(write);

  return {
    load,
    isProcessed: (eventId) => q.processed.get(eventId) !== undefined,
    // Inside the pipeline's transaction already: no nested savepoint (two statements less).
    commit: (eventId, before, reduction, now, texts) =>
      db.inTransaction ? write(eventId, before, reduction, now, texts) : commitTx(eventId, before, reduction, now, texts),
    replyPosted: (threadId, replyId, postedId, parts = []) => posted.add(threadId, replyId, postedId, parts),
    flush: () => posted.flush(),
    openThreads: () => (q.open.all() as { id: string }[]).map((r) => r.id),
    recentDmThreads: (since) => (q.recentDms.all(since) as { id: string }[]).map((r) => r.id),
    dueTimers: (now) =>
      (q.due.all(now) as { thread_id: string; kind: TimerKind; due_at: number }[]).map((r) => ({ threadId: r.thread_id, timer: r.kind, dueAt: r.due_at })),
  };
}
