/**
 * The prose parser runs only the rules whose required literals one keyword scan finds in a line
 * (src/evidence/error-prose.ts, src/text/keyword-gate.ts). This reads every fixture and corpus
 * input with and without the gate and expects the same statements, every line read both as plain
 * prose and as an error line.
 */
import { describe, expect, it } from 'vitest';
import { parseErrorProse } from '../../src/evidence/error-prose.ts';
import { prepareLines } from '../../src/evidence/lines.ts';
import { fixtureInputs } from './fixture-inputs.ts';

describe('error prose: the keyword look first', () => {
  const all = fixtureInputs();

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
