/** Runs `node bin/pincer.mjs …` as a user would, with its own environment and stdin. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], opts: { input?: string | Buffer; env?: Record<string, string> } = {}): CliRun {
  const res = spawnSync(process.execPath, [`${ROOT}bin/pincer.mjs`, ...args], {
    cwd: ROOT,
    input: opts.input ?? '',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent', ...opts.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
  });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}
