/**
 * The compiled build: `npm run build` writes dist/ (and the bundle in dist/bundle/); the bin runs the compiled
 * JavaScript (no tsx, no TypeScript at run time). `pincer diagnose` loads only what it needs:
 * not discord.js, not the logger, not SQLite.
 */
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requiredLiterals } from '../../src/text/required-literals.ts';
import { BIN, ROOT, tempDir } from './run-cli.ts';

const TMP = tempDir('build');

describe('npm run build', () => {
  it('builds dist/, and the bin runs it: diagnose loads neither tsx, discord.js, pino nor SQLite', () => {
    execSync('npm run -s build', { cwd: ROOT, stdio: 'pipe', timeout: 240_000 });
    expect(existsSync(join(ROOT, 'dist/bundle/main.js'))).toBe(true);
    const trace = join(TMP, 'loads.txt');
    const paste = join(TMP, 'paste.txt');
    writeFileSync(paste, 'run error: HTTP 401 authentication_error: invalid x-api-key\n');
    writeFileSync(trace, '');
    const run = spawnSync(process.execPath, ['--import', join(ROOT, 'test/cli/load-trace.mjs'), BIN, 'diagnose', '--json', paste], {
      cwd: TMP,
      env: { PATH: process.env.PATH ?? '', PINCER_LOAD_TRACE: trace },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'needs_evidence' });
    const loaded = readFileSync(trace, 'utf8').split('\n').filter(Boolean);
    expect(loaded).toContainEqual(expect.stringMatching(/\/dist\/bundle\/main\.js$/));
    // The build works out the keyword gates' literals once; they must be what the function gives.
    const table = JSON.parse(readFileSync(join(ROOT, 'dist/required-literals.json'), 'utf8')) as Record<string, string[] | null>;
    expect(Object.keys(table).length).toBeGreaterThan(100);
    for (const [key, literals] of Object.entries(table)) {
      const slash = key.indexOf('/');
      expect(requiredLiterals(new RegExp(key.slice(slash + 1), key.slice(0, slash))), key).toEqual(literals);
    }
    const unwanted = loaded.filter((u) => /\/src\/.*\.ts$|node_modules\/(tsx|esbuild|discord\.js|@discordjs|pino|pino-pretty|better-sqlite3|marked|marked-terminal|chalk)\//.test(u));
    expect(unwanted).toEqual([]);
  }, 300_000);

  it('tsx is a dev tool only, not a runtime dependency', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string>; scripts: Record<string, string> };
    expect(pkg.dependencies.tsx).toBeUndefined();
    expect(pkg.devDependencies.tsx).toBeDefined();
    expect(pkg.scripts.prepare).toBe('npm run build'); // `npm ci && npm start` stays the whole set-up
  });
});
