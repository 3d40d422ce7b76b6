/**
 * Where the pipeline's time goes (not part of `npm run bench`; run it by hand):
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof bin/run-ts.mjs bench/profile-pipeline.ts [rounds=30]
 * Runs the bench's pipeline stages (bench/stages.ts) over every fixture (bench/inputs.ts) for
 * `rounds` rounds after 2 warm-up rounds, and prints the mean and p99 per message and the p99 of
 * the per-fixture medians, plus the five slowest fixtures by median. With `--cpu-prof`, the
 * profile (written on exit) shows the heaviest functions; open it in Chrome DevTools or read it
 * with `node bin/run-ts.mjs bench/profile-pipeline.ts --top <file.cpuprofile>`.
 * `--slowest N OUT.cpuprofile` after the rounds: a CPU profile of `rounds` more rounds over the N
 * slowest fixtures only (the ones that set the p99), printed like `--top`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { type CpuProfile, printCpuProfile } from './cpu-profile.ts';
import { fixtureTexts } from './inputs.ts';
import { loadStages } from './stages.ts';
import { p50, p99 } from './stats.ts';

/** Heaviest functions (self time) of a .cpuprofile file, and its split by src file / package. */
function top(file: string): void {
  printCpuProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, file);
}

type Fn = (...a: any[]) => any;
/** Median ms of ingest and of evidence on one text, over 9 runs. */
function stageSplit(text: string, ingest: Fn, extractEvidence: Fn): string {
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < 9; r++) {
    const t0 = performance.now();
    const clean = ingest({ text });
    const t1 = performance.now();
    extractEvidence(clean.text, 'bench');
    a.push(t1 - t0);
    b.push(performance.now() - t1);
  }
  return ` (ingest ${p50(a).toFixed(3)}, evidence ${p50(b).toFixed(3)})`;
}

const args = process.argv.slice(2);
if (args[0] === '--top') {
  top(args[1]!);
} else {
  const rounds = Number(args[0] ?? 30);
  const stages = await loadStages();
  const texts = fixtureTexts();
  for (let r = 0; r < 2; r++) for (const t of texts) stages.run(t);
  const ms: number[][] = texts.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (const [i, t] of texts.entries()) {
      const t0 = performance.now();
      stages.run(t);
      ms[i]!.push(performance.now() - t0);
    }
  }
  const all = ms.flat();
  const mean = all.reduce((a, b) => a + b, 0) / all.length;
  const medians = ms.map((m) => p50(m));
  console.log(`${stages.label}: ${texts.length} fixtures × ${rounds} rounds`);
  console.log(`mean ${mean.toFixed(3)} ms  p99 ${p99(all).toFixed(3)} ms  p99 of medians ${p99(medians).toFixed(3)} ms`);
  // Time of each stage alone, summed over one round of every fixture (ms).
  const { ingest, extractEvidence } = stages.fns;
  if (ingest && extractEvidence) {
    let tIngest = 0;
    let tEvidence = 0;
    for (let r = 0; r < Math.min(rounds, 10); r++) {
      for (const t of texts) {
        const t0 = performance.now();
        const clean = ingest({ text: t });
        const t1 = performance.now();
        extractEvidence(clean.text, 'bench');
        tIngest += t1 - t0;
        tEvidence += performance.now() - t1;
      }
    }
    const n = Math.min(rounds, 10) * texts.length;
    console.log(`per message: ingest ${(tIngest / n).toFixed(3)} ms, evidence ${(tEvidence / n).toFixed(3)} ms (of the mean above)`);
  }
  const slow = medians.map((m, i) => [m, i] as const).sort((a, b) => b[0] - a[0]).slice(0, 5);
  for (const [m, i] of slow) {
    const t = texts[i]!;
    const split = ingest && extractEvidence ? stageSplit(t, ingest, extractEvidence) : '';
    console.log(`  ${m.toFixed(3)} ms  ${t.length} chars${split}  ${JSON.stringify(t.slice(0, 50))}`);
  }
  if (args[1] === '--slowest') {
    const n = Number(args[2] ?? 10);
    const out = args[3] ?? '/tmp/pipeline-slowest.cpuprofile';
    const chosen = medians.map((m, i) => [m, i] as const).sort((a, b) => b[0] - a[0]).slice(0, n).map(([, i]) => texts[i]!);
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    for (let r = 0; r < rounds; r++) for (const t of chosen) stages.run(t);
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(out, JSON.stringify(profile));
    printCpuProfile(profile as unknown as CpuProfile, `${out} (the ${n} slowest fixtures × ${rounds})`);
  }
}
