/**
 * `npm run bench` (never part of `npm test`): the pipeline alone, then Pincer end to end through
 * the fake Discord next to an echo bot, then memory and database size, then the cold CLI next to
 * `node -e 0`. Prints a table and, last, one line with every figure of issue 17's targets, each
 * with its ratio to the floor measured in the same run and the load average beside it:
 *   bench: e2e max <r>x echo (rounds <lo>–<hi>x; <p>/<e> msg/s; by CPU per reply <c>x) | e2e p99@100 <r>x echo (rounds <lo>–<hi>x; <p>/<e> ms)
 *     | rss start <s> MB
 *     | rss <N> thr <a> MB | rss <2N> thr <b> MB (+<g>%) | cli <r>x node -e 0 (cpu; wall <w>x)
 *     | pipeline p99 <x> ms of per-fixture medians (every run <y> ms; <n> msg/s) | load <l1>→<l2>
 * A section that fails says so in its row and prints n/a. Loopback only. BENCH_QUICK=1 shrinks
 * every section (N = 1,000 threads instead of 10,000); BENCH_ONLY=e2e,memory runs only those.
 */
import os from 'node:os';
import { benchPipeline } from './pipeline.ts';
import { loadStages } from './stages.ts';
import { fmt } from './stats.ts';
import { printTable, type Row } from './table.ts';

const quick = process.env.BENCH_QUICK === '1';
const rows: Row[] = [];
const only = new Set((process.env.BENCH_ONLY ?? 'pipeline,e2e,memory,cli').split(','));

const load = () => os.loadavg()[0]!.toFixed(1);
const loadAtStart = load();
rows.push({ section: 'machine', measure: 'cores, node, load average at start', value: `${os.cpus().length}, ${process.version}, ${loadAtStart}`, note: 'other processes share the CPU: compare ratios, not absolutes' });
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
const cli = await section('cli', async () => (await import('./cli.ts')).benchCli(rows, quick));

rows.push({ section: 'machine', measure: 'load average at end', value: load() });
printTable(rows);
const ok = (...v: (number | undefined)[]) => v.every((n) => n !== undefined && Number.isFinite(n));
const x = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
const spread = ([lo, hi]: [number, number]) => `${fmt(lo)}–${fmt(hi)}x`;
const parts = [
  e2e && ok(e2e.maxRatio) ? `e2e max ${fmt(e2e.maxRatio)}x echo (rounds ${spread(e2e.maxRatioRange)}; ${fmt(e2e.maxPerSec)}/${fmt(e2e.echoMaxPerSec)} msg/s; by CPU per reply ${x(e2e.echoCpuMs, e2e.cpuMs)})` : 'e2e max n/a',
  e2e && ok(e2e.p99Ratio) ? `e2e p99@100 ${fmt(e2e.p99Ratio)}x echo (rounds ${spread(e2e.p99RatioRange)}; ${fmt(e2e.p99Ms)}/${fmt(e2e.echoP99Ms)} ms)` : 'e2e p99@100 n/a',
  memory ? `rss start ${fmt(memory.startMb)} MB (echo ${fmt(memory.echoStartMb)})` : 'rss start n/a',
  memory ? `rss ${memory.threads[0].toLocaleString('en-US')} thr ${fmt(memory.rssMb[0])} MB` : 'rss n/a',
  memory ? `rss ${memory.threads[1].toLocaleString('en-US')} thr ${fmt(memory.rssMb[1])} MB (${memory.rssMb[1] >= memory.rssMb[0] ? '+' : ''}${fmt((100 * (memory.rssMb[1] - memory.rssMb[0])) / memory.rssMb[0])}%)` : 'rss growth n/a',
  cli ? `cli ${x(cli.cpuMs, cli.floorCpuMs)} node -e 0 (cpu; wall ${x(cli.wallMs, cli.floorWallMs)})` : 'cli n/a',
  pipeline ? `pipeline p99 ${fmt(pipeline.p99MedianMs)} ms of per-fixture medians (every run ${fmt(pipeline.p99Ms)} ms; ${fmt(pipeline.msgsPerSec)} msg/s)` : 'pipeline n/a',
  `load ${loadAtStart}→${load()}`,
];
process.stdout.write(`bench: ${parts.join(' | ')}\n`);
