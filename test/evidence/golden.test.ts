import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Evidence } from '../../src/evidence/facts.ts';
import { goldenCases, readFixture } from './golden.ts';

describe('golden evidence fixtures', () => {
  const cases = goldenCases();
  it('has fixtures, each with its expected evidence', () => {
    expect(cases.length).toBeGreaterThan(40);
    for (const c of cases) expect(existsSync(c.jsonPath), `${c.name}.json missing`).toBe(true);
  });
  for (const c of cases) {
    it(`reads ${c.name} as expected`, () => {
      const expected = Evidence.parse(JSON.parse(readFileSync(c.jsonPath, 'utf8')));
      expect(readFixture(c.txtPath)).toEqual(expected);
    });
  }
});
