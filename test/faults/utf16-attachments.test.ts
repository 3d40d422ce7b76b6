// Issue 15 #11: a text file PowerShell 5 wrote with `>` (UTF-16LE with a BOM) was rejected as
// binary. Decoded by its BOM (UTF-16LE and UTF-16BE), it is read and diagnosed like UTF-8.
import { describe, expect, it } from 'vitest';
import { diagnoseOnce } from '../../src/pipeline/pipeline.ts';
import { seedText } from '../e2e/harness/seed.ts';

function utf16(text: string, order: 'le' | 'be'): Uint8Array {
  const le = Buffer.from(`\ufeff${text}`, 'utf16le');
  if (order === 'le') return new Uint8Array(le);
  const be = Buffer.alloc(le.length);
  for (let i = 0; i + 1 < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1]!, le[i]!];
  return new Uint8Array(be);
}

const paste = seedText(0).replace(/\n/g, '\r\n');
const asUtf8 = diagnoseOnce('', [{ name: 'out.txt', bytes: new Uint8Array(Buffer.from(paste)) }]);

describe('a UTF-16 text attachment', () => {
  it('the UTF-8 paste is diagnosed (the comparison below means something)', () => {
    expect(asUtf8.outcome.status).toBe('needs_evidence');
    expect(asUtf8.outcome.nextCommand).not.toBeNull();
  });
  it.each(['le', 'be'] as const)('UTF-16%s with a BOM: read, no "binary" note, same next step as UTF-8', (order) => {
    const r = diagnoseOnce('', [{ name: 'out.txt', bytes: utf16(paste, order) }]);
    expect(r.notes.map((n) => n.code)).toEqual([]);
    expect(r.outcome.status).toBe(asUtf8.outcome.status);
    expect(r.outcome.nextCommand).toEqual(asUtf8.outcome.nextCommand);
  });
});
