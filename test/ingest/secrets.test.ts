import { describe, expect, it } from 'vitest';
import { maskSecrets } from '../../src/ingest/secrets.ts';
import { FAKE_CREDENTIALS, fakeChars } from '../fixtures/secrets/fake-credentials.ts';

// Fake credentials, shaped like real ones; never real.
const byType = (t: string) => FAKE_CREDENTIALS.find((c) => c.credentialType === t)!.secret;
const API_KEY = byType('anthropic_api_key');
const OAT = byType('anthropic_oauth_token');

describe('maskSecrets', () => {
  it('masks a pasted Anthropic API key, keeping its type prefix and last 4', () => {
    const { text, findings } = maskSecrets(`export ANTHROPIC_API_KEY="${API_KEY}"`);
    expect(text).toBe(`export ANTHROPIC_API_KEY="sk-ant-api03-…${API_KEY.slice(-4)}"`);
    expect(findings).toEqual([{ credentialType: 'anthropic_api_key', masked: `sk-ant-api03-…${API_KEY.slice(-4)}` }]);
  });

  it('masks a setup-token', () => {
    const { text, findings } = maskSecrets(`token: ${OAT}`);
    expect(text).toBe(`token: sk-ant-oat01-…${OAT.slice(-4)}`);
    expect(findings[0]?.credentialType).toBe('anthropic_oauth_token');
  });

  it("leaves OpenClaw's own masks alone: they are evidence, not secrets", () => {
    const line = 'anthropic:default=sk-ant-a..._HeoVAAA, anthropic:manual=token:sk-ant-a..._HeoVAAA';
    expect(maskSecrets(line)).toEqual({ text: line, findings: [] });
  });

  it('glues a key a terminal wrapped at 80 columns, and only the key', () => {
    const line = `export ANTHROPIC_API_KEY="${API_KEY}"`;
    const pasted = `${line.slice(0, 80)}\n${line.slice(80)}\nopenclaw gateway restart`;
    expect(maskSecrets(pasted).text).toBe(
      `export ANTHROPIC_API_KEY="sk-ant-api03-…${API_KEY.slice(-4)}"\nopenclaw gateway restart`,
    );
  });

  it('glues the two-character tail of a wrapped Anthropic key (the format fixes its length)', () => {
    const pasted = `${API_KEY.slice(0, -2)}\n${API_KEY.slice(-2)} <- is this right?`;
    expect(maskSecrets(pasted).text).toBe(`sk-ant-api03-…${API_KEY.slice(-4)} <- is this right?`);
  });

  it('does not glue a complete key to the next line', () => {
    const { text } = maskSecrets(`${API_KEY}\nConfig : ~/.openclaw/openclaw.json`);
    expect(text).toBe(`sk-ant-api03-…${API_KEY.slice(-4)}\nConfig : ~/.openclaw/openclaw.json`);
  });

  it('does not glue a plain word under a truncated-looking key of unknown length', () => {
    const key = `sk-proj-${fakeChars('proj-short', 40)}`;
    expect(maskSecrets(`${key}\nthen I restarted`).text).toBe(`sk-proj-…${key.slice(-4)}\nthen I restarted`);
  });

  it('masks each value of a list variable', () => {
    const a = fakeChars('list-a', 32);
    const b = fakeChars('list-b', 32);
    const { text, findings } = maskSecrets(`OPENCLAW_LIVE_ANTHROPIC_KEYS=${a},${b}`);
    expect(text).toBe(`OPENCLAW_LIVE_ANTHROPIC_KEYS=…${a.slice(-4)},…${b.slice(-4)}`);
    expect(findings).toEqual([
      { credentialType: 'secret_value', masked: `…${a.slice(-4)}` },
      { credentialType: 'secret_value', masked: `…${b.slice(-4)}` },
    ]);
  });

  it('keeps a short lowercase type prefix of an unknown key format', () => {
    const value = `xyz-${fakeChars('xyz', 40)}`;
    expect(maskSecrets(`SOME_PROVIDER_API_KEY=${value}`).text).toBe(`SOME_PROVIDER_API_KEY=xyz-…${value.slice(-4)}`);
  });

  it('masks the token in a Telegram API URL but keeps the URL readable', () => {
    const token = byType('telegram_bot_token');
    expect(maskSecrets(`https://api.telegram.org/bot${token}/getMe`).text).toBe(
      `https://api.telegram.org/bottelegram-bot-token:…${token.slice(-4)}/getMe`,
    );
  });

  it('masks a PEM private key block', () => {
    const body = [fakeChars('pem1', 64, 'ABCDEFabcdef0123456789+/'), fakeChars('pem2', 40, 'ABCDEFabcdef0123456789+/')];
    const pem = ['-----BEGIN OPENSSH PRIVATE KEY-----', ...body, '-----END OPENSSH PRIVATE KEY-----'].join('\n');
    const { text, findings } = maskSecrets(`my ssh key:\n${pem}\nthanks`);
    expect(text).not.toContain(body[0]);
    expect(text).toMatch(/^my ssh key:\n-----BEGIN PRIVATE KEY-----….{4}\nthanks$/);
    expect(findings[0]?.credentialType).toBe('private_key');
  });

  it('reports one finding per distinct credential', () => {
    expect(maskSecrets(`${API_KEY} and again ${API_KEY}`).findings).toHaveLength(1);
  });

  it('is idempotent: masking masked text changes nothing', () => {
    const once = maskSecrets(FAKE_CREDENTIALS.map((c) => `${c.variable}=${c.secret}`).join('\n')).text;
    expect(maskSecrets(once)).toEqual({ text: once, findings: [] });
  });
});
