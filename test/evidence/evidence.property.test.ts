import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractEvidence } from '../../src/evidence/index.ts';
import type { Fact } from '../../src/evidence/facts.ts';
import { ingest } from '../../src/ingest/index.ts';
import { goldenCases } from './golden.ts';

const SEED = 20260313;
const anyText = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string());

/** A fact without where it came from: what was read. */
const what = (f: Fact): unknown => {
  const { source: _s, ...rest } = f;
  return rest;
};

describe('evidence properties', () => {
  it('never throws and always returns valid evidence', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const ev = extractEvidence(text, 'm');
        expect(ev.messageId).toBe('m');
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('reads the same facts from a paste when unrelated chatter surrounds it', () => {
    const pastes = goldenCases()
      .filter((c) => /^(seeds|errors|models-status|auth-order|tui|wizard)\//.test(c.name))
      .map((c) => ingest({ text: readFileSync(c.txtPath, 'utf8') }).text);
    const noiseLine = fc.constantFrom('', 'hey, any ideas?', 'ok so', 'ここにログがあります', '我试了很多次', 'lol', '---', 'see below 👇');
    fc.assert(
      fc.property(fc.constantFrom(...pastes), fc.array(noiseLine, { maxLength: 3 }), fc.array(noiseLine, { maxLength: 3 }), (paste, before, after) => {
        const alone = extractEvidence(paste, 'm').facts.filter((f) => f.kind !== 'statement').map(what);
        const text = [...before, '', paste, '', ...after].join('\n');
        const noisy = extractEvidence(text, 'm').facts.filter((f) => f.kind !== 'statement').map(what);
        expect(noisy).toEqual(alone);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('gives the same evidence for the same text (comparable across messages)', () => {
    const text = readFileSync(goldenCases().find((c) => c.name === 'seeds/001-two-profiles-bash-prompt')!.txtPath, 'utf8');
    expect(JSON.stringify(extractEvidence(text, 'a'))).toBe(JSON.stringify(extractEvidence(text, 'a')));
  });
});
