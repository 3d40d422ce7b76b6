/**
 * Masks credentials in every string of a log object (any depth), so a secret inside a nested
 * field, an array or an error's extra property never reaches a log line. pino's `redact` only
 * knows fixed paths; this is the general guard.
 */
import { maskSecrets } from '../ingest/secrets.ts';

/** Deeper than this, values are replaced by a note rather than walked (log objects are shallow). */
const MAX_DEPTH = 8;

/** The string with its credentials masked; other values unchanged. */
export const maskString = (value: unknown): unknown => (typeof value === 'string' ? maskSecrets(value).text : value);

/**
 * A copy of `value` with every string masked: plain objects and arrays are copied, Errors and
 * other class instances (Buffer, Date) are returned as they are (the err serializer masks errors).
 * Cycles and depth past 8 become `'[Circular]'` / `'[Depth]'`. Never throws.
 */
export function maskDeep(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') return maskSecrets(value).text;
  if (value === null || typeof value !== 'object') return value;
  const isArray = Array.isArray(value);
  const proto = Object.getPrototypeOf(value) as unknown;
  if (!isArray && proto !== Object.prototype && proto !== null) return value;
  if (seen.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Depth]';
  seen.add(value);
  try {
    if (isArray) return value.map((v) => maskDeep(v, depth + 1, seen));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = maskDeep(v, depth + 1, seen);
    return out;
  } finally {
    seen.delete(value);
  }
}
