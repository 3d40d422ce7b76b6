import { describe, expect, it } from 'vitest';
import { maskSecrets } from '../../src/ingest/secrets.ts';

// Fake credentials, shaped like real ones; never real.
const API_KEY = 'sk-ant-api03-' + 'A1b2C3d4E5f6G7h8I9j0'.repeat(4) + 'XyZ9';
const OAT = 'sk-ant-oat01-' + 'Q'.repeat(80) + 'Ab12';

describe('maskSecrets', () => {
  it('masks a pasted Anthropic API key, keeping its type prefix and last 4', () => {
    const { text, findings } = maskSecrets(`export ANTHROPIC_API_KEY="${API_KEY}"`);
    expect(text).toBe('export ANTHROPIC_API_KEY="sk-ant-api03-…XyZ9"');
    expect(text).not.toContain(API_KEY);
    expect(findings).toEqual([{ credentialType: 'anthropic_api_key', masked: 'sk-ant-api03-…XyZ9' }]);
  });

  it('masks a setup-token', () => {
    const { text, findings } = maskSecrets(`token: ${OAT}`);
    expect(text).not.toContain(OAT);
    expect(findings[0]?.credentialType).toBe('anthropic_oauth_token');
  });

  it("leaves OpenClaw's own masks alone: they are evidence, not secrets", () => {
    const line = 'anthropic:default=sk-ant-a..._HeoVAAA, anthropic:manual=token:sk-ant-a..._HeoVAAA';
    expect(maskSecrets(line)).toEqual({ text: line, findings: [] });
  });
});
