/**
 * The secret corpus through `maskSecrets`: every fake credential in every wrapper leaves no trace
 * (no 10-character piece of its body survives), is reported with its type, and keeps its type
 * prefix in the mask; every look-alike (OpenClaw masks, redactions, placeholders, the real seed
 * threads) comes through untouched.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { maskSecrets } from '../../src/ingest/secrets.ts';
import { FAKE_CREDENTIALS, tracesIn } from '../fixtures/secrets/fake-credentials.ts';
import { NOT_SECRETS } from '../fixtures/secrets/not-secrets.ts';
import { WRAPPERS } from '../fixtures/secrets/wrappers.ts';

const SEED_001 = JSON.parse(readFileSync(new URL('../fixtures/threads/seed-001.json', import.meta.url), 'utf8')) as {
  messages: { role: string; text: string }[];
};

describe('secret corpus × maskSecrets', () => {
  const cases = FAKE_CREDENTIALS.flatMap((c) =>
    WRAPPERS.filter((w) => w.named || c.head !== '' || c.credentialType !== 'secret_value').map((w) => ({ c, w })),
  );

  it.each(cases.map(({ c, w }) => [`${c.credentialType} (${c.variable}) in ${w.name}`, c, w] as const))(
    '%s leaves no trace',
    (_name, c, w) => {
      const { text, findings } = maskSecrets(w.wrap(c));
      expect(tracesIn(text, [c])).toEqual([]);
      expect(findings.length).toBeGreaterThan(0);
      if (c.credentialType !== 'secret_value' && !w.wrapped && w.name !== 'zero-width space inside') {
        const finding = findings.find((f) => f.credentialType === c.credentialType);
        expect(finding?.masked).toBe(`${finding?.masked.split('…')[0]}…${c.secret.slice(-4)}`);
        if (c.head) expect(finding?.masked.startsWith(c.head)).toBe(true);
      }
    },
  );

  it('masks every credential of one long message at once', () => {
    const message = cases.map(({ c, w }) => w.wrap(c)).join('\n\n');
    expect(tracesIn(maskSecrets(message).text, FAKE_CREDENTIALS)).toEqual([]);
  });
});

describe('look-alikes are evidence, not secrets', () => {
  it.each(NOT_SECRETS.map((n) => [n.name, n.text] as const))('%s comes through unchanged', (_name, text) => {
    expect(maskSecrets(text)).toEqual({ text, findings: [] });
  });

  it('the real help thread of seed 001 has no credential in it (masks, redactions and request ids only)', () => {
    expect(SEED_001.messages.length).toBeGreaterThan(10);
    for (const { text } of SEED_001.messages) expect(maskSecrets(text)).toEqual({ text, findings: [] });
  });
});
