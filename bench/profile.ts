/**
 * Where the end-to-end time goes (not part of `npm run bench`; run it by hand):
 *   node bin/run-ts.mjs bench/profile.ts [posts=600] [threads=200]
 * Starts Pincer through the fake Discord with `--cpu-prof` and a SQLite statement counter
 * (sql-counter.mjs), then
 *  1. sends `posts` forum posts (one message each, the seed's first paste, 200 in flight);
 *  2. sends `threads` threads of seed 001's first five user messages, then as many again (3);
 * and prints, per answered message, the REST calls by route and the SQLite statements by SQL
 * text, then the CPU profile's heaviest functions (self time) and its split by package, and what
 * the heap holds after 2 and what it gained in 3 (snapshots at rest, by constructor).
 * Loopback only; the profile file is left in a temp directory whose path is printed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CpuProfile, printCpuProfile } from './cpu-profile.ts';
import { seed001, seedText } from '../test/e2e/harness/seed.ts';
import { quiet, saturate, startRig, type Rig } from './load.ts';
import { sendThreads } from './memory.ts';

const [posts = 600, threads = 200] = process.argv.slice(2).map(Number);
const PROBE = fileURLToPath(new URL('./probe.mjs', import.meta.url));
const PINCER = fileURLToPath(new URL('./pincer-bot.mjs', import.meta.url));

type Counts = Record<string, number>;

/** Sends `msg` to the bot's probe and resolves with its answer of type `answer`. */
function ask<T>(rig: Rig, msg: object, answer: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no ${answer} answer from the bot`)), 60_000);
    const on = (m: { type?: string }) => {
      if (m?.type !== answer) return;
      clearTimeout(t);
      rig.bot.child.off('message', on);
      resolve(m as T);
    };
    rig.bot.child.on('message', on);
    rig.bot.child.send(msg);
  });
}
/** SQLite statements run since the last call: counts, and µs spent, by SQL text. */
const sqlCounts = (rig: Rig) => ask<{ counts: Counts; micros: Counts }>(rig, { type: 'sql', reset: true }, 'sql');

/** REST calls by "METHOD /route/:id" since the last call. */
function restCounter(rig: Rig): () => Counts {
  let counts: Counts = {};
  rig.fake.recorder.onRequest((r) => {
    const key = `${r.method} ${r.path.replace(/\d{6,}/g, ':id')}`;
    counts[key] = (counts[key] ?? 0) + 1;
  });
  return () => {
    const out = counts;
    counts = {};
    return out;
  };
}

function print(title: string, counts: Counts, per: number, micros?: Counts): void {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const us = micros ? Object.values(micros).reduce((a, b) => a + b, 0) : 0;
  console.log(`\n${title}: ${(total / per).toFixed(2)} per answered message (${total} over ${per})${micros ? `, ${(us / per).toFixed(0)} µs` : ''}`);
  for (const [k, v] of Object.entries(counts).sort((a, b) => b[1] - a[1])) {
    console.log(`  ${(v / per).toFixed(2).padStart(7)}${micros ? ` ${((micros[k] ?? 0) / per).toFixed(0).padStart(6)} µs` : ''}  ${k}`);
  }
}
const printSql = (title: string, sql: { counts: Counts; micros: Counts }, per: number) => print(title, sql.counts, per, sql.micros);

const rig = await startRig(PINCER, { ipc: true, nodeArgs: ['--expose-gc', '--import', PROBE] });
const rest = restCounter(rig);
await quiet(rig, 500, 60_000);
rest();
await sqlCounts(rig);

await ask(rig, { type: 'profile-start' }, 'profile-started');
const run = await saturate(rig, seedText(0), 200, posts);
const { profile } = await ask<{ profile: CpuProfile }>(rig, { type: 'profile-stop' }, 'profile');
await quiet(rig, 500, 60_000);
print(`phase 1, ${posts} forum posts: REST calls`, rest(), run.latencies.length);
printSql('phase 1: SQLite statements', await sqlCounts(rig), run.latencies.length);

const THREAD = seed001.filter((m) => m.role === 'user').slice(0, 5).map((m) => m.text);
await sendThreads(rig, 0, threads, performance.now() + 600_000);
const restB = rest();
const replies = Object.entries(restB).filter(([k]) => /^POST \/channels\/:id\/messages$/.test(k)).reduce((a, [, v]) => a + v, 0);
console.log(`\nphase 2: ${threads} threads × ${THREAD.length} messages = ${threads * THREAD.length} messages, ${replies} replies`);
print('phase 2: REST calls', restB, threads * THREAD.length);
printSql('phase 2: SQLite statements', await sqlCounts(rig), threads * THREAD.length);
console.log('\nafter phase 2:', JSON.stringify(await ask(rig, { type: 'handles' }, 'handles')));
const { file: heapFile } = await ask<{ file: string }>(rig, { type: 'heap' }, 'heap');
// Phase 3: as many threads again, at rest before each snapshot: what grows with history.
await sendThreads(rig, threads, 2 * threads, performance.now() + 600_000);
const { file: heapFile2 } = await ask<{ file: string }>(rig, { type: 'heap' }, 'heap');
await rig.close();

summarize(profile);
const first = heapSummary(heapFile);
const second = heapSummary(heapFile2);
console.log(`\nheap growth from ${threads} to ${2 * threads} threads, by constructor (at rest):`);
const growth = [...second].map(([k, v]) => [k, v.size - (first.get(k)?.size ?? 0), v.count - (first.get(k)?.count ?? 0)] as const);
for (const [k, size, count] of growth.sort((a, b) => b[1] - a[1]).slice(0, 30)) {
  console.log(`  ${(size / 1048576).toFixed(2).padStart(7)} MB ${String(count).padStart(8)}  ${k.slice(0, 80)}`);
}

/** Saves the profile to a temp file (its path is printed) and prints its summary. */
function summarize(prof: CpuProfile): void {
  const file = join(tmpdir(), `pincer-${Date.now()}.cpuprofile`);
  writeFileSync(file, JSON.stringify(prof));
  printCpuProfile(prof, `\nCPU profile of phase 1 (${file})`);
}

/** A heap snapshot's self sizes by constructor (objects) or by node type (strings, code…); prints the top. */
function heapSummary(file: string): Map<string, { size: number; count: number }> {
  const snap = JSON.parse(readFileSync(file, 'utf8')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [T, N, S] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [number, number, number];
  const by = new Map<string, { size: number; count: number }>();
  let total = 0;
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const type = types[snap.nodes[i + T]!]!;
    const named = type === 'object' || type === 'closure' || type === 'array' || type === 'hidden';
    const key = named ? `${type} ${snap.strings[snap.nodes[i + N]!]!.slice(0, 60)}` : `(${type})`;
    const size = snap.nodes[i + S]!;
    total += size;
    const e = by.get(key) ?? { size: 0, count: 0 };
    e.size += size;
    e.count++;
    by.set(key, e);
  }
  console.log(`\nheap snapshot (${file}): ${(total / 1048576).toFixed(1)} MB self size`);
  for (const [k, v] of [...by].sort((a, b) => b[1].size - a[1].size).slice(0, 12)) {
    console.log(`  ${(v.size / 1048576).toFixed(2).padStart(7)} MB ${String(v.count).padStart(8)}  ${k.slice(0, 80)}`);
  }
  return by;
}
