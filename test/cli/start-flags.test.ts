/**
 * `pincer start` runs with the V8 settings that keep the bot small (bin/start-flags.mjs, issue 17):
 * `npm start` puts the launch-only flags on node's command line, and every flag is one this node
 * knows (V8 ignores a misspelt flag set at run time without a word, so a typo would silently
 * bring back the larger heap).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { START_NODE_FLAGS, START_V8_FLAGS } from '../../bin/start-flags.mjs';
import { ROOT } from './run-cli.ts';

const flagName = (flag: string) => flag.replace(/^--/, '').replace(/=.*$/, '').replace(/_/g, '-');

describe('pincer start V8 settings', () => {
  it('npm start passes the launch-only flags to node, before the bin', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const words = pkg.scripts.start!.split(/\s+/);
    expect(words[0]).toBe('node');
    const bin = words.indexOf('bin/pincer.mjs');
    expect(words.slice(1, bin)).toEqual([...START_NODE_FLAGS]);
    expect(words.slice(bin + 1)).toEqual(['start']);
  });

  it("README's systemd unit starts node with the same flags", () => {
    const exec = readFileSync(join(ROOT, 'README.md'), 'utf8').match(/^ExecStart=(.*)$/m)?.[1];
    expect(exec?.split(/\s+/)).toEqual(['/usr/bin/node', ...START_NODE_FLAGS, 'bin/pincer.mjs', 'start']);
  });

  it('every flag is one this node accepts', () => {
    execFileSync(process.execPath, [...START_NODE_FLAGS, '-e', '0']); // throws on an unknown flag
    const known = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
    for (const flag of START_V8_FLAGS) expect(known).toContain(`--${flagName(flag)} `);
  });
});
