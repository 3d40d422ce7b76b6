/**
 * `npm run bench` (never part of `npm test`): the pipeline alone, then Pincer end to end through
 * the fake Discord next to an echo bot, then memory and database size. Prints a table and, last,
 *   bench: pipeline <n> msg/s p99 <x> ms | e2e <ratio>x echo, p99 <y> ms | rss <z> MB
 * Sections whose src pieces have not landed say so instead of printing a number.
 * Loopback only. BENCH_QUICK=1 shrinks every section (a smoke run of the bench itself).
 */
import os from 'node:os';
import { benchPipeline } from './pipeline.ts';
import { loadStages } from './stages.ts';
import { fmt } from './stats.ts';
import { printTable, type Row } from './table.ts';

const quick = process.env.BENCH_QUICK === '1';
const rows: Row[] = [];
const only = new Set((process.env.BENCH_ONLY ?? 'pipeline,e2e,memory').split(','));

const load = () => os.loadavg()[0]!.toFixed(1);
rows.push({ section: 'machine', measure: 'cores, node, load average at start', value: `${os.cpus().length}, ${process.version}, ${load()}`, note: 'other processes share the CPU: compare ratios, not absolutes' });
/** Runs one section; a failure becomes a row (the other sections still run). Progress on stderr. */
async function section<T>(name: string, run: () => Promise<T | null>): Promise<T | null> {
  if (!only.has(name)) return null;
  const from = rows.length;
  const t0 = performance.now();
  try {
    return await run();
  } catch (err) {
    rows.push({ section: name, measure: 'FAILED', value: 'n/a', note: String(err).slice(0, 160) });
    return null;
  } finally {
    process.stderr.write(`bench: ${name} done in ${fmt((performance.now() - t0) / 1000)} s\n`);
    printTable(rows.slice(from), (l) => process.stderr.write(`  ${l}\n`));
  }
}

const pipeline = await section('pipeline', async () => benchPipeline(await loadStages(), rows, quick));
const e2e = await section('e2e', async () => (await import('./e2e.ts')).benchE2e(rows, quick));
const memory = await section('memory', async () => (await import('./memory.ts')).benchMemory(rows, quick));

rows.push({ section: 'machine', measure: 'load average at end', value: load() });
printTable(rows);
const part = (v: number | null | undefined, f: (n: number) => string) => (v == null || !Number.isFinite(v) ? 'n/a' : f(v));
process.stdout.write(
  `bench: pipeline ${part(pipeline?.msgsPerSec, fmt)} msg/s p99 ${part(pipeline?.p99Ms, fmt)} ms` +
    ` | e2e ${part(e2e?.ratio, (n) => n.toFixed(2))}x echo, p99 ${part(e2e?.p99Ms, fmt)} ms` +
    ` | rss ${part(memory?.rssMb, fmt)} MB\n`,
);
