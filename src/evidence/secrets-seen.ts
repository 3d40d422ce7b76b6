/**
 * Credentials ingest masked (`sk-ant-api03-…AbCd`, the `label…last4` form `maskSecrets` writes):
 * a full secret was in the message, so the reply must warn the user to revoke it. The secret
 * itself is long gone; its type is read back from the label (src/ingest/secret-patterns.ts).
 */
import { KEY_PATTERNS } from '../ingest/secret-patterns.ts';
import { spanOf, type Parser } from './context.ts';
import type { Fact } from './facts.ts';

/** `<label>…<last 4>`: a label ends in `-`, `_` or `:` (or is a bare known head like `AIza`). */
const MASKED = /(?<![A-Za-z0-9_-])([A-Za-z][A-Za-z0-9_-]{1,24}[-_:]|AIza|(?:discord|telegram)-bot-token:|jwt:)…([A-Za-z0-9_-]{4})(?![A-Za-z0-9_-])/g;

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
    if (!line.text.includes('…')) continue;
    for (const m of line.text.matchAll(MASKED)) {
      const credentialType = typeOfLabel(m[1] as string);
      if (credentialType) facts.push({ kind: 'secret', source: spanOf(ctx, line), confidence: 1, credentialType, masked: m[0] });
    }
  }
  return facts;
};
