/**
 * The keyword gate (src/text/keyword-gate.ts) lets a reader run only the regexes whose required
 * literals (src/text/required-literals.ts) are in a line. A literal a regex can match without would
 * make the reader skip a line it reads today: these tests read every fixture and corpus line with
 * every gated regex and fail on any match whose line the gate would have skipped.
 */
import { describe, expect, it } from 'vitest';
import { PROSE_GATE } from '../../src/evidence/error-prose.ts';
import { prepareLines } from '../../src/evidence/lines.ts';
import { STATEMENT_GATE } from '../../src/evidence/statements.ts';
import { keywordGate, type KeywordGate } from '../../src/text/keyword-gate.ts';
import { fold, requiredLiterals } from '../../src/text/required-literals.ts';
import { fixtureInputs } from './fixture-inputs.ts';

describe('required literals of a regex', () => {
  it('reads literals through alternation, optional parts, classes and escapes', () => {
    expect(requiredLiterals(/\bapi[ _-]?keys?\b|\boauth\b/i)).toEqual(['oauth', 'apikey', 'api key', 'api_key', 'api-key']);
    expect(requiredLiterals(/\b(?:40[13]|429)\b/)).toEqual(['401', '403', '429']);
    expect(requiredLiterals(/^(?:i have |i got |)(?:the )?first(?: one)?[.!]*$/i)).toEqual(['first']);
    expect(requiredLiterals(/(?<=foo)bar(?!baz)/)).toEqual(['bar']);
    expect(requiredLiterals(/x\u0041\x42\.y/)).toEqual(['xAB.y']);
    expect(requiredLiterals(/\{\s*"a"/)).toEqual(['"a"']);
    expect(requiredLiterals(/报错|失败/)).toEqual(['报错', '失败']);
  });

  it('cuts long literals to their first 8 characters and drops a literal that holds another', () => {
    expect(requiredLiterals(/authentication|auth\b/i)).toEqual(['auth']);
    expect(requiredLiterals(/generativelanguage/)).toEqual(['generati']);
  });

  it('requires nothing where a match needs no fixed text, or the syntax is not read', () => {
    for (const re of [/a*/, /\w+\s\w+/, /(?:abc)?/, /a|\d/, /\1|(b)/, /abc/u, /[^x]yz|q?/]) expect(requiredLiterals(re)).toBeNull();
  });

  it('folds case as a regex without the u flag does', () => {
    expect(fold('sk-Ant')).toBe('SK-ANT');
    // U+017F (long s) upper-cases to ASCII S, which /s/i does not match: it stays itself.
    expect(fold('\u017f')).toBe('\u017f');
    expect(/s/i.test('\u017f')).toBe(false);
  });
});

describe('keyword gate', () => {
  it('finds every literal in one scan, overlapping and nested ones too, in any case', () => {
    const gate = keywordGate([/oauth/i, /auth/i, /authenticat\w*/i, /\btoken\b/, /\d+/]);
    expect([...gate.scan('XOAUTHENTICATION')]).toEqual([1, 1, 1, 0, 1]);
    expect([...gate.scan('a TOKEN')]).toEqual([0, 0, 0, 1, 1]);
    expect([...gate.scan('nothing here')]).toEqual([0, 0, 0, 0, 1]);
  });

  const gates: [string, KeywordGate][] = [
    ['error prose', PROSE_GATE],
    ['statements', STATEMENT_GATE],
  ];
  const lines = [...new Set(fixtureInputs().flatMap((text) => prepareLines(text).lines.flatMap((l) => [l.text, l.text.trim()])))];

  for (const [name, gate] of gates) {
    it(`${name}: no regex matches a fixture or corpus line without one of its literals`, () => {
      expect(lines.length).toBeGreaterThan(2_000);
      const skipped: string[] = [];
      let matches = 0;
      gate.patterns.forEach((re, i) => {
        const literals = gate.literals[i];
        if (!literals) return;
        const folded = literals.map(fold);
        for (const line of lines) {
          const m = re.exec(line);
          if (!m) continue;
          matches++;
          // The literal is in the matched text itself, not only somewhere in the line.
          if (!folded.some((l) => fold(m[0]).includes(l))) skipped.push(`${re.source.slice(0, 40)} ⟵ ${m[0].slice(0, 80)}`);
          if (!gate.scan(line)[i]) skipped.push(`scan: ${re.source.slice(0, 40)} ⟵ ${line.slice(0, 80)}`);
        }
      });
      expect(skipped).toEqual([]);
      expect(matches).toBeGreaterThan(100);
    });
  }
});
