/**
 * What one answered forum post costs inside `pipeline.message` (issue 17; not part of `npm run bench`):
 *   node bin/run-ts.mjs bench/profile-message.ts [N=3000] [--text FILE] [--thread 5] [--no-checkpoint]
 *   node --cpu-prof --cpu-prof-dir=/tmp/pm --cpu-prof-interval 100 bin/run-ts.mjs bench/profile-message.ts 3000
 * Opens a temp-file database (src/store/db.ts `openDatabase`) and a pipeline with delivery
 * tracking, as the Discord bot does, then for each of N new forum posts (distinct thread, event and
 * message ids, built as 18-digit strings) times the synchronous `pipeline.message` call and then
 * confirms the reply with `replyPosted` (timed apart). Prints mean / p50 / p99 ms of both over the
 * last two thirds of the posts (the first third warms up V8 and SQLite's cache), and the process's
 * CPU time per message over the same posts (user + system, every thread: steadier than wall time
 * on a shared machine).
 * Options:
 *   --text FILE       the post's text (default: seed 001's first user message,
 *                     test/fixtures/threads/seed-001.json).
 *   --thread K        each of the N threads gets seed 001's first K user messages, one after the
 *                     other (the continuation case: `store.load` of a stored thread, later
 *                     messages); prints one line per message position, and the whole thread.
 *   --no-checkpoint   `PRAGMA wal_autocheckpoint = 0`: SQLite's WAL checkpoints out of the figure.
 * With `--cpu-prof`, read the profile with `node bin/run-ts.mjs bench/profile-pipeline.ts --top <file>`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/store/db.ts';
import { createPipeline } from '../src/pipeline/pipeline.ts';

const SEED = fileURLToPath(new URL('../test/fixtures/threads/seed-001.json', import.meta.url));
const userTexts = (JSON.parse(readFileSync(SEED, 'utf8')).messages as { role: string; text: string }[])
  .filter((m) => m.role === 'user')
  .map((m) => m.text);

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i < 0 ? undefined : args.splice(i, 2)[1];
};
const noCheckpoint = args.includes('--no-checkpoint') ? (args.splice(args.indexOf('--no-checkpoint'), 1), true) : false;
const textFile = option('--text');
const threadLength = Number(option('--thread') ?? 1);
const n = Number(args[0] ?? 3000);
if (!Number.isInteger(n) || n < 3 || !Number.isInteger(threadLength) || threadLength < 1 || threadLength > userTexts.length) {
  throw new Error(`usage: profile-message.ts [N>=3] [--text FILE] [--thread 1..${userTexts.length}] [--no-checkpoint]`);
}
const texts = textFile ? [readFileSync(textFile, 'utf8')] : userTexts.slice(0, threadLength);

/** An 18-digit snowflake-like id as a string: `prefix` then `i` zero-padded (numbers above 2^53 would collide). */
const id = (prefix: string, i: number): string => prefix + String(i).padStart(17, '0');

const dir = mkdtempSync(join(tmpdir(), 'profile-message-'));
const db = openDatabase(join(dir, 'pincer.db'));
if (noCheckpoint) db.pragma('wal_autocheckpoint = 0');
const pipeline = createPipeline({ db, trackDelivery: true });

const message: number[][] = texts.map(() => []);
const posted: number[] = [];
let replies = 0;
let seq = 0;
let cpu: NodeJS.CpuUsage | null = null;
for (let i = 0; i < n; i++) {
  if (i === Math.floor(n / 3)) cpu = process.cpuUsage();
  const threadId = id('2', i);
  for (const [k, text] of texts.entries()) {
    const m = seq++;
    const t0 = performance.now();
    const r = pipeline.message(
      { threadId, channelKind: 'forum_post', threadAuthorId: `u${i % 100}`, eventId: `message:${id('1', m)}`, messageId: id('1', m), authorId: `u${i % 100}`, role: 'author', addressed: false, text },
      Date.now(),
    );
    const t1 = performance.now();
    if (r.duplicate) throw new Error(`post ${i} message ${k} was taken for a duplicate: the ids collide`);
    const reply = r.effects.find((e) => e.type === 'reply');
    if (reply && reply.type === 'reply') {
      replies++;
      pipeline.replyPosted(threadId, reply.replyId, id('3', m), []);
    }
    message[k]!.push(t1 - t0);
    posted.push(performance.now() - t1);
  }
}
const used = process.cpuUsage(cpu!);
const cpuMs = (used.user + used.system) / 1000 / ((n - Math.floor(n / 3)) * texts.length);
pipeline.flush?.();
db.close();
rmSync(dir, { recursive: true, force: true });

/** mean / p50 / p99 ms of the last two thirds of `a`. */
function summary(a: number[]): string {
  const b = a.slice(Math.floor(a.length / 3)).sort((x, y) => x - y);
  const q = (f: number): string => b[Math.floor(f * (b.length - 1))]!.toFixed(3);
  return `mean ${(b.reduce((x, y) => x + y, 0) / b.length).toFixed(3)}  p50 ${q(0.5)}  p99 ${q(0.99)} ms`;
}

console.log(`${n} threads × ${texts.length} message(s), ${replies} replies${noCheckpoint ? ', wal_autocheckpoint = 0' : ''}`);
for (const [k, ms] of message.entries()) console.log(`message ${k + 1}: ${summary(ms)}`);
if (texts.length > 1) console.log(`thread:    ${summary(message[0]!.map((_, i) => message.reduce((s, ms) => s + ms[i]!, 0)))}`);
console.log(`replyPosted: ${summary(posted)}`);
console.log(`process CPU per message (both calls, all threads, last two thirds): ${cpuMs.toFixed(3)} ms`);
