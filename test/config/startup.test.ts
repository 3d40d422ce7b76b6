/**
 * Start-up as an operator meets it, through the CLI with bad environments: the `.env` file,
 * every bad variable at once, PINCER_DB path problems, Discord unreachable.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, runCliAsync, tempDir } from '../cli/run-cli.ts';

const TMP = tempDir('startup');
let n = 0;
const folder = (files: Record<string, string> = {}): string => {
  const dir = join(TMP, `case-${++n}`);
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
};
const pincerLines = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('pincer: '));
const STATUS_401 = 'run error: HTTP 401 authentication_error: invalid x-api-key (request_id: sha256:c6bb760e0b67)\n';
const GOOD_BOT = {
  DISCORD_TOKEN: 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789',
  DISCORD_APPLICATION_ID: '123456789012345678',
  PINCER_HELP_FORUM_IDS: '123456789012345001',
};

describe('the .env file', () => {
  it('is read from the working directory, and the first line says which file', () => {
    const dir = folder({ '.env': `PINCER_DB=${join(TMP, 'from-dotenv.db')}\n` });
    const run = runCli(['console'], { cwd: dir, input: STATUS_401 });
    expect(run.status).toBe(0);
    expect(run.stderr.split('\n')[0]).toContain(`settings: ${join(dir, '.env')}`);
    expect(run.stdout).toContain('Pincer ▸');
    expect(runCli(['backup', join(dir, 'copy.db')], { cwd: dir }).status).toBe(0); // the database .env named exists
  });

  it('a DISCORD_TOKEN there starts the bot, not the terminal thread', () => {
    const dir = folder({ '.env': 'DISCORD_TOKEN=fake\n' });
    const run = runCli(['start'], { cwd: dir, input: STATUS_401 });
    expect(run.status).toBe(2);
    expect(run.stdout).not.toContain('Pincer ▸');
    expect(pincerLines(run.stderr)).toContain('pincer: DISCORD_TOKEN (value hidden): does not look like a bot token (dot-separated parts, about 70 characters; Developer Portal → your application → Bot → Reset Token)');
  });

  it('variables already in the environment win over the file', () => {
    const dir = folder({ '.env': 'PINCER_RETENTION_DAYS=forever\nPINCER_DB=:memory:\n' });
    expect(runCli(['console'], { cwd: dir, input: STATUS_401 }).status).toBe(2);
    const run = runCli(['console'], { cwd: dir, input: STATUS_401, env: { PINCER_RETENTION_DAYS: '7' } });
    expect(run.status).toBe(0);
  });

  it('PINCER_ENV_FILE points elsewhere; a missing one is one line, exit 2', () => {
    const other = folder({ 'pincer.env': 'PINCER_RETENTION_DAYS=forever\n' });
    const run = runCli(['console'], { cwd: folder(), input: STATUS_401, env: { PINCER_ENV_FILE: join(other, 'pincer.env') } });
    expect(run.status).toBe(2);
    expect(pincerLines(run.stderr)).toEqual(['pincer: PINCER_RETENTION_DAYS="forever": expects a whole number of days, e.g. 30']);
    const missing = runCli(['console'], { cwd: folder(), env: { PINCER_ENV_FILE: 'nope.env' } });
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim()).toBe('pincer: PINCER_ENV_FILE="nope.env": no such file');
  });
});

describe('bad variables', () => {
  it('are all reported at once, one line each, exit 2', () => {
    const run = runCli(['start'], { env: { DISCORD_TOKEN: 'fake', LOG_LEVEL: 'loud', PINCER_RETENTION_DAYS: 'forever', PINCER_HELP_FORUM_IDS: 'help' } });
    expect(run.status).toBe(2);
    const lines = pincerLines(run.stderr);
    expect(lines).toHaveLength(5);
    expect(lines.join('\n')).toMatch(/LOG_LEVEL="loud"[\s\S]*PINCER_RETENTION_DAYS="forever"[\s\S]*DISCORD_TOKEN \(value hidden\): does not look like a bot token[\s\S]*DISCORD_APPLICATION_ID is not set[\s\S]*PINCER_HELP_FORUM_IDS="help"/);
    expect(run.stderr).not.toContain('internal error');
  });
});

describe('PINCER_DB path problems name the variable, exit 2, one line', () => {
  it.each([
    ['a directory', () => folder(), 'is a directory; expects a database file path'],
    ['a read-only file', () => {
      const file = join(folder(), 'ro.db');
      writeFileSync(file, '');
      chmodSync(file, 0o444);
      return file;
    }, 'is read-only'],
    ['a parent that cannot be created', () => join(folder({ 'plain-file': 'x' }), 'plain-file', 'sub', 'pincer.db'), 'cannot create the folder'],
    ['a file that is not a database', () => join(folder({ 'notes.db': 'just some notes, not SQLite at all '.repeat(200) }), 'notes.db'), 'is not a SQLite database'],
  ])('%s', (_what, path, why) => {
    const db = path();
    const run = runCli(['console'], { input: STATUS_401, env: { PINCER_DB: db } });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringContaining(`pincer: PINCER_DB=${JSON.stringify(db)}: ${why}`)]);
  });
});

/** A loopback port that refuses connections, and one that speaks garbage instead of TLS. */
async function listen(onConnect?: (s: import('node:net').Socket) => void): Promise<{ port: number; server: Server }> {
  const server = createServer(onConnect ?? (() => undefined));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as { port: number }).port, server };
}
const servers: Server[] = [];
afterAll(() => servers.forEach((s) => s.close()));

describe('Discord unreachable', () => {
  it('at start: one line naming what and why, logged too, non-zero exit', async () => {
    const { port, server } = await listen();
    await new Promise((resolve) => server.close(resolve)); // now nothing listens there
    const run = await runCliAsync(['start'], { env: { ...GOOD_BOT, PINCER_DB: ':memory:', LOG_LEVEL: 'info', PINCER_DISCORD_API_URL: `http://127.0.0.1:${port}/api` } });
    expect(run.status).toBe(1);
    expect(pincerLines(run.stderr)).toEqual([`pincer: cannot reach Discord's API (http://127.0.0.1:${port}/api) at 127.0.0.1:${port}: connection refused [ECONNREFUSED]`]);
    const logged = run.stderr.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { level: number; msg: string });
    expect(logged[0]?.msg).toMatch(/^settings: \/dev\/null/); // the first log line names the settings file
    expect(logged.find((l) => l.level === 60)?.msg).toContain('connection refused');
  });

  it('in deploy-commands: a TLS failure is one line, logged, non-zero exit', async () => {
    const garbage = await listen((socket) => socket.end('HTTP/1.1 400 not TLS\r\n\r\n'));
    servers.push(garbage.server);
    const run = await runCliAsync(['deploy-commands'], { env: { ...GOOD_BOT, LOG_LEVEL: 'info', PINCER_DISCORD_API_URL: `https://127.0.0.1:${garbage.port}/api` } });
    expect(run.status).toBe(1);
    const lines = pincerLines(run.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^pincer: cannot reach Discord's API \(https:\/\/127\.0\.0\.1:\d+\/api\).*TLS/);
    expect(run.stderr.split('\n').some((l) => l.startsWith('{') && l.includes('"level":60'))).toBe(true);
  });
});
