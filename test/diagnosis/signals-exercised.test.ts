/**
 * Every declared signal (a rule's `signals`, src/diagnosis/patterns.ts) is exercised by real input:
 * it matches at least one fixture, real OpenClaw capture or corpus case that its rule diagnoses.
 * A signal no input reaches is untested prose and fails here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/diagnosis/branches/index.ts';
import { matchSignal } from '../../src/diagnosis/patterns.ts';
import { FIXTURES_DIR } from '../../src/cli/fixture-index.ts';
import { loadStages, readFixtures, runThread } from './pipeline.ts';

const stages = await loadStages();

/** A capture's thread as its expect.json pastes it (see test/openclaw/captures.test.ts). */
function captureThreads(): { name: string; text: string }[] {
  const root = join(FIXTURES_DIR, 'openclaw');
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((v) => /^\d{4}\.\d+\.\d+$/.test(v))
    .flatMap((v) =>
      readdirSync(join(root, v))
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
          return { name: `openclaw/${v}/${s}`, text };
        }),
    );
}

function corpusCases(): { name: string; text: string }[] {
  const dir = join(FIXTURES_DIR, 'corpus');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as { id: string; input: string })
        .map((c) => ({ name: `corpus/${c.id}`, text: c.input })),
    );
}

const inputs = [
  ...readFixtures().map((f) => ({ name: `${f.branch}/${f.name}`, text: f.text })),
  ...captureThreads(),
  ...corpusCases(),
].map((i) => ({ ...i, ...runThread(i.text, stages) }));

const declared = RULES.flatMap((rule) => (rule.signals ?? []).map((signal, n) => [`${rule.id} #${n + 1}: ${signal.text}`, rule.id, signal] as const));

describe('every declared signal matches real input its rule diagnoses', () => {
  it('there are declared signals and inputs to check them against', () => {
    expect(declared.length).toBeGreaterThan(10);
    expect(inputs.length).toBeGreaterThan(200);
  });

  it.each(declared)('%s', (_name, id, signal) => {
    const hit = inputs.find(
      (i) => (i.diagnosis.branch === id || (i.diagnosis.sideWarnings ?? []).includes(id)) && matchSignal(signal, i.view) !== null,
    );
    expect(hit?.name, `no fixture, capture or corpus case diagnosed as ${id} matches this signal`).toBeDefined();
  });
});
