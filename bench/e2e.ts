/**
 * Section 2 of `npm run bench`: end to end through the fake Discord, bot in a child process with
 * a SQLite file and discord.js's 50 requests/s cap lifted (`globalRequestsPerSecond`, `offset: 0`;
 * fake-discord.md §1, pitfall 8). Message-to-reply p50/p99 at a steady 100 msg/s, and maximum
 * sustained throughput over many threads, for Pincer and for the echo bot on the same harness;
 * reported as a ratio (Pincer / echo) so the figure holds on a noisy machine.
 *
 * Both bots stay up and are measured in ROUNDS rounds, taking turns (echo first, then Pincer
 * first, …): a round is both steady runs, then both saturation runs, each started once its bot
 * has been at rest for 2 s (a steady run right after a saturation run measured its backlog).
 * Each ratio is the median of the rounds' ratios, printed with its range. On this shared
 * 2-core machine two single runs of the same code gave p99 ratios of 2.63× and 3.16×; a drift in
 * the machine's speed now falls on both bots of a round instead of on one.
 */
import { fileURLToPath } from 'node:url';
import { seedText } from '../test/e2e/harness/seed.ts';
import { quiet, saturate, startRig, steady, type Rig } from './load.ts';
import { fmt, p50, p99 } from './stats.ts';
import type { Row } from './table.ts';

const ECHO = fileURLToPath(new URL('./echo-bot.mjs', import.meta.url));
const PINCER = fileURLToPath(new URL('./pincer-bot.mjs', import.meta.url));

/** Rounds of (steady, saturation) per bot. */
const ROUNDS = 3;

export interface E2eFigures {
  /** Max sustained replies/s, median over the rounds, Pincer and the echo bot. */
  maxPerSec: number;
  echoMaxPerSec: number;
  /** Pincer / echo max sustained: the median of the rounds' ratios, and its range. */
  maxRatio: number;
  maxRatioRange: [number, number];
  /** CPU ms per reply of the bot process over every saturation run, Pincer and the echo bot. */
  cpuMs: number;
  echoCpuMs: number;
  /** p99 at a steady 100 msg/s (ms), median over the rounds, Pincer and the echo bot. */
  p99Ms: number;
  echoP99Ms: number;
  /** Pincer / echo p99: the median of the rounds' ratios, and its range. */
  p99Ratio: number;
  p99RatioRange: [number, number];
}

interface BotFigures {
  steady: { latencies: number[]; missing: number };
  max: { perSec: number; latencies: number[]; missing: number };
  /** The bot process's CPU time (user + system) per reply during the saturation run, ms. */
  cpuMsPerReply: number;
}

/** The bot's CPU time so far (µs, user + system, all threads), over IPC. */
function cpuOf(rig: Rig): Promise<number> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('no cpu answer from the bot')), 30_000);
    rig.bot.child.once('message', (m: { cpu: { user: number; system: number } }) => {
      clearTimeout(t);
      resolve(m.cpu.user + m.cpu.system);
    });
    rig.bot.child.send({ type: 'memory', gc: false });
  });
}

/** Waits until a bot is at rest: the last run's replies, tag edits and write-back all done. */
const atRest = (rig: Rig) => quiet(rig, 2_000, 60_000);

/** The bot's CPU time over `run`, ms per reply. */
async function withCpu(rig: Rig, run: () => Promise<BotFigures['max']>): Promise<{ max: BotFigures['max']; cpuMsPerReply: number }> {
  const cpu0 = await cpuOf(rig);
  const max = await run();
  return { max, cpuMsPerReply: ((await cpuOf(rig)) - cpu0) / 1000 / max.latencies.length };
}

const range = (v: number[]): [number, number] => [Math.min(...v), Math.max(...v)];

export async function benchE2e(rows: Row[], quick: boolean): Promise<E2eFigures | null> {
  const section = 'e2e';
  const text = seedText(0); // the TUI's 401: Pincer answers every new post with its ask
  const echoRig = await startRig(ECHO, { ipc: true });
  let pincerRig: Rig | null = null;
  try {
    try {
      pincerRig = await startRig(PINCER, { ipc: true });
    } catch (err) {
      rows.push({ section, measure: 'pincer', value: 'n/a', note: `bot did not start: ${String(err).slice(0, 120)}` });
      return null;
    }
    const rigs = { echo: echoRig, pincer: pincerRig };
    for (const rig of [echoRig, pincerRig]) await steady(rig, text, 100, quick ? 50 : 200); // warm-up, not reported
    const runs: Record<'echo' | 'pincer', BotFigures[]> = { echo: [], pincer: [] };
    // A round: both steady runs, then both saturation runs, each from rest; who goes first alternates.
    for (let r = 0; r < ROUNDS; r++) {
      const order = r % 2 === 0 ? (['echo', 'pincer'] as const) : (['pincer', 'echo'] as const);
      const steadyOf: Partial<Record<'echo' | 'pincer', BotFigures['steady']>> = {};
      for (const name of order) {
        await atRest(rigs[name]);
        steadyOf[name] = await steady(rigs[name], text, 100, quick ? 300 : 1_500);
      }
      for (const name of order) {
        await atRest(rigs[name]);
        const max = await withCpu(rigs[name], () => saturate(rigs[name], text, 200, quick ? 1_000 : 5_000));
        runs[name].push({ steady: steadyOf[name]!, ...max });
      }
    }
    return report(rows, runs);
  } finally {
    await Promise.all([echoRig.close(), pincerRig?.close()]);
  }
}

function report(rows: Row[], runs: Record<'echo' | 'pincer', BotFigures[]>): E2eFigures {
  const section = 'e2e';
  const of = (name: 'echo' | 'pincer') => {
    const f = runs[name];
    const latencies = f.flatMap((x) => x.steady.latencies);
    const replies = f.reduce((n, x) => n + x.max.latencies.length, 0);
    return {
      p99s: f.map((x) => p99(x.steady.latencies)),
      maxes: f.map((x) => x.max.perSec),
      cpuMs: f.reduce((t, x) => t + x.cpuMsPerReply * x.max.latencies.length, 0) / replies,
      latencies,
      missing: f.reduce((n, x) => n + x.steady.missing + x.max.missing, 0),
      maxP99: p99(f.flatMap((x) => x.max.latencies)),
    };
  };
  const echo = of('echo');
  const pincer = of('pincer');
  for (const [name, f] of [['echo', echo], ['pincer', pincer]] as const) {
    rows.push({ section, measure: `${name} @100 msg/s p50 / p99 ms`, value: `${fmt(p50(f.latencies))} / ${fmt(p50(f.p99s))}`, note: `p99: median of ${ROUNDS} rounds (${f.p99s.map(fmt).join(', ')}); ${f.latencies.length} replies, ${f.missing} missing in all runs` });
    rows.push({ section, measure: `${name} max sustained msg/s`, value: fmt(p50(f.maxes)), note: `median of ${ROUNDS} rounds (${f.maxes.map(fmt).join(', ')}), 200 in flight, p99 ${fmt(f.maxP99)} ms` });
    rows.push({ section, measure: `${name} CPU ms per reply`, value: fmt(f.cpuMs), note: 'the bot process, over the max runs (less load-sensitive)' });
  }
  const maxRatios = pincer.maxes.map((m, i) => m / echo.maxes[i]!);
  const p99Ratios = pincer.p99s.map((m, i) => m / echo.p99s[i]!);
  const span = (v: number[]) => `rounds ${v.map((x) => `${fmt(x)}x`).join(', ')}`;
  rows.push({ section, measure: 'pincer / echo throughput', value: `${fmt(p50(maxRatios))}x`, note: span(maxRatios) });
  rows.push({ section, measure: 'pincer / echo p99 @100 msg/s', value: `${fmt(p50(p99Ratios))}x`, note: span(p99Ratios) });
  rows.push({ section, measure: 'echo / pincer CPU per reply', value: `${fmt(echo.cpuMs / pincer.cpuMs)}x`, note: 'the throughput a CPU-bound host would see' });
  return {
    maxPerSec: p50(pincer.maxes),
    echoMaxPerSec: p50(echo.maxes),
    maxRatio: p50(maxRatios),
    maxRatioRange: range(maxRatios),
    cpuMs: pincer.cpuMs,
    echoCpuMs: echo.cpuMs,
    p99Ms: p50(pincer.p99s),
    echoP99Ms: p50(echo.p99s),
    p99Ratio: p50(p99Ratios),
    p99RatioRange: range(p99Ratios),
  };
}
