/**
 * The bot's checkpoints (src/store/db.ts `checkpointEvery`): no message's COMMIT copies the WAL
 * into the database file any more; the schedule does, so the WAL is emptied into the file
 * while the bot runs and when it stops.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkpointEvery, openDatabase } from '../../src/store/db.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function fileDb() {
  const dir = mkdtempSync(join(tmpdir(), 'pincer-ckpt-'));
  dirs.push(dir);
  const path = join(dir, 'pincer.db');
  return { db: openDatabase(path), path };
}

/** Frames in the WAL not yet copied into the database file (a PASSIVE checkpoint reports both). */
const uncopied = (db: ReturnType<typeof openDatabase>): number => {
  const [r] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
  return r!.log - r!.checkpointed;
};

const write = (db: ReturnType<typeof openDatabase>, n: number) => {
  db.exec('CREATE TABLE IF NOT EXISTS filler (id INTEGER PRIMARY KEY, body TEXT)');
  const ins = db.prepare('INSERT INTO filler (body) VALUES (?)');
  for (let i = 0; i < n; i++) ins.run('x'.repeat(3000));
};

describe('checkpoints on a schedule', () => {
  it('leaves commits alone: the database file does not grow until the schedule runs, then holds every row', () => {
    const { db, path } = fileDb();
    const stop = checkpointEvery(db, 3_600_000);
    const before = statSync(path).size;
    write(db, 1_500); // ~1,500 pages: past the 1,000 at which a commit would have checkpointed
    expect(statSync(path).size).toBe(before);
    stop();
    expect(statSync(path).size).toBeGreaterThan(before + 1_500 * 3000);
    expect(uncopied(db)).toBe(0);
    db.close();
  });

  it('copies the WAL into the file while running', async () => {
    const { db, path } = fileDb();
    const stop = checkpointEvery(db, 10);
    const before = statSync(path).size;
    write(db, 300);
    for (let i = 0; i < 200 && statSync(path).size === before; i++) await new Promise((r) => setTimeout(r, 10));
    expect(statSync(path).size).toBeGreaterThan(before + 300 * 3000);
    stop();
    db.close();
  });

  it('does nothing for an in-memory database', () => {
    const db = openDatabase(':memory:');
    const stop = checkpointEvery(db, 10);
    write(db, 10);
    stop();
    expect((db.prepare('SELECT COUNT(*) AS n FROM filler').get() as { n: number }).n).toBe(10);
    db.close();
  });
});
