// Issue 15 #3: `/pincer forget-me` and the retention purge removed the rows, but the text stayed
// in the SQLite file's free pages. After either, and a close, the file holds none of it.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPipeline } from '../../src/pipeline/pipeline.ts';
import { openDatabase } from '../../src/store/db.ts';
import { forgetUser } from '../../src/store/forget.ts';
import { purgeOldText } from '../../src/store/retention.ts';

const T0 = 1_700_000_000_000;
/** A sentence no page holds unless a message put it there. */
const said = (who: string, i: number) => `${who} note ${i}: my gateway on the q${i}zebra host answers 401 after openclaw models auth login`;

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pincer-free-pages-'));
  dbPath = join(dir, 'pincer.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Writes 40 messages of `who` (and 40 of someone else) into a fresh database file and returns it open. */
function fill(who: string) {
  const db = openDatabase(dbPath);
  const pipeline = createPipeline({ db });
  for (const author of [who, 'keeper']) {
    const ref = { threadId: `terminal:${author}`, channelKind: 'terminal' as const, threadAuthorId: author };
    for (let i = 0; i < 40; i++) {
      pipeline.message({ ...ref, eventId: `message:${author}${i}`, messageId: `${author}${i}`, authorId: author, role: 'author', addressed: true, text: said(author, i) }, T0 + i * 1000);
    }
  }
  return db;
}

const fileBytes = () => ['', '-wal'].map((s) => `${dbPath}${s}`).filter(existsSync).map((f) => readFileSync(f).toString('latin1')).join('\n');

describe('text removed from the database is gone from the file', () => {
  it('forget-me: none of the forgotten user\'s sentences remain after close; others do', () => {
    const db = fill('leaver');
    db.pragma('wal_checkpoint(TRUNCATE)'); // the text is in the main file, as after a day of running
    expect(fileBytes()).toContain(said('leaver', 7));
    expect(forgetUser(db, 'leaver').messages).toBe(40);
    const whileOpen = fileBytes();
    expect(Array.from({ length: 40 }, (_, i) => said('leaver', i)).filter((s) => whileOpen.includes(s))).toEqual([]);
    db.close();
    const bytes = fileBytes();
    expect(bytes).toContain(said('keeper', 7));
    expect(Array.from({ length: 40 }, (_, i) => said('leaver', i)).filter((s) => bytes.includes(s))).toEqual([]);
  });

  it('retention purge: no purged message text remains after close', () => {
    const db = fill('old');
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(purgeOldText(db, 1000, T0 + 200_000)).toBe(80);
    db.close();
    const bytes = fileBytes();
    const left = ['old', 'keeper'].flatMap((w) => Array.from({ length: 40 }, (_, i) => said(w, i))).filter((s) => bytes.includes(s));
    expect(left).toEqual([]);
  });
});
