// Issue 15 #9: the database became read-only while the timer loop ran, and the error escaped
// `fireDueTimers` (documented as never throwing) and crashed the bot with a stack trace. Now the
// poll logs the error and the loop keeps going. The real bot (startBot, real discord.js against
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
  it('fireDueTimers resolves, the loop logs the database error and keeps polling; nothing escapes', async () => {
    db.pragma('query_only = ON'); // every write now fails: SQLITE_READONLY
    await expect(fireDueTimers(h.bot.ctx)).resolves.toBe(0);
    await eventually(() => h.logs.filter((l) => String(l.msg).startsWith('timer loop')).length >= 3, { timeout: 10_000 });
    const line = h.logs.find((l) => String(l.msg).startsWith('timer loop'))!;
    expect(line.level).toBe(50);
    expect(line.err.message).toMatch(/readonly/);
    expect(unhandled).toEqual([]);
    db.pragma('query_only = OFF');
    await expect(fireDueTimers(h.bot.ctx)).resolves.toBe(0);
  }, 30_000);
});
