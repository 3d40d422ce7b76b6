// Issue 15 #2: pieces of a key reached the database when the paste was wrapped by a terminal
// (`[local] ` before each line), quoted (`> `), JSON-escaped (`\/`), URL-encoded (`%2D`) or
// base64-encoded. Each paste is piped into the real `pincer console --new` (a child process
// over a SQLite file); then the file and its WAL hold no 16-character window of the key.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { databaseText } from '../security/traces.ts';
import { KEY, WRAPPED_PASTES, keyWindows } from './key-wrappings.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'pincer-fragments-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pipeIntoConsole(dbPath: string, paste: string): { status: number | null; stdout: string } {
  const env: Record<string, string | undefined> = { ...process.env, PINCER_DB: dbPath, LOG_LEVEL: 'error' };
  delete env.DISCORD_TOKEN;
  const r = spawnSync(process.execPath, ['bin/pincer.mjs', 'console', '--new'], { cwd: ROOT, env, input: `${paste}\n`, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout };
}

describe('a key wrapped, quoted or encoded, piped into pincer console', () => {
  it('the windows searched for are real pieces of the pasted text', () => {
    const all = Object.values(WRAPPED_PASTES).join('\n');
    expect(keyWindows().filter((w) => all.includes(w)).length).toBeGreaterThan(100);
    expect(KEY.length).toBe(108);
  });

  it.each(Object.entries(WRAPPED_PASTES))('%s: no 16-character window of the key in the SQLite file or its WAL', (name, paste) => {
    const dbPath = join(dir, `${name.replace(/[^a-z0-9]+/gi, '-')}.db`);
    const run = pipeIntoConsole(dbPath, paste);
    expect(run.status).toBe(0);
    const stored = databaseText(dbPath);
    expect(stored).toContain('sk-ant-api03-…'); // the message was stored, masked
    const found = keyWindows().filter((w) => stored.includes(w) || run.stdout.includes(w));
    expect(found).toEqual([]);
  }, 60_000);
});
