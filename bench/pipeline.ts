/**
 * Section 1 of `npm run bench`: the pipeline alone, in process — messages/s and p50/p99 latency
 * over all fixtures, by input size (100 B → 1 MB) with parse throughput, and the worst case of
 * the adversarial inputs. Every loop is bounded by a count and a time budget.
 */
import { runAdversarial } from './adversarial.ts';
import { fixtureTexts, inputOfSize, SIZES } from './inputs.ts';
import { fmt, p50, p99 } from './stats.ts';
import type { Stages } from './stages.ts';
import type { Row } from './table.ts';

export interface PipelineFigures {
  msgsPerSec: number;
  /** p99 over every timed run (GC pauses and the machine's other processes included). */
  p99Ms: number;
  /** p99 over the fixtures of each fixture's median run: what a message costs, less the noise. */
  p99MedianMs: number;
}

/**
 * Times `run` on each input in turn, repeating the list at least `minRounds` times, then until
 * `budgetMs` or `maxRounds`. Returns the times by input (ms), one per round.
 */
function timeAll(run: (t: string) => void, inputs: readonly string[], budgetMs: number, maxRounds: number, minRounds = 1): number[][] {
  const ms: number[][] = inputs.map(() => []);
  const end = performance.now() + budgetMs;
  for (let round = 0; round < maxRounds && (round < minRounds || performance.now() < end); round++) {
    for (const [i, text] of inputs.entries()) {
      const t0 = performance.now();
      run(text);
      ms[i]!.push(performance.now() - t0);
    }
  }
  return ms;
}

export async function benchPipeline(stages: Stages, rows: Row[], quick: boolean): Promise<PipelineFigures | null> {
  const section = 'pipeline';
  if (stages.missing.includes('ingest') || stages.missing.includes('extractEvidence')) {
    rows.push({ section, measure: 'all', value: 'n/a', note: `not landed: ${stages.missing.join(', ')}` });
    return null;
  }
  if (stages.missing.length > 0) rows.push({ section, measure: 'stages timed', value: stages.label, note: `not landed yet: ${stages.missing.join(', ')}` });
  const texts = fixtureTexts();
  for (let round = 0; round < 2; round++) for (const t of texts) stages.run(t); // warm-up: a running bot's JIT state
  const byFixture = timeAll(stages.run, texts, quick ? 1_000 : 3_000, 50, quick ? 5 : 15);
  const all = byFixture.flat();
  const total = all.reduce((a, b) => a + b, 0);
  const medians = byFixture.map((ms) => p50(ms));
  const figures = { msgsPerSec: (all.length / total) * 1000, p99Ms: p99(all), p99MedianMs: p99(medians) };
  rows.push({ section, measure: `fixtures (${texts.length}) msg/s`, value: fmt(figures.msgsPerSec), note: `${all.length} runs after 2 warm-up rounds` });
  rows.push({ section, measure: 'fixtures p50 / p99 ms, every run', value: `${fmt(p50(all))} / ${fmt(figures.p99Ms)}`, note: 'GC pauses and other processes included' });
  rows.push({ section, measure: 'fixtures p99 ms of per-fixture medians', value: fmt(figures.p99MedianMs), note: `the slowest fixture's typical run: ${fmt(Math.max(...medians))} ms` });

  for (const size of SIZES) {
    const input = inputOfSize(texts, size);
    const rounds = size >= 1_000_000 ? (quick ? 3 : 10) : size >= 100_000 ? (quick ? 10 : 40) : quick ? 100 : 400;
    const ms = timeAll(stages.run, [input], quick ? 1_000 : 4_000, rounds)[0]!;
    const mean = ms.reduce((a, b) => a + b, 0) / ms.length;
    const label = size >= 1_000_000 ? '1 MB' : size >= 1_000 ? `${size / 1_000} kB` : `${size} B`;
    rows.push({
      section,
      measure: `${label}: msg/s, p50/p99 ms`,
      value: `${fmt(1000 / mean)}, ${fmt(p50(ms))} / ${fmt(p99(ms))}`,
      note: `${fmt(size / 1e6 / (mean / 1000))} MB/s, ${ms.length} runs`,
    });
  }

  const adversarial = await runAdversarial(quick ? 10_000 : 30_000);
  const stopped = adversarial.filter((a) => a.ms === null);
  const worst = adversarial.filter((a) => a.ms !== null).sort((a, b) => b.ms! - a.ms!)[0];
  if (worst) {
    rows.push({
      section,
      measure: `adversarial worst of ${adversarial.length}`,
      value: `${fmt(worst.ms!)} ms`,
      note: `${worst.name} (${fmt(worst.bytes / 1e6)} MB, ${fmt(worst.bytes / 1e6 / (worst.ms! / 1000))} MB/s)`,
    });
  }
  for (const s of stopped) rows.push({ section, measure: 'adversarial OVER LIMIT', value: `> ${quick ? 10 : 30} s`, note: s.name });
  return figures;
}
