/**
 * The prose parser skips a line unless one keyword look (MAYBE in src/evidence/error-prose.ts)
 * finds a word one of its regexes needs. A regex added without its word there would silently go
 * unread: this reads every fixture and corpus input with and without the look and expects the
 * same statements, every line read both as plain prose and as an error line.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseErrorProse } from '../../src/evidence/error-prose.ts';
import { prepareLines } from '../../src/evidence/lines.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });

/** Every text in the fixtures: `*.txt`, thread messages and corpus inputs. */
function texts(): string[] {
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

describe('error prose: the keyword look first', () => {
  const all = texts();

  it('reads the same statements as every regex on every line, over all fixtures and corpus cases', () => {
    expect(all.length).toBeGreaterThan(300);
    const ctx = { messageId: 'm' };
    let statements = 0;
    for (const text of all) {
      // Each line alone, so that a topic found earlier in the text cannot hide a later line.
      for (const line of prepareLines(text).lines) {
        const one = [line];
        for (const errorLines of [new Set<number>(), new Set([line.start])]) {
          const fast = parseErrorProse(errorLines)(one, ctx);
          const full = parseErrorProse(errorLines, false)(one, ctx);
          if (JSON.stringify(fast) !== JSON.stringify(full)) expect({ line: line.text, facts: fast }).toEqual({ line: line.text, facts: full });
          statements += full.length;
        }
      }
    }
    expect(statements).toBeGreaterThan(100);
  });
});
