/**
 * Finds credentials by where they sit rather than by their shape: values of secret-named
 * variables and fields (`OPENAI_API_KEY=…`, `export X_TOKEN="…"`, `"apiKey": "…"`,
 * `--anthropic-api-key …`, `?api_key=…`), URL passwords (`https://user:pass@host`),
 * `Authorization: Bearer …`, and PEM private-key blocks. Regexes match only the bounded lead-in;
 * values are scanned char by char, so every finder is linear in the text length.
 */
import { extendAcrossWraps, scanRun, type SecretSpan } from './secret-spans.ts';
import { isPathOrUrl, isPlaceholder, looksRandom, withoutZeroWidth } from './secret-shape.ts';

/** `NAME=`, `NAME:`, `"name": `, `export NAME="`; group 1 = the name. */
const ASSIGNMENT = /(?<![A-Za-z0-9_.-])["']?([A-Za-z_][A-Za-z0-9_.-]{0,63})["']?[ \t]{0,4}[=:][ \t]{0,4}(?:\\?["'`])?/g;
/** `--some-api-key value`, `--token=value`; group 1 = the flag name. */
const FLAG = /(?<![A-Za-z0-9_-])--([A-Za-z][A-Za-z0-9-]{0,47})(?:=|[ \t]{1,4})(?:\\?["'`])?/g;
const URL_PASSWORD = /(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{0,15}:\/\/[^\s/:@]{0,64}:(?=[^\s/@]{1,256}@)/g;
const BEARER = /\b(?:Bearer|Basic)[ \t]{1,4}/g;
const PEM_BEGIN = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY-----/g;

const SECRET_WORDS = new Set(['key', 'keys', 'apikey', 'token', 'tokens', 'secret', 'secrets', 'password', 'passwd', 'pwd', 'credential', 'credentials']);
const SECRET_FIELDS = new Set(['access', 'refresh']); // auth-profiles.json oauth fields (§3.1)
const PASSWORD_WORDS = new Set(['password', 'passwd', 'pwd']);

/** Every secret name contains one of these (case-insensitive). */
const SECRET_WORD = /key|token|secret|pass|pwd|credential|access|refresh/i;

const wordsOf = (name: string): string[] =>
  name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[\s_.-]+/).filter(Boolean);

/** A variable, field or flag that holds a credential: `*_API_KEY`, `*_TOKEN`, `*_SECRET`, `apiKey`, `key`… */
export function isSecretName(name: string): boolean {
  if (!SECRET_WORD.test(name)) return false; // fast path
  const words = wordsOf(name);
  const last = words.at(-1) ?? '';
  if (words.includes('public')) return false;
  return SECRET_WORDS.has(last) || (words.length === 1 && SECRET_FIELDS.has(last));
}

/** Value characters: anything but whitespace, quotes and the delimiters of JSON, shells, URLs, markdown. */
const DELIMITERS = new Set([...'"\'`,;&#<>(){}[]\\|'].map((ch) => ch.charCodeAt(0)));
const isUnicodeSpace = (c: number): boolean =>
  c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
const isValueChar = (c: number): boolean => c > 32 && c !== 127 && !DELIMITERS.has(c) && !isUnicodeSpace(c);

/** A value long and random enough to be a credential (shorter for passwords), not a placeholder. */
function isCredentialValue(value: string, name: string): boolean {
  // Shorter than any credential (8 for a password, 16 otherwise): `token=1` in a provider line.
  if (value.length < 8) return false;
  // `--password --timeout`: the next flag is not a value.
  if (value.startsWith('--') || value.includes('*') || isPlaceholder(value) || isPathOrUrl(value)) return false;
  if (wordsOf(name).some((w) => PASSWORD_WORDS.has(w))) {
    return value.length >= 8 && new Set(value).size >= 5 && /[^a-z_-]/.test(value);
  }
  return value.length >= 16 && looksRandom(value);
}

/** `xai-`, `hf_`, `r8_`: a short lowercase type prefix worth keeping in the mask. */
const labelOf = (value: string): string => /^[a-z][a-z0-9]{1,7}[-_]/.exec(value)?.[0] ?? '';

/** Trailing sentence punctuation is not part of a value (`TOKEN=abc123.`). */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && '.:!?~*'.includes(text[e - 1] ?? '')) e--;
  return e;
}

const valueAt = (text: string, start: number, end: number): string =>
  withoutZeroWidth(text.slice(start, end)).replace(/\r?\n/g, '');

/** Index of the first `\n` at or after `from`, or the text length. */
function lineBreakFrom(text: string, from: number): number {
  const i = text.indexOf('\n', from);
  return i === -1 ? text.length : i;
}

/**
 * Every `re` match (a name and its lead-in, within one line) whose name is a secret name, with its
 * value. A line without a secret word cannot hold such a name, so the search skips from one line
 * with a secret word to the next instead of trying every `NAME=` of a long paste.
 */
function valueSpans(text: string, re: RegExp, credentialType: string): SecretSpan[] {
  const spans: SecretSpan[] = [];
  const word = new RegExp(SECRET_WORD.source, 'gi');
  let nextWord = -1; // the first secret word at or after re.lastIndex
  let lineEnd = -1; // the line break (or text end) of the line holding re.lastIndex
  for (;;) {
    if (nextWord < re.lastIndex) {
      word.lastIndex = re.lastIndex;
      const w = word.exec(text);
      if (w === null) break;
      nextWord = w.index;
    }
    // Both pointers only move forward, so the line breaks are looked for in linear time overall.
    if (lineEnd < re.lastIndex) lineEnd = lineBreakFrom(text, re.lastIndex);
    if (nextWord > lineEnd) {
      re.lastIndex = text.lastIndexOf('\n', nextWord) + 1;
      lineEnd = lineBreakFrom(text, re.lastIndex);
    }
    const m = re.exec(text);
    if (m === null) break;
    const name = m[1] ?? '';
    if (!isSecretName(name)) continue;
    let start = m.index + m[0].length;
    let end = start;
    // A list value (`OPENCLAW_LIVE_ANTHROPIC_KEYS=a,b`) is masked item by item.
    for (let items = 0; items < 16; items++) {
      const own = trimEnd(text, start, scanRun(text, start, isValueChar));
      end = extendAcrossWraps(text, own, own - start, isValueChar);
      // The glued form first; if the glued line spoils it, the value as it stands on its own line.
      if (!isCredentialValue(valueAt(text, start, end), name) && end !== own) end = own;
      const value = valueAt(text, start, end);
      if (isCredentialValue(value, name)) {
        spans.push({ start, end, credentialType, label: labelOf(value), keyed: false });
      }
      if (text[end] !== ',' || end === start) break;
      start = end + 1;
    }
    // The value was read once; reading it again from a later match would make hostile input quadratic.
    re.lastIndex = Math.max(re.lastIndex, end);
  }
  return spans;
}

/** `[A-Za-z0-9+.-]`, the characters of a URL scheme. */
const isSchemeChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 45 || c === 46;

/**
 * URL passwords. A match can only start where the run of scheme characters before a `://` starts,
 * so each `://` is found by `indexOf` and `URL_PASSWORD` is tried there alone (not at every letter).
 */
function urlPasswordSpans(text: string): SecretSpan[] {
  const spans: SecretSpan[] = [];
  const re = new RegExp(URL_PASSWORD.source, 'y');
  for (let at = text.indexOf('://'); at !== -1; at = text.indexOf('://', at + 1)) {
    let schemeStart = at;
    while (schemeStart > 0 && isSchemeChar(text.charCodeAt(schemeStart - 1))) schemeStart--;
    re.lastIndex = schemeStart;
    const m = at - schemeStart <= 16 ? re.exec(text) : null;
    if (m === null) continue;
    const start = m.index + m[0].length;
    const end = text.indexOf('@', start);
    const value = text.slice(start, end);
    if (value.length >= 6 && !isPlaceholder(value) && !/^(?:pass(?:word)?|secret|token|pwd)$/i.test(value)) {
      spans.push({ start, end, credentialType: 'url_password', label: '', keyed: false });
    }
  }
  return spans;
}

function bearerSpans(text: string): SecretSpan[] {
  const spans: SecretSpan[] = [];
  const re = new RegExp(BEARER.source, BEARER.flags);
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const end = trimEnd(text, start, scanRun(text, start, isValueChar));
    const value = text.slice(start, end);
    if (value.length >= 16 && looksRandom(value) && !isPlaceholder(value)) {
      spans.push({ start, end, credentialType: 'bearer_token', label: '', keyed: false });
    }
    re.lastIndex = Math.max(re.lastIndex, end);
  }
  return spans;
}

/** A PEM private key: the BEGIN line, base64/header lines, and the END line when present. */
function privateKeySpans(text: string): SecretSpan[] {
  const spans: SecretSpan[] = [];
  const re = new RegExp(PEM_BEGIN.source, PEM_BEGIN.flags);
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    let end = m.index + m[0].length;
    while (end < text.length && text[end] === '\n') {
      const lineEnd = text.indexOf('\n', end + 1) === -1 ? text.length : text.indexOf('\n', end + 1);
      const line = text.slice(end + 1, lineEnd);
      if (line.startsWith('-----END')) {
        end = lineEnd;
        break;
      }
      if (!/^(?:[A-Za-z0-9+/=]{1,128}|[A-Za-z-]{1,40}: [^\n]{0,200})$/.test(line)) break;
      end = lineEnd;
    }
    spans.push({ start: m.index, end, credentialType: 'private_key', label: '-----BEGIN PRIVATE KEY-----', keyed: true });
    re.lastIndex = end;
  }
  return spans;
}

/** Spans of credentials found by position (variables, fields, flags, URLs, headers, PEM). */
export function findValueSpans(text: string): SecretSpan[] {
  // Cheap literal checks first: most pastes have no URL password, header, flag or PEM block.
  const spans = /key|token|secret|pass|pwd|credential|access|refresh/i.test(text)
    ? valueSpans(text, new RegExp(ASSIGNMENT.source, ASSIGNMENT.flags), 'secret_value')
    : [];
  if (text.includes('--')) spans.push(...valueSpans(text, new RegExp(FLAG.source, FLAG.flags), 'secret_value'));
  if (text.includes('://')) spans.push(...urlPasswordSpans(text));
  if (text.includes('Bearer') || text.includes('Basic')) spans.push(...bearerSpans(text));
  if (text.includes('-----BEGIN')) spans.push(...privateKeySpans(text));
  return spans;
}
