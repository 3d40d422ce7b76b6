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
  p99Ms: number;
}

/** Times `run` on each input in turn, repeating the list until `budgetMs` or `maxRounds`. */
function timeAll(run: (t: string) => void, inputs: readonly string[], budgetMs: number, maxRounds: number): number[] {
  const ms: number[] = [];
  const end = performance.now() + budgetMs;
  for (let round = 0; round < maxRounds && (round === 0 || performance.now() < end); round++) {
    for (const text of inputs) {
      const t0 = performance.now();
      run(text);
      ms.push(performance.now() - t0);
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
  for (const t of texts.slice(0, 20)) stages.run(t); // warm-up (JIT)
  const all = timeAll(stages.run, texts, quick ? 500 : 3_000, 50);
  const total = all.reduce((a, b) => a + b, 0);
  const figures = { msgsPerSec: (all.length / total) * 1000, p99Ms: p99(all) };
  rows.push({ section, measure: `fixtures (${texts.length}) msg/s`, value: fmt(figures.msgsPerSec), note: `${all.length} runs` });
  rows.push({ section, measure: 'fixtures p50 / p99 ms', value: `${fmt(p50(all))} / ${fmt(figures.p99Ms)}` });

  for (const size of SIZES) {
    const input = inputOfSize(texts, size);
    const rounds = size >= 1_000_000 ? (quick ? 3 : 10) : size >= 100_000 ? (quick ? 10 : 40) : quick ? 100 : 400;
    const ms = timeAll(stages.run, [input], quick ? 1_000 : 4_000, rounds);
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
