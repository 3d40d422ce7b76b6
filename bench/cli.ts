/**
 * Section 4 of `npm run bench`: a cold `pincer diagnose --json` on a one-line paste, exactly as a
 * user runs it (`node bin/pincer.mjs diagnose --json`, paste on stdin: whatever the bin runs,
 * compiled or not), against `node -e 0` as the floor. Runs alternate (so both see the same load);
 * reported: the medians of CPU time (user + system, all threads, read at exit by a preload) and
 * of wall time, and their ratios.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { fmt, p50 } from './stats.ts';
import type { Row } from './table.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CPU_AT_EXIT = `data:text/javascript,process.on('exit',()=>{const u=process.cpuUsage();process.stderr.write('\\ncpu-us '+(u.user+u.system)+'\\n')})`;
const PASTE = 'Error: No API key found for provider "anthropic". Auth store: /home/me/.openclaw/agents/main/agent/auth-profiles.json\n';

export interface CliFigures {
  /** Median CPU ms of the CLI and of `node -e 0`. */
  cpuMs: number;
  floorCpuMs: number;
  wallMs: number;
  floorWallMs: number;
}

function once(args: string[], input: string): { cpuMs: number; wallMs: number; ok: boolean; out: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', CPU_AT_EXIT, ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 60_000 });
  const wallMs = performance.now() - t0;
  const cpu = r.stderr.match(/cpu-us (\d+)/);
  return { cpuMs: cpu ? Number(cpu[1]) / 1000 : Number.NaN, wallMs, ok: r.status === 0 && r.stdout.trim().startsWith('{'), out: `${r.stdout}${r.stderr}`.slice(0, 160) };
}

export async function benchCli(rows: Row[], quick: boolean): Promise<CliFigures | null> {
  const section = 'cli';
  const runs = quick ? 5 : 15;
  const cli: ReturnType<typeof once>[] = [];
  const floor: ReturnType<typeof once>[] = [];
  for (let i = 0; i < runs; i++) {
    floor.push(once(['-e', '0'], ''));
    const r = once(['bin/pincer.mjs', 'diagnose', '--json'], PASTE);
    if (!r.ok) {
      rows.push({ section, measure: 'pincer diagnose --json', value: 'n/a', note: `failed: ${r.out}` });
      return null;
    }
    cli.push(r);
  }
  const f: CliFigures = {
    cpuMs: p50(cli.map((r) => r.cpuMs)),
    floorCpuMs: p50(floor.map((r) => r.cpuMs)),
    wallMs: p50(cli.map((r) => r.wallMs)),
    floorWallMs: p50(floor.map((r) => r.wallMs)),
  };
  rows.push({ section, measure: 'cold diagnose --json: CPU / wall ms', value: `${fmt(f.cpuMs)} / ${fmt(f.wallMs)}`, note: `median of ${runs}, one-line paste on stdin` });
  rows.push({ section, measure: 'node -e 0: CPU / wall ms', value: `${fmt(f.floorCpuMs)} / ${fmt(f.floorWallMs)}`, note: 'the floor, runs alternating with the CLI' });
  rows.push({ section, measure: 'cold CLI / node -e 0 (CPU, wall)', value: `${fmt(f.cpuMs / f.floorCpuMs)}x, ${fmt(f.wallMs / f.floorWallMs)}x`, note: 'target ≤ 4x' });
  return f;
}
