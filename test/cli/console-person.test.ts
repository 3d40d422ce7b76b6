/**
 * The terminal help thread as a person uses it: a prompt, console commands, Enter sends a line,
 * a bracketed paste ends by itself, control characters are not read, replies rendered for a TTY
 * (plain when piped), no hand-over to helpers who are not there, two consoles on one database.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runConsole } from '../../src/cli/console.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { terminalMessages } from '../../src/cli/terminal-input.ts';
import { solvePrompts } from '../../src/conversation/policy-texts.ts';
import { openDatabase } from '../../src/store/db.ts';
import { ROOT, runCli, tempDir } from './run-cli.ts';

const TMP = tempDir('console-person');
let dbs = 0;
const dbFile = () => join(TMP, `pincer-${++dbs}.db`);
const STATUS_401 = 'run error: HTTP 401 authentication_error: invalid x-api-key (request_id: sha256:c6bb760e0b67)';
const FOOTER = 'agent main | session main (openclaw-tui) | anthropic/claude-sonnet-4-6 | think adaptive | tokens ?/1.0m';
const KEY = 'sk-ant-api03-' + 'Zx9'.repeat(30) + 'AA';
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A TTY the test types into, chunk by chunk, like a person (with pauses). */
function tty() {
  const stdin = Object.assign(new PassThrough(), { isTTY: true });
  const stdout = Object.assign(new PassThrough(), { isTTY: true });
  let out = '';
  stdout.on('data', (c) => (out += String(c)));
  const io: CliIo = { stdin, stdout, stderr: new PassThrough(), env: {} };
  return {
    io,
    output: () => out,
    type: async (text: string) => {
      stdin.write(text);
      await wait(120);
    },
    end: () => stdin.end(),
  };
}

const replies = (out: string) => out.split('Pincer ▸').slice(1);
const ANSI = /\x1b\[[0-9;]*m/g;

describe('reading what a person types', () => {
  async function messages(chunks: string[]): Promise<string[]> {
    const input = new PassThrough();
    const got: string[] = [];
    const reading = (async () => {
      for await (const m of terminalMessages(input)) got.push(m);
    })();
    for (const c of chunks) {
      input.write(c);
      await wait(80);
    }
    input.end();
    await reading;
    return got;
  }

  it('a line typed alone is sent with Enter; a bracketed paste is one message that ends by itself', async () => {
    expect(await messages(['is this the right place?\n', `\x1b[200~${STATUS_401}\n\n${FOOTER}\n\x1b[201~`, 'thanks\n'])).toEqual([
      'is this the right place?',
      `${STATUS_401}\n\n${FOOTER}`,
      'thanks',
    ]);
  });

  it('without paste markers, lines arriving together wait for the "." line', async () => {
    expect(await messages([`${STATUS_401}\n${FOOTER}\n`, '.\n'])).toEqual([`${STATUS_401}\n${FOOTER}`]);
  });

  it('control characters (Ctrl-L, arrow keys) are not read into the message', async () => {
    expect(await messages(['\x0cinvalid x-api-key\x1b[A again\x07\n'])).toEqual(['invalid x-api-key again']);
  });
});

describe('the interactive thread', () => {
  it('shows a prompt, answers a line on Enter, and knows /help, /history (masked), /new and /quit', async () => {
    const path = dbFile();
    const db = openDatabase(path);
    const t = tty();
    const run = runConsole({ db, io: t.io, fresh: false, now: () => 1_000 });
    await t.type(`${STATUS_401} my key is ${KEY}\n`);
    expect(replies(t.output())).toHaveLength(1);
    expect(t.output()).toContain('you ▸ ');
    await t.type('/help\n');
    expect(t.output()).toContain('/history what Pincer has read so far');
    await t.type('/history\n');
    const history = t.output().slice(t.output().lastIndexOf('What I have read')).replace(ANSI, '');
    expect(history).toContain('error: HTTP 401 invalid_x_api_key');
    expect(history).toContain('models status'); // the ask, waiting for an answer
    expect(t.output()).not.toContain(KEY);
    await t.type('/new\n');
    expect(t.output()).toContain('A fresh thread (terminal:2)');
    await t.type('/quit\n');
    await t.type(`${STATUS_401}\n`); // after /quit nothing more is read
    t.end();
    expect(await run).toBe(0);
    expect(replies(t.output())).toHaveLength(1);
    db.close();
  });

  it('renders replies for a TTY: bold, code set apart, plain URLs, no -# line unless --verbose', async () => {
    const db = openDatabase(':memory:');
    const t = tty();
    const run = runConsole({ db, io: t.io, fresh: false, now: () => 1_000 });
    await t.type(`\x1b[200~${STATUS_401}\n${FOOTER}\x1b[201~\n`);
    t.end();
    await run;
    db.close();
    const reply = replies(t.output())[0]!;
    expect(reply).toMatch(/\n {4}\x1b\[36m!openclaw models status\x1b\[39m\n/); // set apart, one line to copy
    expect(reply).not.toContain('```');
    expect(reply).not.toContain('-# ');
  });

  it('piped: plain text, no escape codes, no markdown markers; --verbose shows the branch line', () => {
    const paste = readFileSync(join(ROOT, 'test/fixtures/seeds/000_61844df7dcbf3ea0.txt'), 'utf8');
    const excerpt = paste.slice(paste.indexOf('When ~/.openclaw'), paste.indexOf('Retry the request.).') + 20);
    const plain = runCli(['console'], { input: excerpt, env: { PINCER_DB: ':memory:' } });
    expect(plain.stdout).not.toMatch(/\x1b|\*\*|```|<https|^-# /m);
    expect(plain.stdout).toContain('https://docs.openclaw.ai/');
    const verbose = runCli(['console', '--verbose'], { input: excerpt, env: { PINCER_DB: ':memory:' } });
    expect(verbose.stdout).toMatch(/api_key_in_token_profile · confidence/);
  });
});

describe('no hand-over to helpers who are not there', () => {
  const seed = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/threads/seed-001.json'), 'utf8')) as { messages: { role: string; text: string }[] };
  const user = seed.messages.filter((m) => m.role === 'user').map((m) => m.text);

  it('seed 001 in the terminal: says what it knows and where to take it, then keeps answering', () => {
    const run = runCli(['console'], { input: `${user.slice(0, 10).join('\n.\n')}\n`, env: { PINCER_DB: ':memory:' } });
    expect(run.status).toBe(0);
    expect(run.stdout).not.toMatch(/handing this to the human helpers|human helper has been asked|nothing to add/i);
    expect(run.stdout).toContain('What I know:');
    expect(run.stdout).toContain("Where to take it: the OpenClaw Discord's help forum");
    expect(run.stdout).toMatch(/Pincer summary\n\s+- error: HTTP 401 invalid_x_api_key/);
    expect(replies(run.stdout)).toHaveLength(10); // every message after the hand-over is answered too
  });

  it('out of ideas in the terminal: its own summary only, never Discord\'s hand-over inside it', () => {
    const status = readFileSync(join(ROOT, 'test/fixtures/openclaw/2026.8.1/stale-order-override/models-status.txt'), 'utf8');
    const input = `my agent says No API key found / 401, here is the output:\n${status}\n.\nI'm on a VPS, does that matter?\n`;
    const run = runCli(['console'], { input, env: { PINCER_DB: ':memory:' } });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Where to take it: the OpenClaw Discord's help forum");
    expect(run.stdout).not.toMatch(/handing this to the human helpers|human helper has been asked/i);
  });

  it('"works now, but …" in the terminal: no right-click, and the new part is answered', () => {
    const fix = user.slice(0, 20).join('\n.\n');
    const run = runCli(['console'], { input: `${fix}\n.\nits working now, but I need help configuring it to discord\n`, env: { PINCER_DB: ':memory:' } });
    const last = replies(run.stdout).at(-1)!;
    expect(last).toContain('Glad it works now');
    expect(last).not.toMatch(/right-click/i);
    expect(last).toContain('About the rest of your message');
  });

  it('in Discord the solved prompt names "Pincer: Mark solution"', () => {
    for (const p of solvePrompts(true)) expect(p.markdown).toContain('**Pincer: Mark solution**');
  });
});

describe('two consoles on the same PINCER_DB', () => {
  it('never lose a message: the second gets its own thread and says the last one is open elsewhere', async () => {
    const path = dbFile();
    const a = tty();
    const b = tty();
    const dbA = openDatabase(path);
    const dbB = openDatabase(path);
    const runA = runConsole({ db: dbA, io: a.io, fresh: false, now: () => 1_000 });
    await a.type(`${STATUS_401}\n`);
    const runB = runConsole({ db: dbB, io: b.io, fresh: false, now: () => 1_000 });
    await b.type(`${STATUS_401}\n`);
    await a.type(`${FOOTER}\n`);
    await b.type(`${FOOTER}\n`);
    a.end();
    b.end();
    await Promise.all([runA, runB]);
    expect(b.output()).toContain('open in another console');
    const rows = dbA.prepare("SELECT thread_id, count(*) AS n FROM messages WHERE thread_id LIKE 'terminal:%' GROUP BY thread_id ORDER BY thread_id").all();
    dbA.close();
    dbB.close();
    expect(rows).toEqual([{ thread_id: 'terminal:1', n: 2 }, { thread_id: 'terminal:2', n: 2 }]);
    expect(replies(a.output())).toHaveLength(2);
    expect(replies(b.output())).toHaveLength(2);
  });
});
