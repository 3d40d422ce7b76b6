/**
 * SQLite's WAL checkpoint off the event loop (issue 17). In WAL mode every commit appends pages to
 * `<db>-wal`, and by default the connection that commits copies them back into the main file once
 * the log holds 1,000 pages: a checkpoint inside that message's COMMIT, with two fsyncs, 14–25 ms
 * on a small host, every ~45 answered messages. That stall was most of the bot's p99 latency.
 *
 * Once the log has grown past `startAtBytes` (the bot is busy), a worker thread opens its own
 * connection to the file and runs `PRAGMA wal_checkpoint(PASSIVE)` whenever the log changed, every
 * `everyMs`. A PASSIVE checkpoint never blocks the writer, and the writer restarts the log once a
 * checkpoint caught up with it, so the file stays small (measured: a commit's p99 ~25 ms → ~1.3 ms
 * with a commit every 5 ms, bench/checkpoint-stalls.ts). The main connection keeps its own automatic
 * checkpoint as a backstop, raised to `backstopPages`: if the worker stalls or fails, the log is
 * still bounded (and a failed worker puts the default back). An idle bot starts no worker: it
 * costs ~10 MB of RSS (its own V8 isolate), paid only once traffic comes.
 */
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import type { Logger } from '../log/logger.ts';

export interface CheckpointerOptions {
  /** Log size (bytes of `<db>-wal`) from which the worker is started. Default 1 MB. */
  startAtBytes?: number;
  /** How often the main thread looks at the log's size before the worker runs, ms. Default 1,000. */
  watchMs?: number;
  /** How often the worker looks for new log pages, ms. Default 200. */
  everyMs?: number;
  /** The main connection's `wal_autocheckpoint` while the worker runs, pages. Default 10,000 (~40 MB). */
  backstopPages?: number;
  logger?: Logger;
}

export interface Checkpointer {
  /** True once the worker thread runs. */
  readonly running: boolean;
  /** Stops watching and the worker (its connection closed). Resolves when the worker has exited. */
  close(): Promise<void>;
}

/** Largest `<db>-wal` kept after the log restarts, bytes. */
const JOURNAL_LIMIT_BYTES = 8 * 1024 * 1024;
/** SQLite's own automatic checkpoint threshold (pages), put back when the worker is gone. */
const SQLITE_DEFAULT_PAGES = 1000;

/**
 * The worker, as plain CommonJS (no TypeScript loader in a worker thread, and the bundle needs no
 * extra entry). It reports a failure once and exits; the main thread then checkpoints as before.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { statSync } = require('node:fs');
const Database = require(workerData.driver);
let db;
let seen = '';
function tick() {
  let st;
  try { st = statSync(workerData.wal); } catch { return; }
  const key = st.size + ':' + st.mtimeMs;
  if (key === seen) return;
  seen = key;
  // A pass copies the log as it was when the pass began; pages the bot commits meanwhile wait for
  // the next. Passes repeat until one finds the log as the previous left it: only a log copied
  // to its end lets the bot's next commit start it over (else it would grow to the backstop).
  let before = -1;
  for (let pass = 0; pass < 10; pass++) {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    if (r.log === before) break;
    before = r.log;
  }
}
try {
  db = new Database(workerData.path, { fileMustExist: true });
  db.pragma('synchronous = NORMAL');
  const timer = setInterval(() => {
    try { tick(); } catch (err) {
      clearInterval(timer);
      parentPort.postMessage({ failed: String(err && err.message || err), code: err && err.code });
      try { db.close(); } catch {}
      parentPort.close();
    }
  }, workerData.everyMs);
  parentPort.on('message', (m) => {
    if (m !== 'close') return;
    clearInterval(timer);
    try { db.close(); } catch {}
    parentPort.close();
  });
} catch (err) {
  parentPort.postMessage({ failed: String(err && err.message || err), code: err && err.code });
  parentPort.close();
}
`;

/** better-sqlite3's entry file, for the worker's `require` (resolved from here: the bundle too). */
const driverPath = (): string => createRequire(import.meta.url).resolve('better-sqlite3');

/**
 * Watches the WAL of `db` (a file database in WAL mode) and starts the checkpoint worker once the
 * bot is busy. An in-memory database gets a checkpointer that does nothing. Never throws: a worker
 * that cannot start or fails is logged (warn) and the main connection checkpoints as before.
 */
export function startCheckpointer(db: Database, opts: CheckpointerOptions = {}): Checkpointer {
  const { startAtBytes = 1 << 20, watchMs = 1_000, everyMs = 200, backstopPages = 10_000, logger } = opts;
  if (db.memory) return { running: false, close: async () => undefined };
  const wal = `${db.name}-wal`;
  let worker: Worker | null = null;
  let exited: Promise<void> = Promise.resolve();

  const fallBack = (why: string, code?: string): void => {
    logger?.warn({ code }, `WAL checkpoints are back on the main thread: ${why}`);
    if (db.open) db.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_PAGES}`);
  };
  const spawn = (): void => {
    const w = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver: driverPath(), path: db.name, wal, everyMs },
      // A checkpoint loop needs little heap (~3 MB with Node's own start-up); the limits keep its
      // isolate from growing like the bot's. Limits, not reservations.
      resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 1, stackSizeMb: 1 },
      stdout: false,
      stderr: false,
    });
    worker = w;
    exited = new Promise((resolve) =>
      w.once('exit', () => {
        worker = null;
        resolve();
      }),
    );
    w.on('message', (m: { failed?: string; code?: string }) => {
      if (m.failed) fallBack(m.failed, m.code);
    });
    w.on('error', (err) => fallBack(err.message));
    w.unref();
    db.pragma(`wal_autocheckpoint = ${backstopPages}`);
    // A burst can grow the log past SQLite's usual ~4 MB before a checkpoint catches up; when the
    // log restarts, the file is cut back to this size instead of staying as large as the burst made it.
    db.pragma(`journal_size_limit = ${JOURNAL_LIMIT_BYTES}`);
    logger?.debug({ startAtBytes, everyMs }, 'WAL checkpoints moved to a worker thread');
  };

  const watch = setInterval(() => {
    let size: number;
    try {
      size = statSync(wal).size;
    } catch {
      return; // no log yet, or the file is gone (db-health says so)
    }
    if (size < startAtBytes) return;
    clearInterval(watch);
    try {
      spawn();
    } catch (err) {
      fallBack(err instanceof Error ? err.message : String(err));
    }
  }, watchMs);
  watch.unref();

  return {
    get running() {
      return worker !== null;
    },
    async close() {
      clearInterval(watch);
      const w = worker;
      if (!w) return;
      w.ref(); // the process waits for its exit (nothing else may be keeping it alive now)
      w.postMessage('close');
      const timeout = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), 2_000).unref());
      if ((await Promise.race([exited, timeout])) === 'late') await w.terminate();
    },
  };
}
