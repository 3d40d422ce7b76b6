/**
 * Section 2 of `npm run bench`: end to end through the fake Discord, bot in a child process with
 * a SQLite file and discord.js's 50 requests/s cap lifted (`globalRequestsPerSecond`, `offset: 0`;
 * fake-discord.md §1, pitfall 8). Message-to-reply p50/p99 at a steady 100 msg/s, and maximum
 * sustained throughput over many threads, for Pincer and for the echo bot on the same harness;
 * reported as a ratio (Pincer / echo) so the figure holds on a noisy machine.
 */
import { fileURLToPath } from 'node:url';
import { seedText } from '../test/e2e/harness/seed.ts';
import { saturate, startRig, steady, type Rig } from './load.ts';
import { fmt, p50, p99 } from './stats.ts';
import type { Row } from './table.ts';

const ECHO = fileURLToPath(new URL('./echo-bot.mjs', import.meta.url));
const PINCER = fileURLToPath(new URL('./pincer-bot.mjs', import.meta.url));

export interface E2eFigures {
  /** Max sustained replies/s, Pincer and the echo bot. */
  maxPerSec: number;
  echoMaxPerSec: number;
  /** CPU ms per reply of the bot process during the max run, Pincer and the echo bot. */
  cpuMs: number;
  echoCpuMs: number;
  /** p99 at a steady 100 msg/s (ms), Pincer and the echo bot. */
  p99Ms: number;
  echoP99Ms: number;
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

async function measure(entry: string, text: string, quick: boolean): Promise<BotFigures> {
  const rig = await startRig(entry, { ipc: true });
  try {
    await steady(rig, text, 100, quick ? 50 : 200); // warm-up, not reported
    const s = await steady(rig, text, 100, quick ? 300 : 1_500);
    const cpu0 = await cpuOf(rig);
    const max = await saturate(rig, text, 200, quick ? 1_000 : 5_000);
    const cpuMsPerReply = ((await cpuOf(rig)) - cpu0) / 1000 / max.latencies.length;
    return { steady: s, max, cpuMsPerReply };
  } finally {
    await rig.close();
  }
}

export async function benchE2e(rows: Row[], quick: boolean): Promise<E2eFigures | null> {
  const section = 'e2e';
  const text = seedText(0); // the TUI's 401: Pincer answers every new post with its ask
  const echo = await measure(ECHO, text, quick);
  let pincer: BotFigures;
  try {
    pincer = await measure(PINCER, text, quick);
  } catch (err) {
    rows.push({ section, measure: 'pincer', value: 'n/a', note: `bot did not start: ${String(err).slice(0, 120)}` });
    pincer = { steady: { latencies: [], missing: 0 }, max: { perSec: Number.NaN, latencies: [], missing: 0 }, cpuMsPerReply: Number.NaN };
  }
  for (const [name, f] of [['echo', echo], ['pincer', pincer]] as const) {
    rows.push({ section, measure: `${name} @100 msg/s p50 / p99 ms`, value: `${fmt(p50(f.steady.latencies))} / ${fmt(p99(f.steady.latencies))}`, note: `${f.steady.latencies.length} replies, ${f.steady.missing} missing` });
    rows.push({ section, measure: `${name} max sustained msg/s`, value: fmt(f.max.perSec), note: `200 in flight, p99 ${fmt(p99(f.max.latencies))} ms, ${f.max.missing} missing` });
    rows.push({ section, measure: `${name} CPU ms per reply`, value: fmt(f.cpuMsPerReply), note: 'the bot process, during the max run (less load-sensitive)' });
  }
  const ratio = pincer.max.perSec / echo.max.perSec;
  rows.push({ section, measure: 'pincer / echo throughput', value: `${fmt(ratio)}x` });
  rows.push({ section, measure: 'pincer / echo p99 @100 msg/s', value: `${fmt(p99(pincer.steady.latencies) / p99(echo.steady.latencies))}x` });
  rows.push({ section, measure: 'echo / pincer CPU per reply', value: `${fmt(echo.cpuMsPerReply / pincer.cpuMsPerReply)}x`, note: 'the throughput a CPU-bound host would see' });
  return { maxPerSec: pincer.max.perSec, echoMaxPerSec: echo.max.perSec, cpuMs: pincer.cpuMsPerReply, echoCpuMs: echo.cpuMsPerReply, p99Ms: p99(pincer.steady.latencies), echoP99Ms: p99(echo.steady.latencies) };
}
