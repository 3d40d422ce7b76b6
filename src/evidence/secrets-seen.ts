/**
 * Credentials ingest masked: a full secret was in the message, so the reply must warn the user to
 * revoke it. The secret itself is long gone; this reads the masks `maskSecrets` writes
 * (`<label>…<last 4>`, src/ingest/secrets.ts) back into `secret` facts: keyed credentials by their
 * label (`sk-ant-api03-…AbCd`, type from src/ingest/secret-patterns.ts), and credentials found by
 * position (`ANTHROPIC_API_KEY=…AbCd`, `"token": "…AbCd"`, `--token …AbCd`, `Bearer …AbCd`,
 * `https://user:…AbCd@host`, a PEM key).
 */
import { KEY_PATTERNS } from '../ingest/secret-patterns.ts';
import { isSecretName } from '../ingest/secret-values.ts';
import { spanOf, type Parser } from './context.ts';
import type { Fact } from './facts.ts';

/** `<label>…<last 4>`: a label ends in `-`, `_` or `:` (or is a bare known head like `AIza`). */
const KEYED = /(?<![A-Za-z0-9_-])([A-Za-z][A-Za-z0-9_-]{1,24}[-_:]|AIza|(?:discord|telegram)-bot-token:|jwt:)…([A-Za-z0-9_-]{4})(?![A-Za-z0-9_-])/g;
/** `NAME=…last4`, `"name": "…last4"`, `--flag …last4` (label: an optional short type prefix). */
const BY_NAME = /(-{0,2}[A-Za-z_][A-Za-z0-9_.-]{0,60})["']?[ \t]{0,3}[:= ][ \t]{0,3}["'`]?((?:[a-z][a-z0-9]{1,7}[-_])?…[^\s"'`,;]{1,4})/g;
const BY_POSITION: [RegExp, string][] = [
  [/Bearer (…[^\s"'`,;]{1,4})/g, 'bearer_token'],
  [/:\/\/[^\s:@/]{1,64}:(…[^\s@]{1,4})@/g, 'url_password'],
  [/(-----BEGIN PRIVATE KEY-----…\S{1,4})/g, 'private_key'],
];

const typeCache = new Map<string, string | null>();

/** The credential type whose head (or fixed label) is exactly `label`, if any. */
function typeOfLabel(label: string): string | null {
  const cached = typeCache.get(label);
  if (cached !== undefined) return cached;
  let found: string | null = null;
  for (const p of KEY_PATTERNS) {
    if (p.label !== undefined ? p.label === label : new RegExp(`^(?:${p.head.source})$`).test(label)) {
      found = p.credentialType;
      break;
    }
  }
  typeCache.set(label, found);
  return found;
}

/** One `secret` fact per masked credential found. */
export const parseSecretsSeen: Parser = (lines, ctx) => {
  const facts: Fact[] = [];
  for (const line of lines) {
    const text = line.command ?? line.text;
    if (!text.includes('…') || text.length > 4000) continue;
    const taken = new Set<number>();
    const add = (at: number, credentialType: string, masked: string): void => {
      if (taken.has(at)) return;
      taken.add(at);
      facts.push({ kind: 'secret', source: spanOf(ctx, line), confidence: 1, credentialType, masked });
    };
    for (const m of text.matchAll(KEYED)) {
      const credentialType = typeOfLabel(m[1] as string);
      if (credentialType) add(m.index + m[0].length, credentialType, m[0]);
    }
    for (const m of text.matchAll(BY_NAME)) {
      if (isSecretName((m[1] as string).replace(/^-+/, ''))) add(m.index + m[0].length, 'secret_value', m[2] as string);
    }
    for (const [re, credentialType] of BY_POSITION) {
      for (const m of text.matchAll(re)) add(m.index + m[0].length, credentialType, m[1] as string);
    }
  }
  facts.sort((a, b) => a.source.lineStart - b.source.lineStart);
  return facts;
};
