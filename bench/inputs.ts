/**
 * Bench inputs: every golden fixture text in test/fixtures (the seeds' pastes and the reference
 * formats), the seed threads' user messages, inputs of 100 B … 1 MB built from those texts, and
 * the adversarial set of test/fixtures/adversarial.ts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../test/fixtures/', import.meta.url));

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** All fixture texts: `*.txt` files and the `text` of every message in `threads/*.json`. */
export function fixtureTexts(): string[] {
  const files = walk(FIXTURES);
  const txt = files.filter((f) => f.endsWith('.txt')).map((f) => readFileSync(f, 'utf8'));
  const threads = files
    .filter((f) => f.includes('/threads/') && f.endsWith('.json'))
    .flatMap((f) => (JSON.parse(readFileSync(f, 'utf8')).messages as { text: string }[]).map((m) => m.text));
  return [...txt, ...threads].filter((t) => t.trim() !== '');
}

export const SIZES = [100, 1_000, 10_000, 100_000, 1_000_000] as const;

/** A realistic input of `bytes` (UTF-8, within a few bytes): fixture texts joined until long enough. */
export function inputOfSize(texts: readonly string[], bytes: number): string {
  let out = '';
  for (let i = 0; Buffer.byteLength(out) < bytes; i++) out += `${texts[i % texts.length]}\n`;
  let cut = out.slice(0, bytes);
  while (Buffer.byteLength(cut) > bytes) cut = cut.slice(0, -1);
  return cut;
}
