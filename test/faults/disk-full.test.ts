// Issue 15 #4: a message whose save failed (disk full) was lost for good once a later message of
// its thread was saved: catch-up read only after the newest processed message (5 of 5 never
// answered). Now a failed save is retried, catch-up works from the processed marks, and while the
// disk is full Pincer says so once a minute, not once per message. The real bot (real discord.js
// against the fake Discord) over the real pipeline and a SQLite file whose writes fail with an
// injected SQLITE_FULL while "full".
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { APIMessage } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { createPipeline } from '../../src/pipeline/pipeline.ts';
import { openDatabase } from '../../src/store/db.ts';
import { eventually } from '../fake-discord/eventually.ts';
import { startHarness, type Harness } from '../discord/e2e/harness.ts';
import { seedText } from '../e2e/harness/seed.ts';

let h: Harness | undefined;
let dir: string;
afterEach(async () => {
  await h?.stop();
  h = undefined;
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

/** The database, whose transactions fail with SQLITE_FULL while `disk.full`. */
function fillable(db: Database.Database, disk: { full: boolean }): Database.Database {
  const full = () => {
    if (disk.full) throw new Database.SqliteError('database or disk is full', 'SQLITE_FULL');
  };
  return new Proxy(db, {
    get(target, key) {
      const value = Reflect.get(target, key, target);
      if (key !== 'transaction') return typeof value === 'function' ? value.bind(target) : value;
      return (fn: (...a: unknown[]) => unknown) => {
        const tx = target.transaction(fn);
        const wrapped = (...a: unknown[]) => (full(), tx(...a));
        for (const mode of ['deferred', 'immediate', 'exclusive'] as const) Object.assign(wrapped, { [mode]: (...a: unknown[]) => (full(), tx[mode](...a)) });
        return wrapped;
      };
    },
  });
}

async function start(timerIntervalMs: number) {
  dir = mkdtempSync(join(tmpdir(), 'pincer-full-'));
  const real = openDatabase(join(dir, 'pincer.db'));
  const disk = { full: false };
  const db = fillable(real, disk);
  const pipeline = createPipeline({ db, trackDelivery: true });
  h = await startHarness({ pipeline, bot: { db, timerIntervalMs, onStop: () => undefined } });
  const alice = h.fake.state.addUser('alice');
  const threads: string[] = [];
  for (let i = 0; i < 5; i++) {
    const { thread, starter } = h.fake.act.forumPost(alice, `thread ${i}`, seedText(0));
    threads.push(thread.id);
    await eventually(() => pipeline.thread(thread.id)?.messages.some((m) => m.messageId === starter.id));
  }
  const processed = (m: APIMessage) => pipeline.thread(m.channel_id)?.messages.some((x) => x.messageId === m.id) ?? false;
  return { real, disk, alice, threads, processed, pipeline };
}

describe('the disk fills up while people post', { timeout: 90_000 }, () => {
  it('posted while full, then the disk is freed and each thread gets a later post: every lost post is read; "disk full" logged once', async () => {
    const { disk, alice, threads, processed } = await start(200);
    disk.full = true;
    const lost = threads.map((t, i) => h!.fake.act.say(t, alice, `${seedText(1)}\nwhile full ${i}`));
    await eventually(() => h!.logs.some((l) => String(l.msg).includes('the disk is full')));
    await new Promise((r) => setTimeout(r, 1_000)); // several retry passes while still full
    expect(h!.logs.filter((l) => String(l.msg).includes('the disk is full'))).toHaveLength(1);
    disk.full = false;
    const later = threads.map((t, i) => h!.fake.act.say(t, alice, `${seedText(3)}\nafter ${i}`));
    await eventually(() => later.every(processed), { timeout: 20_000 });
    await eventually(() => lost.every(processed), { timeout: 20_000, message: 'a post made while the disk was full was never read' });
  });

  it('the same, with a restart before any retry: catch-up reads the lost posts from the processed marks', async () => {
    const { disk, alice, threads, processed, real } = await start(600_000);
    disk.full = true;
    const lost = threads.map((t, i) => h!.fake.act.say(t, alice, `${seedText(1)}\nwhile full ${i}`));
    await eventually(() => h!.logs.some((l) => String(l.msg).includes('the disk is full')));
    disk.full = false;
    const later = threads.map((t, i) => h!.fake.act.say(t, alice, `${seedText(3)}\nafter ${i}`));
    await eventually(() => later.every(processed), { timeout: 20_000 });
    await h!.restart();
    expect(lost.filter(processed)).toHaveLength(5);
    real.close();
  });
});
