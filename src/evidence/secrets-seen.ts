/**
 * Credentials ingest masked (`sk-ant-api03-…AbCd`, the form `maskSecrets` writes): a full secret was
 * in the message, so the reply must warn the user to revoke it. The secret itself is long gone.
 */
import { spanOf, type Parser } from './context.ts';
import type { Fact } from './facts.ts';

const MASKED: [RegExp, string][] = [
  [/sk-ant-api\d{2}-…[A-Za-z0-9_-]{4}/g, 'anthropic_api_key'],
  [/sk-ant-oat\d{2}-…[A-Za-z0-9_-]{4}/g, 'anthropic_oauth_token'],
  [/sk-ant-admin\d{2}-…[A-Za-z0-9_-]{4}/g, 'anthropic_admin_key'],
  [/sk-or-v1-…[A-Za-z0-9]{4}/g, 'openrouter_key'],
  [/sk-proj-…[A-Za-z0-9_-]{4}/g, 'openai_project_key'],
  [/(?<![A-Za-z0-9-])sk-…[A-Za-z0-9]{4}\b/g, 'openai_key'],
];

/** One `secret` fact per masked credential found. */
export const parseSecretsSeen: Parser = (lines, ctx) => {
  const facts: Fact[] = [];
  for (const line of lines) {
    if (!line.text.includes('…')) continue;
    for (const [re, credentialType] of MASKED) {
      for (const m of line.text.matchAll(re)) {
        facts.push({ kind: 'secret', source: spanOf(ctx, line), confidence: 1, credentialType, masked: m[0] });
      }
    }
  }
  return facts;
};
