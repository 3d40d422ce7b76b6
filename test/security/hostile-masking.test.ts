/**
 * The secret masker survives anything a user can paste, and masks wherever a key sits: fast-check
 * with a fixed seed and bounded runs, plus the named hostile inputs (no timing: `npm run bench`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskSecrets } from '../../src/ingest/secrets.ts';
import { ADVERSARIAL_INPUTS } from '../fixtures/adversarial.ts';
import { FAKE_CREDENTIALS, tracesIn } from '../fixtures/secrets/fake-credentials.ts';
import { WRAPPERS } from '../fixtures/secrets/wrappers.ts';

const FC = { seed: 20261121, numRuns: 300 } as const;

/** Strings of any UTF-16 code units: lone surrogates, NUL, control characters, emoji halves. */
const anyText = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 200 });
/** Strings near the masker's grammar: heads, separators, quotes, line breaks, dots. */
const grammarText = fc.string({
  unit: fc.constantFrom('sk-ant-api03-', 'sk-', 'gsk_', 'AIza', 'TOKEN', '=', ':', '"', "'", '\n', ' ', '...', '…', 'Ab9', 'x', '_', '-', '.', '@', '://', 'Bearer '),
  maxLength: 60,
});

describe('maskSecrets on hostile input', () => {
  it.each(ADVERSARIAL_INPUTS.map((a) => [a.name, a.text] as const))('%s: returns, masks nothing it should not', (_n, text) => {
    const { text: out, findings } = maskSecrets(text);
    expect(typeof out).toBe('string');
    expect(tracesIn(out, FAKE_CREDENTIALS)).toEqual([]);
    for (const f of findings) expect(f.masked).toContain('…');
  });

  it('never throws and is idempotent on arbitrary UTF-16', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, grammarText), (s) => {
        const once = maskSecrets(s);
        expect(maskSecrets(once.text)).toEqual({ text: once.text, findings: [] });
      }),
      FC,
    );
  });

  it('masks a credential in any wrapper between arbitrary lines of text', () => {
    fc.assert(
      fc.property(
        fc.oneof(anyText, grammarText),
        fc.constantFrom(...FAKE_CREDENTIALS),
        fc.constantFrom(...WRAPPERS),
        fc.oneof(anyText, grammarText),
        (before, c, w, after) => {
          if (!w.named && c.credentialType === 'secret_value') return;
          const { text } = maskSecrets(`${before}\n${w.wrap(c)}\n${after}`);
          expect(tracesIn(text, [c])).toEqual([]);
        },
      ),
      FC,
    );
  });
});
