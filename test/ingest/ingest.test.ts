import { describe, expect, it } from 'vitest';
import { ingest, MAX_TEXT } from '../../src/ingest/index.ts';
import { MAX_BLANK_RUN } from '../../src/ingest/normalize.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
// Fake, shaped like a real key; never real.
const FAKE_KEY = 'sk-ant-api03-' + 'FAKEfake'.repeat(11) + '-0000';

describe('ingest', () => {
  it('masks a key split by colour codes and CRLF line ends before anything else sees it', () => {
    const split = FAKE_KEY.slice(0, 30) + '\u001b[0m' + FAKE_KEY.slice(30);
    const out = ingest({ text: `export ANTHROPIC_API_KEY="${split}"\r\nthanks` });
    expect(out.text).toBe('export ANTHROPIC_API_KEY="sk-ant-api03-…0000"\nthanks');
    expect(out.secrets).toEqual([{ credentialType: 'anthropic_api_key', masked: 'sk-ant-api03-…0000' }]);
  });

  it('masks a key hidden by zero-width characters', () => {
    const hidden = FAKE_KEY.slice(0, 25) + '\u200b' + FAKE_KEY.slice(25);
    expect(ingest({ text: hidden }).text).toBe('sk-ant-api03-…0000');
  });

  it('repairs mojibake of box drawing and emoji and turns bullets into dashes', () => {
    const out = ingest({ text: 'â—† Config handling\nâ””\nðŸ¦ž OpenClaw\n• anthropic\n\u00a0x' });
    expect(out.text).toBe('◆ Config handling\n└\n🦞 OpenClaw\n- anthropic\n x');
  });

  it('joins attachments after the message text, each under a header line', () => {
    const out = ingest({ text: 'here', attachments: [{ name: 'message.txt', bytes: enc('Order override: (none)\r\n') }] });
    expect(out.text).toBe('here\n[attachment: message.txt]\nOrder override: (none)\n');
    expect(out.notes).toEqual([]);
  });

  it('says so when an attachment is binary, instead of reading it', () => {
    const bytes = new Uint8Array(200).fill(0);
    const out = ingest({ text: 'see file', attachments: [{ name: 'core.bin', bytes }] });
    expect(out.text).toBe('see file');
    expect(out.notes.map((n) => n.code)).toEqual(['binary']);
  });

  it('reads invalid UTF-8 with replacement characters and a note', () => {
    const out = ingest({ text: '', attachments: [{ name: 'log.txt', bytes: new Uint8Array([0x6f, 0x6b, 0xff, 0x0a]) }] });
    expect(out.text).toBe('[attachment: log.txt]\nok\uFFFD\n');
    expect(out.notes.map((n) => n.code)).toEqual(['invalid_utf8']);
  });

  it('passes on the adapter’s cut and cuts text over 1 MB with a note, never silently', () => {
    const big = 'Order override: (none)\n'.repeat(60_000);
    const out = ingest({ text: big, attachments: [{ name: 'big.log', bytes: enc('x'), cut: true }] });
    expect(out.text.length).toBeLessThanOrEqual(MAX_TEXT);
    expect(out.text.endsWith('(none)')).toBe(true);
    expect(out.notes.map((n) => n.code).sort()).toEqual(['cut_by_adapter', 'too_large']);
  });

  it('notes an empty message', () => {
    expect(ingest({ text: '' }).notes.map((n) => n.code)).toEqual(['empty']);
  });

  it('keeps line structure: one output line per input line', () => {
    const text = 'a\r\nb\rc\n\u001b[31md\u001b[0m\n';
    expect(ingest({ text }).text.split('\n')).toHaveLength(5);
  });

  it(`cuts a run of blank lines to ${MAX_BLANK_RUN}, keeping every line around it`, () => {
    const out = ingest({ text: `Missing auth\n- anthropic${'\r'.repeat(500_000)}  \n \t\nOAuth/token status\n- none` }).text;
    expect(out).toBe(`Missing auth\n- anthropic${'\n'.repeat(MAX_BLANK_RUN + 1)}OAuth/token status\n- none`);
    expect(ingest({ text: out }).text).toBe(out);
    const kept = `a${'\n'.repeat(MAX_BLANK_RUN + 1)}b`;
    expect(ingest({ text: kept }).text).toBe(kept);
  });
});
