/** Every input text in test/fixtures: `*.txt` files, thread messages and corpus inputs (non-empty). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });

export function fixtureInputs(): string[] {
  const files = walk(FIXTURES);
  const out = files.filter((f) => f.endsWith('.txt')).map((f) => readFileSync(f, 'utf8'));
  for (const f of files.filter((x) => x.includes('/threads/') && x.endsWith('.json'))) {
    for (const m of (JSON.parse(readFileSync(f, 'utf8')) as { messages?: { text?: string }[] }).messages ?? []) if (m.text) out.push(m.text);
  }
  for (const f of files.filter((x) => x.endsWith('.jsonl'))) {
    for (const l of readFileSync(f, 'utf8').split('\n')) if (l.trim()) out.push(String((JSON.parse(l) as { input?: unknown }).input ?? ''));
  }
  return out.filter((t) => t.trim() !== '');
}
