/**
 * Cheap decodings applied before masking, so an encoded key is masked like a plain one (issue 15
 * #2): %-escapes of characters that never need escaping (`%2D` → `-`, `%5F` → `_`, letters and
 * digits; RFC 3986 calls both forms equivalent), and base64 blocks of plausible length (a
 * `base64`-encoded `.env` line, also wrapped at 76 columns) whose text holds a credential — such
 * a block is replaced by its decoded, masked text. Linear time; never throws.
 */

/** %-escapes of `[A-Za-z0-9_-]` (unreserved characters). */
const UNRESERVED_ESCAPE = /%(2[Dd]|5[Ff]|3[0-9]|4[1-9A-Fa-f]|5[0-9Aa]|6[1-9A-Fa-f]|7[0-9Aa])/g;

/** `text` with the %-escapes of key characters decoded; every other escape is kept. */
export function decodeUnreservedEscapes(text: string): string {
  if (!text.includes('%')) return text;
  return text.replace(UNRESERVED_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The base64 alphabet, and the characters a token may not touch (the alphabet and `=_-`), by char code. */
const B64 = new Uint8Array(128);
const NEAR = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_-') {
  if (!'=_-'.includes(c)) B64[c.charCodeAt(0)] = 1;
  NEAR[c.charCodeAt(0)] = 1;
}
const isB64 = (c: number): boolean => c < 128 && B64[c] === 1;
const isNear = (c: number): boolean => c < 128 && NEAR[c] === 1;

/**
 * The next base64 token at or after `from`, as [start, end): 16+ characters of the standard
 * alphabet and up to two `=`, not part of a longer word or key. What the regex
 * `(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/]{16,}={0,2}(?![A-Za-z0-9+/=_-])` finds, in one pass over
 * the characters instead of a regex attempt at each one.
 */
function nextToken(text: string, from: number): [number, number] | null {
  for (let i = from; i < text.length; ) {
    if (!isB64(text.charCodeAt(i)) || (i > 0 && isNear(text.charCodeAt(i - 1)))) {
      i++;
      continue;
    }
    let run = i;
    while (run < text.length && isB64(text.charCodeAt(run))) run++;
    if (run - i >= 16) {
      let end = run;
      while (end < text.length && end - run < 2 && text.charCodeAt(end) === 61) end++;
      // Fewer `=` or letters would leave a `=` or a letter next: the longest form is the only one.
      if (end === text.length || !isNear(text.charCodeAt(end))) return [i, end];
    }
    i = run; // inside the run every character follows a token character
  }
  return null;
}
/** Shortest block worth decoding (an `.env` line with a key is far longer). */
const MIN_BLOCK = 24;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The text a base64 block stands for, or null when it is not printable UTF-8 text. */
function decodeText(block: string): string | null {
  const b64 = block.replace(/\n/g, '');
  if (b64.length < MIN_BLOCK || b64.replace(/=+$/, '').length % 4 === 1) return null;
  const bytes = Buffer.from(b64, 'base64');
  // Control bytes decode to control chars one for one and the text has at most as many chars as
  // bytes, so this many of them already fails the 97 % test below: random data (a hash, an id)
  // stops here without a UTF-8 decode (or its exception).
  let controls = 0;
  for (const b of bytes) if (b < 0x20 && b !== 0x0a && b !== 0x09 && b !== 0x0d) controls++;
  if (controls > 0.04 * bytes.length) return null;
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return null;
  }
  let printable = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 || c === 0x0a || c === 0x09 || c === 0x0d) printable++;
  }
  return text.length > 0 && printable / text.length >= 0.97 ? text : null;
}

/** [start, end) of each base64 block: one token, or whole-line tokens on consecutive lines. */
function blocks(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const wholeLine = (s: number, e: number) => (s === 0 || text[s - 1] === '\n') && (e === text.length || text[e] === '\n');
  for (let m = nextToken(text, 0); m !== null; m = nextToken(text, m[1])) {
    const start = m[0];
    let end = m[1];
    if (wholeLine(start, end) && text[end - 1] !== '=') {
      for (;;) {
        const next = text[end] === '\n' ? nextToken(text, end + 1) : null;
        if (next === null || next[0] !== end + 1 || !wholeLine(next[0], next[1])) break;
        end = next[1];
        if (text[end - 1] === '=') break;
      }
    }
    out.push([start, end]);
    m[1] = end;
  }
  return out;
}

/**
 * Replaces each base64 block whose decoded text `mask` finds a credential in by that decoded,
 * masked text. `mask` must not decode base64 itself (one level only).
 */
export function maskBase64Blocks<F>(
  text: string,
  mask: (t: string) => { text: string; findings: F[] },
): { text: string; findings: F[] } {
  const findings: F[] = [];
  if (text.length < MIN_BLOCK) return { text, findings };
  const parts: string[] = [];
  let at = 0;
  for (const [start, end] of blocks(text)) {
    const decoded = decodeText(text.slice(start, end));
    if (decoded === null) continue;
    const masked = mask(decoded);
    if (masked.findings.length === 0) continue;
    parts.push(text.slice(at, start), masked.text.replace(/\n$/, ''));
    findings.push(...masked.findings);
    at = end;
  }
  if (at === 0) return { text, findings };
  parts.push(text.slice(at));
  return { text: parts.join(''), findings };
}
