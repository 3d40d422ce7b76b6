/**
 * Finds full credentials in text and masks them, keeping what diagnosis needs: the prefix that
 * tells the credential type and the last 4 characters (`sk-ant-api03-…AbCd`).
 *
 * Recognised: keys with a known head (secret-patterns.ts: Anthropic, OpenAI, OpenRouter, Google,
 * Groq, GitHub, Slack, Discord, Telegram, JWT …) wherever they sit, also broken across a line
 * wrap; values of secret-named variables, fields and flags; URL passwords; Bearer headers; PEM
 * private keys (secret-values.ts).
 *
 * Never masked, because they are evidence (§1.3): OpenClaw's masks (`sk-ant-a...Qx7Lm2Ab`,
 * `token:sk-ant-o...`, `sk-a…AAAA`, `sk-ant…AbCd`, `sk-***`, `__OPENCLAW_REDACTED__`), the
 * user's own redactions (`sk-ant-...`, `XXXX`, `[REDACTED]`, `<your key>`), placeholders
 * (`$ANTHROPIC_API_KEY`, `"$(pbpaste)"`, `YOUR_BOT_TOKEN`) and Pincer's own masks (masking
 * twice changes nothing).
 *
 * Linear time: regexes match bounded heads only; bodies and values are scanned char by char.
 */
import type { SecretFinding } from './types.ts';
import { findKeyedSpans, type SecretSpan } from './secret-spans.ts';
import { findValueSpans } from './secret-values.ts';
import { withoutZeroWidth } from './secret-shape.ts';
import { decodeUnreservedEscapes, maskBase64Blocks } from './secret-decode.ts';

/** Mask of a secret: its type prefix, `…`, its last 4 characters (line breaks and zero-width chars dropped). */
export function maskOf(prefix: string, secret: string): string {
  return `${prefix}…${withoutZeroWidth(secret).replace(/[\r\n]/g, '').slice(-4)}`;
}

/** Overlapping spans become one; a span found by its head wins the type and label. */
function merge(spans: SecretSpan[]): SecretSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: SecretSpan[] = [];
  for (const span of sorted) {
    const last = out.at(-1);
    if (last === undefined || span.start >= last.end) {
      out.push({ ...span });
      continue;
    }
    last.end = Math.max(last.end, span.end);
    if (!last.keyed && span.keyed) {
      Object.assign(last, { credentialType: span.credentialType, label: span.label, keyed: true });
    }
  }
  return out;
}

/**
 * Masks every full credential in `text`, also when %-escaped or base64-encoded (secret-decode.ts).
 * Pure; never throws; linear in `text.length`.
 * @returns the masked text and one finding per distinct credential (its type and masked form
 *   only, never any other part of the secret).
 */
export function maskSecrets(text: string): { text: string; findings: SecretFinding[] } {
  const decoded = maskBase64Blocks(decodeUnreservedEscapes(text), maskSpans);
  const plain = maskSpans(decoded.text);
  if (decoded.findings.length === 0) return plain;
  const findings = new Map([...decoded.findings, ...plain.findings].map((f) => [f.masked, f]));
  return { text: plain.text, findings: [...findings.values()] };
}

/** Masks the credentials found by their head or their variable (no decoding). */
function maskSpans(text: string): { text: string; findings: SecretFinding[] } {
  const spans = merge([...findKeyedSpans(text), ...findValueSpans(text)]);
  if (spans.length === 0) return { text, findings: [] };
  const parts: string[] = [];
  const findings = new Map<string, SecretFinding>();
  let at = 0;
  for (const span of spans) {
    const masked = maskOf(span.label, text.slice(span.start, span.end));
    parts.push(text.slice(at, span.start), masked);
    at = span.end;
    if (!findings.has(masked)) findings.set(masked, { credentialType: span.credentialType, masked });
  }
  parts.push(text.slice(at));
  return { text: parts.join(''), findings: [...findings.values()] };
}
