#!/usr/bin/env node
// `npm run build`: type-checks and compiles src/ to dist/ with tsc (tsconfig.build.json), then
// bundles the CLI with esbuild into dist/bundle/ — one chunk per subcommand, zod and Pincer's own
// modules inlined, packages with native code, workers or heavy start-up left to node_modules —
// so a cold `pincer diagnose` reads a few files instead of ~500. src/ imports zod as a namespace
// (`import * as z from 'zod'`): esbuild then keeps only the parts used, not zod's 63 other locales (0.2 MB
// to compile at start instead of 0.75 MB). Last, it stamps dist/.built:
// bin/pincer.mjs runs the bundle only when that stamp is newer than every file in src/.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
rmSync(new URL('../dist/bundle', import.meta.url), { recursive: true, force: true }); // no chunk of an older build left behind
// The keyword gates' required literals, worked out now instead of at every cold start (the same
// function on the same patterns; dist/required-literals.json is what the tests compare).
const literals = await requiredLiteralTable();
writeFileSync(new URL('../dist/required-literals.json', import.meta.url), `${JSON.stringify(literals, null, 1)}\n`);
const { metafile } = await build({
  absWorkingDir: root,
  // main.js is what bin/pincer.mjs runs; bot.js (the chunk `start` loads) gets a stable name so the bench runs the same code.
  entryPoints: ['dist/cli/main.js', 'dist/cli/bot.js'],
  outdir: 'dist/bundle', // two levels below the root, like src/<stage>/: relative paths to migrations/ and package.json hold
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['better-sqlite3', 'discord.js', 'pino', 'pino-pretty', 'marked', 'marked-terminal', 'chalk'],
  logLevel: 'warning',
  metafile: true,
  define: { PINCER_REQUIRED_LITERALS: JSON.stringify(literals) },
});
// `import { z } from 'zod'` anywhere in src/ brings every zod locale back into the start-up chunk.
const locales = Object.values(metafile.outputs).flatMap((o) => Object.entries(o.inputs)).filter(([f, i]) => i.bytesInOutput > 0 && /zod\/v4\/locales\/(?!en\.js)/.test(f));
if (locales.length > 0) console.warn(`build: the bundle holds ${locales.length} zod locales: import zod as \`import * as z from 'zod'\` in src/`);
writeFileSync(new URL('../dist/.built', import.meta.url), new Date().toISOString());

/** `flags/source` → requiredLiterals(pattern), for every pattern of the gates and every credential head, from tsc's dist/. */
async function requiredLiteralTable() {
  const dist = (path) => import(new URL(`../dist/${path}`, import.meta.url).href);
  const { requiredLiterals } = await dist('text/required-literals.js');
  const gates = [(await dist('evidence/statements.js')).STATEMENT_GATE, (await dist('evidence/error-prose.js')).PROSE_GATE, (await dist('evidence/environment.js')).ENVIRONMENT_GATE];
  const heads = (await dist('ingest/secret-patterns.js')).KEY_PATTERNS.map((p) => p.head);
  const table = {};
  for (const re of [...gates.flatMap((g) => g.patterns), ...heads]) table[`${re.flags}/${re.source}`] = requiredLiterals(re);
  return table;
}
