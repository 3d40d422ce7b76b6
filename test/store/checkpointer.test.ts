// The WAL checkpoint worker (src/store/checkpointer.ts): while the bot writes, the log stays small
// without the bot's own connection checkpointing; an idle bot starts no worker; closing leaves no
// WAL behind; a worker that cannot open the file hands checkpoints back to the main connection.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.ts';
import { openDatabase, type Database } from '../../src/store/db.ts';
import { startCheckpointer, type Checkpointer } from '../../src/store/checkpointer.ts';
import { clearWal } from '../../src/store/forget.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let dir = '';
let db: Database | null = null;
let cp: Checkpointer | null = null;

afterEach(async () => {
  await cp?.close();
  if (db?.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

function open(): Database {
  dir = mkdtempSync(join(tmpdir(), 'pincer-ckpt-'));
  db = openDatabase(join(dir, 'pincer.db'));
  db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  return db;
}

/** `commits` transactions of ~16 kB each (4 pages), a short pause between them as between messages. */
async function write(d: Database, commits: number): Promise<void> {
  const insert = d.prepare('INSERT INTO filler (body) VALUES (?)');
  for (let i = 0; i < commits; i++) {
    d.transaction(() => {
      for (let k = 0; k < 4; k++) insert.run(`${i}:${k}:`.padEnd(4000, 'x'));
    })();
    if (i % 10 === 9) await sleep(5);
  }
}

/** A checkpointer on `d` that starts at 512 kB, after enough writes to start it. */
async function busyCheckpointer(d: Database, everyMs: number): Promise<Checkpointer> {
  const started = startCheckpointer(d, { startAtBytes: 512 * 1024, watchMs: 5, everyMs });
  await write(d, 50);
  for (let i = 0; i < 100 && !started.running; i++) await sleep(10);
  expect(started.running).toBe(true);
  return started;
}

const walBytes = (d: Database) => (existsSync(`${d.name}-wal`) ? statSync(`${d.name}-wal`).size : 0);

describe('WAL checkpoints on a worker thread', { timeout: 60_000 }, () => {
  it('an idle bot starts no worker', async () => {
    const d = open();
    cp = startCheckpointer(d, { watchMs: 10 }); // the schema alone is ~300 kB of log; the default starts at 1 MB
    await write(d, 10);
    await sleep(100);
    expect(cp.running).toBe(false);
    expect(d.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  });

  it('once the bot is busy, its writes reach the database file and the log is cut back, with no checkpoint on the bot connection', async () => {
    const d = open();
    const fileBefore = statSync(d.name).size;
    cp = startCheckpointer(d, { startAtBytes: 1024 * 1024, watchMs: 10, everyMs: 10 });
    await write(d, 100);
    for (let i = 0; i < 100 && !cp.running; i++) await sleep(10);
    expect(cp.running).toBe(true);
    // The bot's own automatic checkpoint is only a backstop now, at ~40 MB of log.
    expect(d.pragma('wal_autocheckpoint', { simple: true })).toBe(10_000);
    await write(d, 1_500); // ~24 MB: below the backstop, so only the worker copies it into the file
    for (let i = 0; i < 200 && statSync(d.name).size < fileBefore + 20 * 1024 * 1024; i++) await sleep(10);
    expect(statSync(d.name).size).toBeGreaterThan(fileBefore + 20 * 1024 * 1024);
    await write(d, 1); // the next commit after a complete checkpoint restarts the log
    expect(walBytes(d)).toBeLessThanOrEqual(8 * 1024 * 1024);
  });

  it('closing stops the worker first, so the bot connection is the last and removes the WAL', async () => {
    const d = open();
    cp = await busyCheckpointer(d, 10);
    await cp.close();
    expect(cp.running).toBe(false);
    d.close();
    expect(existsSync(`${d.name}-wal`)).toBe(false);
    const again = openDatabase(d.name);
    expect(again.prepare('SELECT COUNT(*) AS n FROM filler').get()).toEqual({ n: 200 });
    again.close();
  });

  it('a worker that cannot open the file logs why and gives checkpoints back to the bot connection', async () => {
    const d = open();
    const lines: string[] = [];
    const logger = createLogger({ level: 'debug', destination: { write: (s: string) => void lines.push(s) } });
    await write(d, 50);
    // A file the worker cannot open as a database: the path it is given no longer exists.
    rmSync(d.name);
    cp = startCheckpointer(d, { startAtBytes: 512 * 1024, watchMs: 10, everyMs: 10, logger });
    for (let i = 0; i < 200 && !lines.some((l) => l.includes('back on the main thread')); i++) await sleep(10);
    expect(lines.join('\n')).toMatch(/WAL checkpoints are back on the main thread/);
    expect(d.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  });

  it('forget-me and retention still empty the WAL while the worker is copying it', async () => {
    const d = open();
    cp = await busyCheckpointer(d, 1);
    const left: number[] = [];
    for (let round = 0; round < 40; round++) {
      await write(d, 20);
      clearWal(d);
      left.push(walBytes(d));
    }
    expect(left.filter((bytes) => bytes > 0)).toEqual([]);
  });

  it('an in-memory database gets no worker', async () => {
    const d = openDatabase(':memory:');
    dir = mkdtempSync(join(tmpdir(), 'pincer-ckpt-'));
    cp = startCheckpointer(d, { startAtBytes: 0, watchMs: 5 });
    await sleep(50);
    expect(cp.running).toBe(false);
    d.close();
  });
});
