/**
 * Every input the repository holds, as pastes to run through the pipeline: each .txt under
 * test/fixtures/ on its own (golden fixtures, evidence captures, seeds, single capture files),
 * each OpenClaw capture's pasted thread (expect.json), each thread JSON's author messages, and
 * each corpus case. Used by ./dump.ts and ./signals-exercised.test.ts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { FIXTURES_DIR } from '../../src/cli/fixture-index.ts';

export interface Input {
  name: string;
  text: string;
}

function txtFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return txtFiles(path);
      return name.endsWith('.txt') ? [path] : [];
    });
}

/** A capture's thread as its expect.json pastes it (as test/openclaw/captures.test.ts builds it). */
function captureThreads(): { name: string; text: string }[] {
  const root = join(FIXTURES_DIR, 'openclaw');
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((v) => /^\d{4}\.\d+\.\d+$/.test(v))
    .sort()
    .flatMap((v) =>
      readdirSync(join(root, v))
        .sort()
        .filter((s) => existsSync(join(root, v, s, 'expect.json')))
        .map((s) => {
          const dir = join(root, v, s);
          const paste = (JSON.parse(readFileSync(join(dir, 'expect.json'), 'utf8')) as { paste?: string[] }).paste ?? ['models-status.txt'];
          const commands = JSON.parse(readFileSync(join(dir, 'commands.json'), 'utf8')) as { file: string; argv: string[] }[];
          const text = paste
            .map((item) => {
              const file = item.startsWith('$ ') ? item.slice(2) : item;
              const argv = commands.find((c) => c.file === file)?.argv ?? [];
              return `${item.startsWith('$ ') ? `$ ${argv.join(' ')}\n` : ''}${readFileSync(join(dir, file), 'utf8')}`;
            })
            .join('=== message ===\n');
          return { name: `capture:${v}/${s}`, text };
        }),
    );
}

function threadJsons(): { name: string; text: string }[] {
  const dir = join(FIXTURES_DIR, 'threads');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const t = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { messages: { role: string; text: string }[] };
      const text = t.messages.filter((m) => m.role === 'user').map((m) => m.text).join('\n=== message ===\n');
      return { name: `thread:${f}`, text };
    });
}

export interface Case {
  id: string;
  input: string;
  openclaw_version?: string | null;
}
export function corpusCases(): (Case & { file: string })[] {
  const dir = join(FIXTURES_DIR, 'corpus');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => ({ ...(JSON.parse(l) as Case), file: f })),
    );
}

/** All inputs, in a stable order; `corpus:` cases as bare pastes. */
export function allInputs(): Input[] {
  return [
    ...txtFiles(FIXTURES_DIR).map((p) => ({ name: relative(FIXTURES_DIR, p), text: readFileSync(p, 'utf8') })),
    ...captureThreads(),
    ...threadJsons(),
    ...corpusCases().map((c) => ({ name: `corpus:${c.file}:${c.id}`, text: c.input })),
  ];
}
