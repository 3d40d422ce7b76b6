/**
 * The command line as a person types it: --version, Pincer's own one-line errors for unknown
 * options and extra arguments (exit 2, then the usage), and `pincer backup FILE`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli, ROOT, tempDir } from './run-cli.ts';

const TMP = tempDir('cli-args');

describe('the pincer command line', () => {
  it('--version prints the version from package.json', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const run = runCli(['--version']);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(`pincer ${version}`);
  });

  it.each([
    [['diagnose', '--jsn'], 'pincer: diagnose: unknown option --jsn'],
    [['diagnose', 'a.txt', 'b.txt'], 'pincer: diagnose: unexpected argument "b.txt"'],
    [['replay', '--json', 'a.json', 'b.json', 'c.json'], 'pincer: replay: unexpected arguments "b.json" "c.json"'],
    [['console', '--nwe'], 'pincer: console: unknown option --nwe'],
    [['deploy-commands', '--guild'], 'pincer: deploy-commands: option --guild needs a value'],
    [['rules', 'all'], 'pincer: rules: unexpected argument "all"'],
    [['--jsn'], 'pincer: unknown option --jsn'],
    [['diagnoze'], 'pincer: unknown command "diagnoze"'],
  ])('%j: one line of its own, then the usage, exit 2', (args, line) => {
    const run = runCli(args, { input: 'x' });
    expect(run.status).toBe(2);
    const [first, second] = run.stderr.split('\n');
    expect(first).toBe(line);
    expect(second).toMatch(/^usage: pincer <command>/);
    expect(run.stderr).not.toContain('To specify a positional argument'); // not Node's parseArgs text
  });
});

describe('pincer backup FILE', () => {
  it('copies the database while it is open elsewhere, and never overwrites', () => {
    const db = join(TMP, 'live.db');
    expect(runCli(['console'], { input: 'run error: HTTP 401 authentication_error: invalid x-api-key\n', env: { PINCER_DB: db } }).status).toBe(0);
    const open = new Database(db); // the bot holding the database open, WAL mode
    open.prepare("UPDATE threads SET updated_at = updated_at WHERE id LIKE 'terminal:%'").run();
    const copy = join(TMP, 'copy.db');
    const run = runCli(['backup', copy], { env: { PINCER_DB: db } });
    open.close();
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Backed up ${db} to ${copy}`);
    const restored = new Database(copy, { readonly: true });
    expect(restored.prepare("SELECT count(*) AS n FROM threads WHERE channel_kind = 'terminal'").get()).toEqual({ n: 1 });
    restored.close();

    writeFileSync(join(TMP, 'taken.db'), 'keep me');
    const again = runCli(['backup', join(TMP, 'taken.db')], { env: { PINCER_DB: db } });
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('exists already');
    expect(readFileSync(join(TMP, 'taken.db'), 'utf8')).toBe('keep me');
  });
});
