/**
 * Real OpenClaw output, captured by `npm run fixtures:openclaw` (scripts/openclaw-fixtures/) from
 * the npm packages of every version that matters, one broken or healthy setup per directory:
 * test/fixtures/openclaw/<version>/<setup>/. Nothing here installs or runs OpenClaw.
 *
 * Each setup's expect.json names the branch and the exact next command a helper gives for that
 * version; the real pipeline (ingest → evidence → view → diagnose) must give the same.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareVersions, versionRangeOf } from '../../src/diagnosis/versions.ts';
import { maskSecrets } from '../../src/ingest/secrets.ts';
import { FIXTURES_DIR } from '../../src/cli/fixture-index.ts';
import { loadStages, runThread } from '../diagnosis/pipeline.ts';

const ROOT = join(FIXTURES_DIR, 'openclaw');
const stages = await loadStages();

interface Expect {
  status: string;
  branch: string | null;
  next_command: string | null;
  paste?: string[];
}

interface Capture {
  version: string;
  setup: string;
  dir: string;
  expected: Expect;
  commands: { file: string; argv: string[]; exitCode: number | string }[];
}

const versions = existsSync(ROOT) ? readdirSync(ROOT).filter((v) => /^\d{4}\.\d+\.\d+$/.test(v)).sort(compareVersions) : [];
const captures: Capture[] = versions.flatMap((version) =>
  readdirSync(join(ROOT, version))
    .filter((s) => existsSync(join(ROOT, version, s, 'expect.json')))
    .map((setup) => {
      const dir = join(ROOT, version, setup);
      return {
        version,
        setup,
        dir,
        expected: JSON.parse(readFileSync(join(dir, 'expect.json'), 'utf8')) as Expect,
        commands: JSON.parse(readFileSync(join(dir, 'commands.json'), 'utf8')) as Capture['commands'],
      };
    }),
);

/** The thread a user posts: each pasted file one message; `$ <file>` = typed command, then its output. */
function thread(c: Capture): string {
  return (c.expected.paste ?? ['models-status.txt'])
    .map((item) => {
      const file = item.startsWith('$ ') ? item.slice(2) : item;
      const argv = c.commands.find((x) => x.file === file)?.argv ?? [];
      return `${item.startsWith('$ ') ? `$ ${argv.join(' ')}\n` : ''}${readFileSync(join(c.dir, file), 'utf8')}`;
    })
    .join('=== message ===\n');
}

const within = (v: string, r: { min?: string; max?: string }) =>
  (!r.min || compareVersions(v, r.min) >= 0) && (!r.max || compareVersions(v, r.max) <= 0);

describe('real OpenClaw captures', () => {
  it('cover at least six versions and thirty setups', () => {
    expect(versions.length).toBeGreaterThanOrEqual(6);
    expect(captures.length).toBeGreaterThanOrEqual(30);
  });

  it.for(versions.map((v) => [v] as const))('%s: `openclaw --version` says the version', ([v]) => {
    const { view } = runThread(readFileSync(join(ROOT, v, 'version.txt'), 'utf8'), stages);
    expect(view.version).toBe(v);
    // `models status` on a terminal starts with the banner (`script -qfec`, ANSI stripped).
    const tty = join(ROOT, v, 'models-status-tty.txt');
    if (existsSync(tty)) expect(runThread(readFileSync(tty, 'utf8'), stages).view.version).toBe(v);
  });

  it.for(captures.map((c) => [`${c.version}/${c.setup}`, c] as const))('%s gets its branch and exact command', ([, c]) => {
    const { diagnosis } = runThread(thread(c), stages);
    expect({ status: diagnosis.status, branch: diagnosis.branch, next: diagnosis.nextCommand }).toEqual({
      status: c.expected.status,
      branch: c.expected.branch,
      next: c.expected.next_command,
    });
  });

  const textOnly = captures.filter((c) => !c.expected.paste && c.commands.some((x) => x.file === 'models-status-json.txt'));
  it.for(textOnly.map((c) => [`${c.version}/${c.setup}`, c] as const))('%s: `models status --json` gets the same answer as the text', ([, c]) => {
    const { diagnosis } = runThread(readFileSync(join(c.dir, 'models-status-json.txt'), 'utf8'), stages);
    expect({ branch: diagnosis.branch, next: diagnosis.nextCommand }).toEqual({ branch: c.expected.branch, next: c.expected.next_command });
  });

  it.for(captures.map((c) => [`${c.version}/${c.setup}`, c] as const))('%s: the version its output implies includes the real one', ([, c]) => {
    for (const { file } of c.commands) {
      const { view } = runThread(readFileSync(join(c.dir, file), 'utf8'), stages);
      const range = versionRangeOf(view.records.filter((r) => r.fact.kind === 'version_hint'));
      expect(within(c.version, range), `${file}: ${JSON.stringify(range)}`).toBe(true);
    }
  });

  it.for(captures.map((c) => [`${c.version}/${c.setup}`, c] as const))('%s: models status, order and list are read as such', ([, c]) => {
    const read = (file: string) => (c.commands.some((x) => x.file === file) ? runThread(readFileSync(join(c.dir, file), 'utf8'), stages).kinds : null);
    const status = read('models-status.txt');
    const blocked = readFileSync(join(c.dir, 'models-status.txt'), 'utf8').includes('requires legacy credential migration');
    if (status) expect(status.has(blocked ? 'auth_store_migration' : 'models_status')).toBe(true);
    const order = read('auth-order-get.txt');
    if (order && !blocked) expect(order.has('auth_order')).toBe(true);
    const list = read('auth-list.txt');
    if (list && !blocked) expect(list.has('auth_list')).toBe(true);
  });

  it('hold no full credential (only OpenClaw\'s masked forms)', () => {
    for (const c of captures) {
      for (const { file } of c.commands) {
        expect(maskSecrets(readFileSync(join(c.dir, file), 'utf8')).findings, `${c.version}/${c.setup}/${file}`).toEqual([]);
      }
    }
  });
});
