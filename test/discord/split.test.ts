import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitMessage } from '../../src/discord/split.ts';

describe('splitting a reply into Discord messages', () => {
  it('keeps a short reply as one message', () => {
    expect(splitMessage('Run `openclaw models status`.')).toEqual(['Run `openclaw models status`.']);
  });

  it('cuts a long reply at line boundaries, every message at most 2000 characters', () => {
    const lines = Array.from({ length: 120 }, (_, i) => `line ${i}: ${'x'.repeat(30)}`);
    const chunks = splitMessage(lines.join('\n'));
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(2000);
    expect(chunks.join('\n')).toBe(lines.join('\n'));
  });

  it('closes a code block at a cut and reopens it with its language in the next message', () => {
    const body = Array.from({ length: 100 }, (_, i) => `openclaw output line ${i} ${'y'.repeat(20)}`).join('\n');
    const chunks = splitMessage(`Here is what I read:\n\`\`\`bash\n${body}\n\`\`\`\nDone.`);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks[0]!.endsWith('\n```')).toBe(true);
    expect(chunks[1]!.startsWith('```bash\n')).toBe(true);
    for (const c of chunks) expect((c.match(/```/g) ?? []).length % 2).toBe(0);
  });

  it('cuts a single line longer than a message', () => {
    const chunks = splitMessage('z'.repeat(4500));
    expect(chunks.map((c) => c.length)).toEqual([2000, 2000, 500]);
  });

  it('never produces a message over the limit (property)', () => {
    const line = fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom('```', '```json', ''), fc.string({ minLength: 150, maxLength: 400 }));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), fc.integer({ min: 100, max: 2000 }), (lines, limit) => {
        const text = lines.join('\n');
        const chunks = splitMessage(text, limit);
        for (const c of chunks) expect(c.length).toBeLessThanOrEqual(limit);
        if (text.length > 0 && text.trim() !== '') expect(chunks.length).toBeGreaterThan(0);
      }),
    );
  });
});
