import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/index.ts';

const SEED = 20260313;
/** Pieces real pastes are made of, mixed with arbitrary text. */
const pasteish = fc.array(
  fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.constantFrom('\r\n', '\r', '\u001b[31m', '\u001b[0m', '[0m', '\u200b', '\u00a0', 'â—†', 'â””', 'ðŸ¦ž', 'Ā·', 'β€’', '• ', '```', '[local] ', 'sk-ant-api03-', 'FAKEfakeFAKEfakeFAKEfake', '\ud800', '\udc00', '\u0000'),
  ),
  { maxLength: 30 },
).map((parts) => parts.join(''));

describe('ingest properties', () => {
  it('never throws, on any string including lone surrogates and NUL', () => {
    fc.assert(
      fc.property(pasteish, (text) => {
        const out = ingest({ text });
        expect(typeof out.text).toBe('string');
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('is idempotent: cleaning clean text changes nothing', () => {
    fc.assert(
      fc.property(pasteish, (text) => {
        const once = ingest({ text }).text;
        expect(ingest({ text: once }).text).toBe(once);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('never lets a full key through, whatever surrounds it', () => {
    const key = 'sk-ant-api03-' + 'FAKEfake'.repeat(10);
    fc.assert(
      fc.property(pasteish, pasteish, (before, after) => {
        expect(ingest({ text: `${before} ${key} ${after}` }).text).not.toContain(key);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});
