/**
 * Section 3 of `npm run bench`: Pincer's memory (RSS and heap, after a GC) once it has handled
 * 10,000 forum threads of 5 messages, and the SQLite file size per message. Threads are sent in
 * batches; after each batch the bench waits until the bot has been quiet (bounded).
 */
import { statSync } from 'node:fs';
import { seed001 } from '../test/e2e/harness/seed.ts';
import { startRig, type Rig } from './load.ts';
import { fmt, sleep } from './stats.ts';
import type { Row } from './table.ts';

export interface MemoryFigures {
  rssMb: number;
}

/** The author's first five messages of seed 001: a post and four follow-ups. */
const THREAD = seed001.filter((m) => m.role === 'user').slice(0, 5).map((m) => m.text);

async function quiet(rig: Rig, quietMs: number, maxMs: number): Promise<void> {
  const end = performance.now() + maxMs;
  let last = rig.fake.recorder.count;
  let since = performance.now();
  while (performance.now() < end) {
    await sleep(50);
    if (rig.fake.recorder.count !== last) {
      last = rig.fake.recorder.count;
      since = performance.now();
    } else if (performance.now() - since >= quietMs) return;
  }
}

function memoryOf(rig: Rig): Promise<NodeJS.MemoryUsage> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('no memory answer from the bot')), 10_000);
    rig.bot.child.once('message', (m: { usage: NodeJS.MemoryUsage }) => {
      clearTimeout(t);
      resolve(m.usage);
    });
    rig.bot.child.send({ type: 'memory' });
  });
}

const fileSize = (p: string) => {
  try {
    return statSync(p).size;
  } catch {
    return 0;
  }
};

export async function benchMemory(rows: Row[], quick: boolean): Promise<MemoryFigures | null> {
  const section = 'memory';
  const threads = quick ? 1_000 : 10_000;
  let rig: Rig;
  try {
    rig = await startRig(undefined, { ipc: true, nodeArgs: ['--expose-gc'] });
  } catch (err) {
    rows.push({ section, measure: 'all', value: 'n/a', note: `Pincer did not start: ${String(err).slice(0, 120)}` });
    return null;
  }
  try {
    const before = await memoryOf(rig);
    const batch = 200;
    for (let t = 0; t < threads; t += batch) {
      for (let i = t; i < Math.min(t + batch, threads); i++) {
        const { thread } = rig.fake.act.forumPost(rig.authors[i % rig.authors.length]!, `thread ${i}`, THREAD[0]!);
        for (const text of THREAD.slice(1)) rig.fake.act.say(thread.id, rig.authors[i % rig.authors.length]!, text);
      }
      await quiet(rig, 300, 60_000);
    }
    const after = await memoryOf(rig);
    const messages = threads * THREAD.length;
    const db = fileSize(rig.dbPath) + fileSize(`${rig.dbPath}-wal`);
    const mb = (n: number) => n / 1024 / 1024;
    rows.push({ section, measure: 'RSS before / after, MB', value: `${fmt(mb(before.rss))} / ${fmt(mb(after.rss))}`, note: `${threads.toLocaleString('en-US')} threads × ${THREAD.length} messages` });
    rows.push({ section, measure: 'heap used before / after, MB', value: `${fmt(mb(before.heapUsed))} / ${fmt(mb(after.heapUsed))}`, note: 'after a forced GC' });
    rows.push({ section, measure: 'SQLite bytes per message', value: fmt(db / messages), note: `${fmt(mb(db))} MB for ${messages.toLocaleString('en-US')} messages (db + wal)` });
    return { rssMb: mb(after.rss) };
  } finally {
    await rig.close();
  }
}
