/**
 * Runs a bot as a child process, as an operator would (a real process, a real SQLite file, its
 * logs on stderr), against a fake Discord. The child entry (default ./bot-main.ts) reads the
 * same environment variables as `pincer start`, plus FAKE_DISCORD_URL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { LogLines } from './log-lines.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RUN_TS = `${ROOT}bin/run-ts.mjs`;
export const BOT_MAIN = fileURLToPath(new URL('./bot-main.ts', import.meta.url));

export interface BotProcess {
  child: ChildProcess;
  /** stderr (pino JSON lines). */
  logs: LogLines;
  stdout: LogLines;
  /** Exit code, or null when killed by a signal. */
  exited: Promise<number | null>;
  /** SIGKILL: no cleanup at all (a crash, the OOM killer). */
  kill(): Promise<void>;
  /** SIGTERM and wait for the exit (bounded); returns the exit code. */
  stop(): Promise<number | null>;
}

export interface SpawnOptions {
  /** The entry (default bot-main.ts: Pincer); TypeScript runs through tsx, `.mjs` with plain node. */
  entry?: string;
  /** Open an IPC channel (memory requests in the bench). */
  ipc?: boolean;
  /** Extra node flags, e.g. --expose-gc. */
  nodeArgs?: string[];
}

/** Every bot child still running: killed when the test process exits, whatever path it takes. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export function spawnBot(env: Record<string, string>, o: SpawnOptions = {}): BotProcess {
  const entry = o.entry ?? BOT_MAIN;
  const child = spawn(process.execPath, [...(o.nodeArgs ?? []), ...(entry.endsWith('.mjs') ? [] : [RUN_TS]), entry], {
    cwd: ROOT,
    env: { ...process.env, ...env, NODE_ENV: 'test' },
    stdio: o.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  const logs = new LogLines();
  const stdout = new LogLines();
  child.stderr!.setEncoding('utf8').on('data', (c: string) => logs.feed(c));
  child.stdout!.setEncoding('utf8').on('data', (c: string) => stdout.feed(c));
  running.add(child);
  const exited = once(child, 'exit').then(([code]) => {
    running.delete(child);
    return code as number | null;
  });
  const waitExit = (ms: number) =>
    Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms).unref())]);
  return {
    child,
    logs,
    stdout,
    exited,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const r = await waitExit(15_000);
      if (r === 'timeout') {
        child.kill('SIGKILL');
        await exited;
        throw new Error('the bot did not exit within 15 s of SIGTERM');
      }
      return r;
    },
  };
}
