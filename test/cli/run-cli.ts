/**
 * Runs `node bin/pincer.mjs …` as a user would, with its own environment, working directory and
 * stdin. By default no `.env` is read (PINCER_ENV_FILE=/dev/null), so a developer's own `.env`
 * in the repository cannot change a test; tests of `.env` pass `cwd` or PINCER_ENV_FILE.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = `${ROOT}bin/pincer.mjs`;

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  input?: string | Buffer;
  env?: Record<string, string>;
  /** Working directory (default: the repository); with `cwd` the `.env` there is read. */
  cwd?: string;
  timeout?: number;
}

export function runCli(args: string[], opts: CliOptions = {}): CliRun {
  const res = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input ?? '',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent', ...(opts.cwd ? {} : { PINCER_ENV_FILE: '/dev/null' }), ...opts.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: opts.timeout ?? 60_000,
  });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

/** A temporary folder removed when the test file ends (call at module or describe level). */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `pincer-${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** `runCli` without blocking the test's event loop (for servers the CLI talks to in-process). */
export function runCliAsync(args: string[], opts: CliOptions = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: opts.cwd ?? ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent', ...(opts.cwd ? {} : { PINCER_ENV_FILE: '/dev/null' }), ...opts.env },
      timeout: opts.timeout ?? 60_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += String(c)));
    child.stderr.on('data', (c) => (stderr += String(c)));
    child.stdin.end(opts.input ?? '');
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
