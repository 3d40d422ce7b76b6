/**
 * The terminal thread in a real pseudo-terminal (util-linux `script` gives the process a TTY):
 * the prompt, bracketed paste switched on and off again, a paste in markers answered without a
 * "." line, a typed line sent with Enter, /quit.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from './run-cli.ts';

const SCRIPT = '/usr/bin/script';
const STATUS_401 = 'run error: HTTP 401 authentication_error: invalid x-api-key (request_id: sha256:c6bb760e0b67)';
const FOOTER = 'agent main | session main (openclaw-tui) | anthropic/claude-sonnet-4-6 | think adaptive | tokens ?/1.0m';

describe.runIf(existsSync(SCRIPT))('the terminal thread in a pty', () => {
  it('prompts, reads a bracketed paste and a typed line, and restores the terminal on /quit', async () => {
    const child = spawn(SCRIPT, ['-qec', `"${process.execPath}" "${BIN}" console`, '/dev/null'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PINCER_ENV_FILE: '/dev/null', PINCER_DB: ':memory:', TERM: 'xterm' },
    });
    let out = '';
    child.stdout.on('data', (c) => (out += String(c)));
    const until = async (pattern: RegExp, count = 1) => {
      const deadline = Date.now() + 60_000;
      while ((out.match(new RegExp(pattern, 'g')) ?? []).length < count) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; got:\n${out}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await until(/you ▸ /);
    expect(out).toContain('\x1b[?2004h'); // bracketed paste on
    child.stdin.write(`\x1b[200~${STATUS_401}\n${FOOTER}\x1b[201~\r`);
    await until(/Pincer ▸/);
    expect(out).toContain('!openclaw models status');
    child.stdin.write('/history\r');
    await until(/What I have read/);
    child.stdin.write('/quit\r');
    expect(await exited).toBe(0);
    expect(out).toContain('\x1b[?2004l'); // and off again
    expect(out.match(/Pincer ▸/g)).toHaveLength(1);
  }, 120_000);
});
