/**
 * Finds full credentials in text and masks them, keeping what diagnosis needs: the prefix that
 * tells the credential type and the last 4 characters (`sk-ant-api03-…AbCd`).
 *
 * OpenClaw's own masked forms (`sk-ant-a...Qx7Lm2Ab`, `sk-a…AAAA`, `__OPENCLAW_REDACTED__`) are
 * not secrets: they are left as they are, because they are evidence (§1.3).
 *
 * Linear time: every pattern is a literal prefix followed by one bounded character class.
 */
import type { SecretFinding } from './types.ts';

interface SecretPattern {
  credentialType: string;
  /** Global regex; group 1 = the prefix kept in the mask. */
  re: RegExp;
}

const PATTERNS: SecretPattern[] = [
  { credentialType: 'anthropic_api_key', re: /(sk-ant-api\d{2}-)[A-Za-z0-9_-]{20,}/g },
  { credentialType: 'anthropic_oauth_token', re: /(sk-ant-oat\d{2}-)[A-Za-z0-9_-]{20,}/g },
  { credentialType: 'anthropic_admin_key', re: /(sk-ant-admin\d{2}-)[A-Za-z0-9_-]{20,}/g },
  { credentialType: 'openrouter_key', re: /(sk-or-v1-)[A-Za-z0-9]{20,}/g },
  { credentialType: 'openai_project_key', re: /(sk-proj-)[A-Za-z0-9_-]{20,}/g },
  { credentialType: 'openai_key', re: /(?<![A-Za-z0-9-])(sk-)(?!ant-|or-|proj-)[A-Za-z0-9]{32,}/g },
];

/** Mask of a secret: its type prefix, `…`, its last 4 characters. */
export function maskOf(prefix: string, secret: string): string {
  return `${prefix}…${secret.slice(-4)}`;
}

/**
 * Masks every full credential in `text`.
 * @returns the masked text and one finding per credential (masked form only).
 */
export function maskSecrets(text: string): { text: string; findings: SecretFinding[] } {
  const findings: SecretFinding[] = [];
  let out = text;
  for (const { credentialType, re } of PATTERNS) {
    out = out.replace(re, (secret: string, prefix: string) => {
      const masked = maskOf(prefix, secret);
      findings.push({ credentialType, masked });
      return masked;
    });
  }
  return { text: out, findings };
}
