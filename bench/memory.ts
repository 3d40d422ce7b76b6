/**
 * Section 3 of `npm run bench`: Pincer's memory, the figures a 256 MB container cares about:
 * RSS at start (the echo bot's beside it), then RSS and heap (after a forced GC) once it has
 * handled N forum threads of 5 messages and again after 2N, so that growth with history shows
 * (N = 10,000; 1,000 with BENCH_QUICK=1), and the SQLite file size per message. At most 100
 * threads wait for their first answer at any time; before each figure the bench waits for the
 * bot to go quiet. Bounded by a time limit, after which the figures say how many were sent.
 */
import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import { seed001 } from '../test/e2e/harness/seed.ts';
import { quiet, startRig, type Rig } from './load.ts';
import { fmt, p50, sleep } from './stats.ts';
import type { Row } from './table.ts';

const PINCER = fileURLToPath(new URL('./pincer-bot.mjs', import.meta.url));
const ECHO = fileURLToPath(new URL('./echo-bot.mjs', import.meta.url));

export interface MemoryFigures {
  /** RSS after start-up (catch-up done), after a GC, MB. */
  startMb: number;
  echoStartMb: number;
  /** Threads handled at the first and second figure (N, 2N unless the time limit cut them). */
  threads: [number, number];
  /** RSS after N and after 2N threads × 5 messages, MB. */
  rssMb: [number, number];
  /** Heap used after a GC, after 2N threads, MB. */
  heapMb: number;
}

/** The author's first five messages of seed 001: a post and four follow-ups. */
const THREAD = seed001.filter((m) => m.role === 'user').slice(0, 5).map((m) => m.text);
const mb = (n: number) => n / 1024 / 1024;

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

/** RSS after start-up of `entry` (GC'd, after 1 s of quiet), MB. */
async function startRss(entry: string, flags: string[] = []): Promise<number> {
  const rig = await startRig(entry, { ipc: true, nodeArgs: ['--expose-gc', ...flags] });
  try {
    await quiet(rig, 1_000, 10_000);
    return mb((await memoryOf(rig)).rss);
  } finally {
    await rig.close();
  }
}

/** Messages the bot has processed (read from its database: a processed event per message). */
export function processedMessages(rig: Rig): number {
  const db = new Database(rig.dbPath, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("SELECT COUNT(*) AS n FROM processed_events WHERE event_id LIKE 'message:%'").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/**
 * Sends threads `from`…`to`-1 (flow control: ≤ 100 unanswered starters), then waits until the bot
 * has processed every message sent and made no request for 3 s: at rest. Returns threads sent.
 */
export async function sendThreads(rig: Rig, from: number, to: number, deadline: number): Promise<number> {
  let sent = from;
  for (; sent < to && performance.now() < deadline; sent++) {
    while (rig.tracker.pending >= 100 && performance.now() < deadline) await rig.tracker.next(1_000);
    const author = rig.authors[sent % rig.authors.length]!;
    const { thread, starter } = rig.fake.act.forumPost(author, `thread ${sent}`, THREAD[0]!);
    rig.tracker.sent(starter.id);
    for (const text of THREAD.slice(1)) rig.fake.act.say(thread.id, author, text);
  }
  while (rig.tracker.pending > 0 && performance.now() < deadline) await rig.tracker.next(1_000);
  const end = Math.min(deadline, performance.now() + 300_000);
  while (processedMessages(rig) < sent * THREAD.length && performance.now() < end) await sleep(500);
  await quiet(rig, 3_000, 120_000); // at rest: rate-limited tag edits done too
  return sent;
}

export async function benchMemory(rows: Row[], quick: boolean): Promise<MemoryFigures | null> {
  const section = 'memory';
  const n = quick ? 1_000 : 10_000;
  // One start's RSS varies by up to ±8 MB here with the same heap (thread arenas, when pages are
  // touched): each bot's figure at start is the median of three starts.
  const echoStartMb = p50([await startRss(ECHO), await startRss(ECHO), await startRss(ECHO)]);
  // BENCH_NODE_FLAGS: node flags for Pincer's process (e.g. "--max-semi-space-size=2"), to compare.
  const flags = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const moreStarts = [await startRss(PINCER, flags), await startRss(PINCER, flags)];
  const rig = await startRig(PINCER, { ipc: true, nodeArgs: ['--expose-gc', ...flags] });
  try {
    const runtime = rig.bot.logs.raw.find((l) => l.includes('bench runtime'))?.match(/"runtime":"(\w+)"/)?.[1] ?? '?';
    await quiet(rig, 1_000, 10_000);
    const start = await memoryOf(rig);
    const deadline = performance.now() + (quick ? 600_000 : 3_600_000);
    const first = await sendThreads(rig, 0, n, deadline);
    const mid = await memoryOf(rig);
    const second = await sendThreads(rig, first, 2 * n, deadline);
    const end = await memoryOf(rig);
    const messages = second * THREAD.length;
    const db = fileSize(rig.dbPath) + fileSize(`${rig.dbPath}-wal`);
    const limit = second < 2 * n ? ` (time limit: ${2 * n} planned)` : '';
    const startMb = p50([mb(start.rss), ...moreStarts]);
    rows.push({ section, measure: 'RSS at start, MB (echo bot)', value: `${fmt(startMb)} (${fmt(echoStartMb)})`, note: `median of 3 starts, after GC, catch-up done; Pincer runs from ${runtime}${flags.length ? ` with ${flags.join(' ')}` : ''}; heap ${fmt(mb(start.heapUsed))} used / ${fmt(mb(start.heapTotal))} MB` });
    rows.push({ section, measure: `RSS after ${first.toLocaleString('en-US')} threads, MB`, value: fmt(mb(mid.rss)), note: `× ${THREAD.length} messages, at rest, after GC; heap ${fmt(mb(mid.heapUsed))} used / ${fmt(mb(mid.heapTotal))} MB` });
    rows.push({ section, measure: `RSS after ${second.toLocaleString('en-US')} threads, MB`, value: fmt(mb(end.rss)), note: `growth ${fmt((100 * (end.rss - mid.rss)) / mid.rss)} %; heap ${fmt(mb(end.heapUsed))} used / ${fmt(mb(end.heapTotal))} MB${limit}` });
    rows.push({ section, measure: 'SQLite bytes per message', value: fmt(db / messages), note: `${fmt(mb(db))} MB for ${messages.toLocaleString('en-US')} messages (db + wal)` });
    const processed = processedMessages(rig);
    rows.push({ section, measure: 'messages processed / sent', value: `${processed.toLocaleString('en-US')} / ${messages.toLocaleString('en-US')}`, note: processed === messages ? 'none lost' : 'MISSING: see the bot log' });
    return { startMb, echoStartMb, threads: [first, second], rssMb: [mb(mid.rss), mb(end.rss)], heapMb: mb(end.heapUsed) };
  } finally {
    await rig.close();
  }
}
