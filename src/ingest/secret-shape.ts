/**
 * Shape tests for candidate secrets: does a string look like random key material, or like a
 * placeholder, a user's own redaction or one of OpenClaw's masks (§1.3), which are evidence and
 * must never be masked or reported? All functions are O(length) and never throw.
 */

const ZERO_WIDTH = /[\u0000\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/** The string without zero-width characters and NULs (a key copied from some UIs carries them). */
export const withoutZeroWidth = (s: string): string => s.replace(ZERO_WIDTH, '');

/** An invisible character (zero-width, soft hyphen, NUL) that may sit inside a pasted key. */
export const isZeroWidth = (code: number): boolean =>
  (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff || code === 0xad || code === 0;

/** `[A-Za-z0-9_-]`: the alphabet of base64url keys and tokens. */
export const isKeyChar = (code: number): boolean =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 45;

/**
 * Random-looking: at least 8 distinct characters, a letter, and a digit or mixed case. Real keys
 * (60+ random base64url characters) pass with near certainty; words, identifiers like
 * `ANTHROPIC_API_KEY`, numbers and `xxxxxxxx` do not.
 */
export function looksRandom(s: string): boolean {
  const distinct = new Set(s).size;
  if (distinct < 8) return false;
  const hasLower = /[a-z]/.test(s);
  const hasUpper = /[A-Z]/.test(s);
  const hasDigit = /[0-9]/.test(s);
  return (hasLower || hasUpper) && (hasDigit || (hasLower && hasUpper));
}

/** Words that only placeholders and redactions contain (a real key holds one with p < 1e-6). */
const PLACEHOLDER_WORD = /your[-_ ]|example|placeholder|redacted|changeme|insert[-_ ]|x{5}|\*{3}|<[^>]{0,40}>|abc123|abcdef|123456|qwerty/i;

/**
 * Index of the last placeholder word (`example`, `xxxxx`, `your-` …) in a key body, or -1. A head
 * found later in the same run of key characters only needs checking past this point: anything
 * starting before it contains the word too. Keeps scanning a hostile run linear.
 */
export function lastPlaceholderWord(body: string): number {
  const re = new RegExp(PLACEHOLDER_WORD.source, 'gi');
  let last = -1;
  for (let m = re.exec(body); m !== null; m = re.exec(body)) {
    last = m.index;
    re.lastIndex = m.index + 1;
  }
  return last;
}

/**
 * A placeholder or a redaction, never a live secret: `sk-ant-...`, `<your key>`, `$ANTHROPIC_API_KEY`,
 * `${VAR}`, `"$(pbpaste)"`, `YOUR_BOT_TOKEN`, `__OPENCLAW_REDACTED__`, `XXXXXXXX`, `[REDACTED]`,
 * masks with `...`/`…`/`***` (OpenClaw's `sk-ant-a...Qx7Lm2Ab`, `sk-a…AAAA`, `sk-***`).
 */
export function isPlaceholder(value: string): boolean {
  if (value.includes('...') || value.includes('…') || value.includes('***')) return true;
  if (/^[$%<{[]/.test(value)) return true; // $VAR ${VAR} $(cmd) %VAR% <your key> {{x}} [REDACTED]
  // YOUR_BOT_TOKEN, __OPENCLAW_REDACTED__, env var names
  if (/^[A-Z0-9_]+$/.test(value) && value.includes('_') && /[A-Z]/.test(value)) return true;
  return PLACEHOLDER_WORD.test(value);
}

/** Not a secret value: a path, a URL, an e-mail address. */
export function isPathOrUrl(value: string): boolean {
  return /^(?:[~/.]|[A-Za-z]:\\)/.test(value) || value.includes('://') || /^[^@\s]{1,64}@[^@\s]{1,253}\.[a-z]{2,}$/i.test(value);
}
