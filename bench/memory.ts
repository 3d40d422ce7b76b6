/**
 * Section 3 of `npm run bench`: Pincer's memory (RSS and heap, after a GC) once it has handled
 * 10,000 forum threads of 5 messages, and the SQLite file size per message. At most 100 threads
 * wait for their first answer at any time; at the end the bench waits for the bot to go quiet.
 * Bounded by a time limit (30 min), after which the figures say how many threads were sent.
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
    const t = setTimeout(() => reject(new Error('no memory answer from the bot')), 60_000);
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
    // Flow control: at most 100 threads whose starter is still unanswered; then drain.
    const deadline = performance.now() + (quick ? 300_000 : 1_800_000);
    let sent = 0;
    for (; sent < threads && performance.now() < deadline; sent++) {
      while (rig.tracker.pending >= 100 && performance.now() < deadline) await rig.tracker.next(1_000);
      const author = rig.authors[sent % rig.authors.length]!;
      const { thread, starter } = rig.fake.act.forumPost(author, `thread ${sent}`, THREAD[0]!);
      rig.tracker.sent(starter.id);
      for (const text of THREAD.slice(1)) rig.fake.act.say(thread.id, author, text);
    }
    while (rig.tracker.pending > 0 && performance.now() < deadline) await rig.tracker.next(1_000);
    await quiet(rig, 1_000, 60_000);
    const after = await memoryOf(rig);
    const messages = sent * THREAD.length;
    const db = fileSize(rig.dbPath) + fileSize(`${rig.dbPath}-wal`);
    const mb = (n: number) => n / 1024 / 1024;
    rows.push({ section, measure: 'RSS before / after, MB', value: `${fmt(mb(before.rss))} / ${fmt(mb(after.rss))}`, note: `${sent.toLocaleString('en-US')} threads × ${THREAD.length} messages${sent < threads ? ` (time limit: ${threads} planned)` : ''}` });
    rows.push({ section, measure: 'heap used before / after, MB', value: `${fmt(mb(before.heapUsed))} / ${fmt(mb(after.heapUsed))}`, note: 'after a forced GC' });
    rows.push({ section, measure: 'SQLite bytes per message', value: fmt(db / messages), note: `${fmt(mb(db))} MB for ${messages.toLocaleString('en-US')} messages (db + wal)` });
    return { rssMb: mb(after.rss) };
  } finally {
    await rig.close();
  }
}
