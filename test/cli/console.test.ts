/**
 * The terminal help thread, as `npm start` runs it without DISCORD_TOKEN: piped input (a fresh
 * thread each run, same input → same output) and an interactive thread that a restart continues.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runConsole } from '../../src/cli/console.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { openDatabase } from '../../src/store/db.ts';
import { runCli, tempDir } from './run-cli.ts';

const STATUS_401 = 'run error: HTTP 401 authentication_error: invalid x-api-key (request_id: sha256:c6bb760e0b67)';
const FOOTER = 'agent main | session main (openclaw-tui) | anthropic/claude-sonnet-4-6 | think adaptive | tokens ?/1.0m';
const TMP = tempDir('console');
let dbCount = 0;
const dbFile = () => join(TMP, `pincer-${++dbCount}.db`);

describe('piped terminal thread', () => {
  const input = `${STATUS_401}\nconnected | error\n${FOOTER}\n.\nzsh: no such file or directory: /reset\n`;

  it('answers each paste, the last one at end of input, and exits 0', () => {
    const run = runCli(['console'], { input, env: { PINCER_DB: dbFile() } });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('end each paste with a line holding only "."');
    expect(run.stdout).toContain('!openclaw models status');
    expect(run.stdout).toContain('/reset');
    expect(run.stdout.match(/Pincer ▸/g)).toHaveLength(2);
  });

  it('is a fresh thread each run: same input, same output', () => {
    const db = dbFile();
    const a = runCli(['console'], { input, env: { PINCER_DB: db } });
    const b = runCli(['console'], { input, env: { PINCER_DB: db } });
    expect(b.stdout).toBe(a.stdout);
  });

  it('never shows the same reply twice over seed 001, after the hand-over too', () => {
    const { messages } = JSON.parse(readFileSync('test/fixtures/threads/seed-001.json', 'utf8')) as { messages: { role: string; text: string }[] };
    const seed = messages.filter((m) => m.role === 'user').map((m) => `${m.text.trimEnd()}\n.\n`).join('');
    const run = runCli(['console'], { input: seed, env: { PINCER_DB: dbFile() } });
    const replies = run.stdout.split('Pincer ▸').slice(1).map((r) => r.trim());
    expect(replies.length).toBeGreaterThan(20);
    expect(replies.filter((r, i) => replies.indexOf(r) !== i)).toEqual([]);
  });

  it('is what `npm start` runs when DISCORD_TOKEN is unset', () => {
    const run = runCli(['start'], { input: `${STATUS_401}\n`, env: { PINCER_DB: dbFile() } });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Pincer ▸');
  });
});

/** An interactive terminal: a TTY stdin the test types into. */
function terminal(lines: string[]): { io: CliIo; output: () => string } {
  const stdin = Object.assign(new PassThrough(), { isTTY: true });
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (c) => (out += String(c)));
  stdin.end(lines.map((l) => `${l}\n`).join(''));
  return { io: { stdin, stdout, stderr: new PassThrough(), env: {} }, output: () => out };
}

describe('interactive terminal thread', () => {
  it('continues the same thread after a restart, so nothing is asked twice', async () => {
    const path = dbFile();
    const first = terminal([STATUS_401, FOOTER, '.']);
    let db = openDatabase(path);
    await runConsole({ db, io: first.io, fresh: false, now: () => 1_000 });
    db.close();
    expect(first.output()).toContain('!openclaw models status');

    const second = terminal([STATUS_401, FOOTER, '.']);
    db = openDatabase(path);
    await runConsole({ db, io: second.io, fresh: false, now: () => 2_000 });
    db.close();
    expect(second.output()).toContain('continuing your last thread');
    const [, firstReply] = first.output().split('Pincer ▸');
    const [, secondReply] = second.output().split('Pincer ▸');
    expect(secondReply).toBeDefined();
    expect(secondReply).not.toBe(firstReply); // the same paste again gets a different, shorter nudge
  });

  it('--new starts a fresh thread', async () => {
    const path = dbFile();
    let db = openDatabase(path);
    await runConsole({ db, io: terminal([STATUS_401, '.']).io, fresh: false, now: () => 1_000 });
    db.close();
    const fresh = terminal([STATUS_401, '.']);
    db = openDatabase(path);
    await runConsole({ db, io: fresh.io, fresh: true, now: () => 2_000 });
    const threads = db.prepare("SELECT id FROM threads WHERE channel_kind = 'terminal' ORDER BY id").all();
    db.close();
    expect(fresh.output()).not.toContain('continuing');
    expect(threads).toEqual([{ id: 'terminal:1' }, { id: 'terminal:2' }]);
  });
});

describe('start-up errors', () => {
  it('a bad variable stops start-up with one line naming it', () => {
    const run = runCli(['start'], { env: { LOG_LEVEL: 'loud' } });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('pincer: LOG_LEVEL="loud": expects one of fatal, error, warn, info, debug, trace, silent');
  });
});
