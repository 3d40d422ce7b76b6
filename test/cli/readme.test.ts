/** README.md shows what Pincer really does: its `diagnose --json` example is real output. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.ts';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('README.md', () => {
  it('the diagnose --json example is the output for the example paste (reply shortened)', () => {
    const example = /\*\*Example\.\*\*.*\n\n```\n([\s\S]*?)\n\.\n```/.exec(readme)?.[1];
    const shown = /```json\n(\{"status"[\s\S]*?\})\n```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    expect(shown).toBeDefined();
    const documented = JSON.parse(shown!) as Record<string, unknown>;
    const run = runCli(['diagnose', '--json', '-'], { input: example! });
    const real = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(documented).sort()).toEqual(Object.keys(real).sort());
    const { reply, candidates, ...rest } = documented;
    expect(real).toMatchObject(rest);
    expect((real.candidates as string[])[0]).toBe((candidates as string[])[0]);
    expect(real.candidates).toEqual(expect.arrayContaining(candidates as string[]));
    expect(real.reply).toContain(String(reply).replace(/…$/, ''));
  });

  it('keeps the two set-up commands on its first screen', () => {
    const firstScreen = readme.split('\n').slice(0, 20).join('\n');
    expect(firstScreen).toContain('npm ci && npm start');
    expect(firstScreen).toContain('npm ci && npm test');
  });
});
