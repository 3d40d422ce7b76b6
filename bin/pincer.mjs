#!/usr/bin/env node
// Entry point for `npx pincer …` and `npm start`. Runs the compiled build in dist/bundle/ (made by
// `npm run build`, which `npm ci` runs through `prepare`). When there is no build, or src/ was
// changed after it (a `git pull` without `npm ci`, a developer's edit), it runs the TypeScript
// sources through tsx instead (a dev dependency), so what runs is never older than src/.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = join(root, 'dist', 'bundle', 'main.js');
const stamp = join(root, 'dist', '.built');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

// `pincer start`: V8 keeps its heap near what is live (start-flags.mjs), before anything allocates.
if (process.argv[2] === 'start') (await import('./start-flags.mjs')).applyStartFlags();

const current = existsSync(built) && existsSync(stamp) && (!existsSync(join(root, 'src')) || statSync(stamp).mtimeMs >= newestSource(join(root, 'src')));
// Node 22.1+: keep V8's compiled code between runs (a no-op on Node 20).
(await import('node:module')).enableCompileCache?.();
let main;
if (current) {
  ({ main } = await import('../dist/bundle/main.js'));
} else {
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    if (!existsSync(built)) {
      console.error('pincer: no build in dist/ and no tsx to run the sources: run `npm run build` (or `npm ci`)');
      process.exit(2);
    }
  }
  if (register) {
    register();
    ({ main } = await import('../src/cli/main.ts'));
  } else {
    ({ main } = await import('../dist/bundle/main.js'));
  }
}
process.exitCode = await main(process.argv.slice(2));
