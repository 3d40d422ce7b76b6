/**
 * The repository stands alone: nothing in it reads or links outside it, its docs are in docs/,
 * and docs/branches.md is what the rules generate today (`npm run docs` regenerates it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulesMarkdown } from '../../src/cli/rules-markdown.ts';
import { RULES } from '../../src/diagnosis/branches/index.ts';
import { ROOT } from './run-cli.ts';

const tracked = (): string[] => execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);

describe('a repository that stands alone', () => {
  it('no tracked file reads or links the workspace folder beside the repository', () => {
    const outside = new RegExp(`(\\.\\./)+${'shared'}\\b|/work/${'shared'}\\b`);
    const reaching = tracked()
      .filter((f) => /\.(ts|mjs|js|json|md|sh|sql)$|^\.ci\/|^package\.json$/.test(f) && existsSync(join(ROOT, f)))
      .filter((f) => outside.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(reaching).toEqual([]);
  });

  it('every relative link in README.md and docs/ points at a file in the repository', () => {
    const broken: string[] = [];
    for (const doc of ['README.md', 'docs/design.md', 'docs/branches.md']) {
      const text = readFileSync(join(ROOT, doc), 'utf8');
      for (const [, target] of text.matchAll(/\]\((?!https?:|#|mailto:)([^)#\s]+)/g)) {
        if (!existsSync(join(ROOT, dirname(doc), target!))) broken.push(`${doc} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('docs/branches.md is current: regenerate it with `npm run docs`', () => {
    const committed = readFileSync(join(ROOT, 'docs/branches.md'), 'utf8');
    expect(committed).toBe(rulesMarkdown());
    for (const rule of RULES) expect(committed).toContain(`### \`${rule.id}\``);
  });

  it('has the LICENSE package.json names', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { license: string };
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
  });
});
