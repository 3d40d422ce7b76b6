// Issue 15 #9: the database became read-only while the timer loop ran, and the error escaped
// `fireDueTimers` (documented as never throwing) and crashed the bot with a stack trace. Now the
// poll logs the error (once a minute) and the loop keeps going; if it never recovers, the bot
// ends through its fatal path so a supervisor restarts it (#8). The real bot (startBot, real discord.js against
// the fake Discord) over the real pipeline and a SQLite file made read-only mid-run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireDueTimers } from '../../src/discord/timers.ts';
import { createPipeline } from '../../src/pipeline/pipeline.ts';
import { openDatabase } from '../../src/store/db.ts';
import { eventually } from '../fake-discord/eventually.ts';
import { startHarness, type Harness } from '../discord/e2e/harness.ts';

const dir = mkdtempSync(join(tmpdir(), 'pincer-readonly-'));
const db = openDatabase(join(dir, 'pincer.db'));
const pipeline = createPipeline({ db, rateLimits: { perUser: { replies: 5, windowMs: 60_000 } }, trackDelivery: true });
let h: Harness;
const unhandled: unknown[] = [];
const onUnhandled = (err: unknown) => void unhandled.push(err);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  h = await startHarness({ pipeline, bot: { db, timerIntervalMs: 50 } });
}, 60_000);
afterAll(async () => {
  await h?.stop();
  process.off('unhandledRejection', onUnhandled);
  db.close();
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('the database turns read-only while the timer loop runs', () => {
  it('fireDueTimers resolves; the error is logged once a minute, not per poll; nothing escapes', async () => {
    db.pragma('query_only = ON'); // every write now fails: SQLITE_READONLY
    await expect(fireDueTimers(h.bot.ctx)).resolves.toBe(0);
    await eventually(() => h.fatal.length > 0, { timeout: 10_000 });
    const lines = h.logs.filter((l) => String(l.msg).startsWith('database error in timer loop'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, code: 'SQLITE_READONLY' });
    expect(unhandled).toEqual([]);
  }, 30_000);

  it('an error that keeps repeating ends the bot for its supervisor (issue 15 #8), saying why', () => {
    expect(h.fatal).toEqual([0]);
    expect(h.logs.find((l) => l.level === 60)?.msg).toMatch(/the database failed 5 times in a row \(SQLITE_READONLY\).*exiting so the supervisor restarts Pincer/);
  });
});
