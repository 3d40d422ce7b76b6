/**
 * A big paste (a gateway log or a Discord `message.txt` near 1 MB) is masked exactly as its parts
 * are: a credential is found where it sits, whatever comes before it, so the masked whole equals
 * the masked parts joined, and no fake credential survives anywhere in it. Fake credentials only.
 */
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/index.ts';
import { maskSecrets } from '../../src/ingest/secrets.ts';
import { FAKE_CREDENTIALS, tracesIn } from '../fixtures/secrets/fake-credentials.ts';
import { NOT_SECRETS } from '../fixtures/secrets/not-secrets.ts';
import { WRAPPERS } from '../fixtures/secrets/wrappers.ts';

/** Lines a long paste is mostly made of: `key=value` fields, URLs, JSON, tables, no secret. */
const FILLER = [
  '2026-03-13T10:00:00.123Z info gateway run=7f3a model=anthropic/claude-sonnet-4-6 provider=anthropic status=200 ms=812',
  'embedded run agent end: runId=abc123 model=claude-sonnet-4-6 provider=anthropic error=none',
  'Config        : ~/.openclaw/openclaw.json',
  '- anthropic effective=profiles:~/.openclaw/agents/main/agent/auth-profiles.json | profiles=1 (oauth=0, token=1, api_key=0) | anthropic:manual=token:sk-ant-o...c2VtQ0Aa',
  '{ "id": "main", "url": "https://example.invalid/docs?page=2", "retries": 3 }',
  'fetched https://registry.example.invalid/pkg/-/pkg-1.0.0.tgz in 120ms',
  '│ anthropic/claude-sonnet-4-6 │ anthropic:manual (token) │ ok · 812ms │',
];

/** Every credential in every wrapper it can be recognised in (a bare value needs its name). */
const PARTS = [
  ...FAKE_CREDENTIALS.flatMap((c) => WRAPPERS.filter((w) => w.named || c.credentialType !== 'secret_value').map((w) => w.wrap(c))),
  ...NOT_SECRETS.map((n) => n.text),
  ...FILLER,
];

/** Every part, then filler, again and again until about 1 MB; parts apart by a blank line. */
function bigPaste(): string[] {
  const out: string[] = [];
  for (let size = 0, i = 0; size < 1_000_000; i++) {
    const part = i % 3 === 2 ? FILLER[i % FILLER.length]! : PARTS[i % PARTS.length]!;
    out.push(part);
    size += part.length + 2;
  }
  return out;
}

describe('a 1 MB paste', () => {
  const parts = bigPaste();
  const whole = parts.join('\n\n');

  it('is masked exactly as its parts are, one by one', () => {
    const masked = maskSecrets(whole);
    const one = parts.map((p) => maskSecrets(p));
    expect(masked.text).toBe(one.map((m) => m.text).join('\n\n'));
    // One finding per distinct mask: the first place a credential shows decides its type.
    const masks = (findings: { masked: string }[]) => [...new Set(findings.map((f) => f.masked))].sort();
    expect(masks(masked.findings)).toEqual(masks(one.flatMap((m) => m.findings)));
  });

  it('keeps no trace of any fake credential after ingest, as text or as message.txt', () => {
    expect(tracesIn(ingest({ text: whole }).text, FAKE_CREDENTIALS)).toEqual([]);
    const attached = ingest({ text: '', attachments: [{ name: 'message.txt', bytes: new TextEncoder().encode(whole) }] });
    expect(tracesIn(attached.text, FAKE_CREDENTIALS)).toEqual([]);
    expect(attached.secrets.length).toBeGreaterThan(FAKE_CREDENTIALS.length / 2);
  });
});
