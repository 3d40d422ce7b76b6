/**
 * The golden fixtures on disk (test/fixtures/<branch-id>/*.txt with an expected .json beside),
 * counted per branch: positives expect that branch, near-misses expect anything else. Reads the
 * local repository only (works offline); a missing directory gives an empty index.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

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
    if (!branch.isDirectory()) continue;
    const entries: FixtureEntry[] = [];
    for (const file of readdirSync(join(dir, branch.name)).filter((f) => f.endsWith('.txt')).sort()) {
      const expectedPath = join(dir, branch.name, file.replace(/\.txt$/, '.json'));
      let expectedBranch: unknown = null;
      try {
        expectedBranch = (JSON.parse(readFileSync(expectedPath, 'utf8')) as { branch?: unknown }).branch;
      } catch {
        continue;
      }
      entries.push({ path: relative(REPO_ROOT, join(dir, branch.name, file)), positive: expectedBranch === branch.name });
    }
    index[branch.name] = entries;
  }
  return index;
}
