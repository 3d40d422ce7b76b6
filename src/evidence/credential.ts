/**
 * Reads a credential as OpenClaw prints it in `models status` labels and bits (§1.3): masks
 * (`sk-ant-a...Qx7Lm2Ab`, `maskApiKey` 8+8, 2+2, 1+1), `ref(env:VAR)`, `marker(x)`, `missing`,
 * `OAuth (email)`, and the user's own redactions (`[REDACTED]`, `XXXX`, `sk-ant-...`).
 * Lenient: a retyped or trimmed mask keeps what was seen, with its shape and anomalies.
 */
import type { Credential } from './facts.ts';

/** Heads a real `maskApiKey` output can start with (first 8 chars of a known key type). */
const KNOWN_HEADS = [/^sk-ant-[aoA-Z]/, /^sk-or-v1/, /^sk-proj-/, /^sk-[A-Za-z0-9]/, /^gsk_/, /^AIza/, /^xai-/, /^pplx-/, /^sk-api-/, /^sk-cp-/];

const USER_REDACTED = /^(?:\[?redacted\]?|<redacted>|\[hidden\]|x{3,}|\*{3,}|\.{3,}|…|<[^>]{0,40}>)$/i;

function shapeOf(head: string, tail: string): '8+8' | '2+2' | '1+1' | 'irregular' {
  const key = `${head.length}+${tail.length}`;
  return key === '8+8' || key === '2+2' || key === '1+1' ? key : 'irregular';
}

/**
 * Parses one credential display value (no `token:` prefix, no `[cooldown …]` suffix).
 * @returns the Credential (never throws; unknown text becomes `user_redacted` or a masked form)
 */
export function parseCredential(value: string): Credential {
  const v = value.trim();
  if (v === '' || v === 'missing') return { form: 'missing' };
  const ref = /^ref\(([^:()]{1,40}):([^()]{1,200})\)$/.exec(v);
  if (ref) return { form: 'ref', source: ref[1] as string, id: ref[2] as string };
  const marker = /^marker\(([^()]{0,200})\)$/.exec(v);
  if (marker) return { form: 'marker', value: marker[1] as string };
  const oauth = /^OAuth(?: \(([^()]{0,200})\))?$/.exec(v);
  if (oauth) return oauth[1] === undefined || !oauth[1].includes('@') ? { form: 'oauth' } : { form: 'oauth', email: oauth[1] };
  if (USER_REDACTED.test(v) || v === '__OPENCLAW_REDACTED__') return { form: 'user_redacted', text: v };
  const dots = v.indexOf('...');
  const ellipsis = v.indexOf('…');
  const at = dots >= 0 ? dots : ellipsis;
  if (at < 0) return { form: 'user_redacted', text: v };
  const head = v.slice(0, at);
  const tail = v.slice(at + (dots >= 0 ? 3 : 1));
  // The user's own redaction: nothing after the dots, or only X/*.
  if (tail === '' || /^[xX*]{3,}$/.test(tail)) return { form: 'user_redacted', text: v };
  const anomalies: ('whitespace' | 'unexpected_head')[] = [];
  if (/\s/.test(head) || /\s/.test(tail)) anomalies.push('whitespace');
  if (head.length >= 3 && !KNOWN_HEADS.some((re) => re.test(head))) anomalies.push('unexpected_head');
  const cred: Credential = { form: 'masked', mask: v, head, tail, shape: shapeOf(head, tail) };
  if (anomalies.length > 0) cred.anomalies = anomalies;
  return cred;
}

/** Prefix that tells a credential's type (`sk-ant-api`, `sk-ant-oat`, `sk-or`, …) or its first chars. */
export function credentialHead(value: string): string | undefined {
  const v = value.trim();
  if (v === '' || USER_REDACTED.test(v)) return undefined;
  const known = /^(sk-ant-(?:api|oat|admin)|sk-ant-|sk-or-|sk-proj-|sk-|gsk_|AIza|xai-)/.exec(v);
  if (known) return known[1];
  if (v.startsWith('${')) return '${';
  const cut = v.search(/\.\.\.|…/);
  return (cut >= 0 ? v.slice(0, cut) : v.slice(0, 6)) || undefined;
}
