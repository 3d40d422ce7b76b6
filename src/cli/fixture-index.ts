/**
 * The golden fixtures on disk (test/fixtures/<branch-id>/*.txt with an expected .json beside),
 * counted per branch: positives expect that branch, near-misses expect anything else. Reads the
 * local repository only (works offline); a missing directory gives an empty index.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BRANCH_IDS } from '../diagnosis/branches/index.ts';

export interface FixtureEntry {
  /** Path relative to the repository root. */
  path: string;
  positive: boolean;
}

export type FixtureIndex = Record<string, FixtureEntry[]>;

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES_DIR = join(REPO_ROOT, 'test', 'fixtures');

/** Reads test/fixtures/ (or `dir`): per branch id, its fixtures with their expected outcome. */
export function readFixtureIndex(dir: string = FIXTURES_DIR): FixtureIndex {
  const index: FixtureIndex = {};
  if (!existsSync(dir)) return index;
  for (const branch of readdirSync(dir, { withFileTypes: true })) {
    // Other stages keep their own fixtures here too (secrets/, threads/ …): only branch ids count.
    if (!branch.isDirectory() || !(BRANCH_IDS as readonly string[]).includes(branch.name)) continue;
    const entries: FixtureEntry[] = [];
    for (const file of readdirSync(join(dir, branch.name)).filter((f) => f.endsWith('.txt')).sort()) {
      const expectedPath = join(dir, branch.name, file.replace(/\.txt$/, '.json'));
      let expected: { branch?: unknown; side_warnings?: unknown };
      try {
        expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as typeof expected;
      } catch {
        continue;
      }
      // Side warnings (secret_in_message) are never the reported branch: their positives expect the warning.
      const warned = Array.isArray(expected.side_warnings) && expected.side_warnings.includes(branch.name);
      entries.push({ path: relative(REPO_ROOT, join(dir, branch.name, file)), positive: expected.branch === branch.name || warned });
    }
    index[branch.name] = entries;
  }
  return index;
}
