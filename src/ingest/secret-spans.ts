/**
 * Finds where credentials with a known head (secret-patterns.ts) sit in a text, including a key
 * that a terminal or a paste broke across lines. Every scan is a single forward pass over the
 * characters, so finding spans is linear in the text length.
 */
import { requiredLiterals } from '../text/required-literals.ts';
import { KEY_PATTERNS, type KeyPattern } from './secret-patterns.ts';
import { isKeyChar, isZeroWidth, lastPlaceholderWord, looksRandom, withoutZeroWidth } from './secret-shape.ts';

/** A credential's place in the text: [start, end) is replaced by `label…last4(material)`. */
export interface SecretSpan {
  start: number;
  end: number;
  credentialType: string;
  label: string;
  /** True for formats recognised by their head (preferred when spans overlap). */
  keyed: boolean;
}

/** At most this many continuation lines are glued to one key (164 chars wrap into 3 at 80 cols). */
const MAX_WRAPPED_LINES = 4;
/** What may follow the end of a wrapped key's remainder on its line. */
const CLOSERS = new Set(['"', "'", '`', ';', ',', ')', ']', '}', '|', '*', '.', '&']);
/** …and the stricter set after a short remainder (a sentence's `.` or `,` does not count). */
const QUOTES = new Set(['"', "'", '`', ';', ')', ']', '}']);
const SPACE = /\s/;

/**
 * Index just past a run of body characters starting at `from`. Zero-width chars count as body,
 * and so does JSON's escaped slash `\/` between body characters (a key JSON-encoded as a string).
 */
export function scanRun(text: string, from: number, bodyChar: (c: number) => boolean): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 92 && text[i + 1] === '/' && i > from && i + 2 < text.length && bodyChar(text.charCodeAt(i + 2))) {
      i += 2;
      continue;
    }
    if (!bodyChar(c) && !isZeroWidth(c)) break;
    i++;
  }
  return i;
}

/** How far back a wrapped line's marker is looked for (a marker sits at a line start). */
const MARKER_LOOKBACK = 200;
/** Line markers a terminal or a quote repeats on every wrapped line: `> `, `[local] `, `$ `. */
const LINE_MARKER = /^(?:>{1,3} ?|\[[A-Za-z0-9_.@:-]{1,32}\] ?|[$#%] )/;

/** The marker starting the line that holds index `i`, or ''. Looks back at most MARKER_LOOKBACK chars. */
function markerOfLineAt(text: string, i: number): string {
  let s = i;
  while (s > 0 && i - s < MARKER_LOOKBACK && text[s - 1] !== '\n') s--;
  if (s > 0 && text[s - 1] !== '\n') return '';
  return LINE_MARKER.exec(text.slice(s, s + 40))?.[0] ?? '';
}

/** Length of the line break at `i` (`\n` or `\r\n`), or 0. */
const lineBreakAt = (text: string, i: number): number =>
  text[i] === '\n' ? 1 : text[i] === '\r' && text[i + 1] === '\n' ? 2 : 0;

const ANCHORED_HEADS = KEY_PATTERNS.map((p) => new RegExp(`^(?:${p.head.source})`));
const startsWithKnownHead = (t: string): boolean => ANCHORED_HEADS.some((re) => re.test(t));

/**
 * Extends a credential that ends at a line break over the next lines when they continue it: the
 * next line starts (no indent) with key characters that end the line or are followed by a space
 * or closing punctuation, do not start another credential, and look like key material — a short
 * remainder only when the format's full length says the key is incomplete, or when it ends its
 * line. Never glues a plain word (`openclaw`, `then`): unrelated lines stay apart.
 * @param bodyLength body characters already seen, compared with `fullBody`.
 * @returns the new end index (unchanged when nothing continues).
 */
export function extendAcrossWraps(
  text: string,
  end: number,
  bodyLength: number,
  bodyChar: (c: number) => boolean,
  fullBody?: number,
): number {
  let e = end;
  let length = bodyLength;
  for (let lines = 0; lines < MAX_WRAPPED_LINES; lines++) {
    const br = lineBreakAt(text, e);
    if (br === 0) break;
    if (fullBody !== undefined && length >= fullBody) break;
    const marker = markerOfLineAt(text, e);
    const from = e + br + (marker !== '' && text.startsWith(marker, e + br) ? marker.length : 0);
    const to = scanRun(text, from, bodyChar);
    const t = withoutZeroWidth(text.slice(from, to));
    if (t.length === 0) break;
    const after = text[to];
    const endsLine = after === undefined || lineBreakAt(text, to) > 0;
    if (!endsLine && !CLOSERS.has(after) && !SPACE.test(after)) break;
    if (startsWithKnownHead(t)) break;
    const fitsFullLength = fullBody !== undefined && length + t.length <= fullBody + 2;
    const mixedCase = /[a-z]/.test(t) && /[A-Z]/.test(t);
    const material =
      t.length >= 8
        ? mixedCase || (/[0-9]/.test(t) && /[A-Za-z]/.test(t))
        : !/^[a-z]+$/.test(t) && (fitsFullLength || endsLine || QUOTES.has(after ?? ''));
    if (!material) break;
    e = to;
    length += t.length;
    if (!endsLine) break;
  }
  return e;
}

/**
 * -1 when `raw` (a body as found in the text) is a credential; the index of its last placeholder
 * word when only that spoils it; -2 when it is too short or not random.
 */
function judgeBody(raw: string, minBody: number): number {
  const body = withoutZeroWidth(raw).replace(/\r?\n/g, '');
  return body.length >= minBody && looksRandom(body) ? lastPlaceholderWord(raw) : -2;
}

/**
 * Cheap first look: every head in one alternation. It matches somewhere exactly when one of the
 * heads does, so a text with no head at all (most log lines, most prose) costs one scan, not 27.
 */
const ANY_HEAD = new RegExp(KEY_PATTERNS.map((p) => `(?:${p.head.source})`).join('|'));
/** Each pattern's global head regex, made once (its `lastIndex` is reset before every scan). */
const HEADS = new Map(KEY_PATTERNS.map((p) => [p, new RegExp(p.head.source, p.head.flags)]));

/**
 * Each head's required literals in lower case (required-literals.ts), or null when it has none
 * or one is not ASCII: a text holding none of them (in any case) has no such head to scan for.
 */
const HEAD_LITERALS = new Map(
  KEY_PATTERNS.map((p) => {
    const literals = requiredLiterals(p.head);
    return [p, literals && literals.every((l) => /^[\x00-\x7f]+$/.test(l)) ? literals.map((l) => l.toLowerCase()) : null];
  }),
);

/** Spans of every credential with a known head (Anthropic, OpenAI, GitHub, Discord, …). */
export function findKeyedSpans(text: string): SecretSpan[] {
  const spans: SecretSpan[] = [];
  if (!ANY_HEAD.test(text)) return spans;
  // Lower case keeps every ASCII literal findable (what it adds elsewhere only lets more heads run).
  const lower = text.toLowerCase();
  for (const pattern of KEY_PATTERNS) {
    const literals = HEAD_LITERALS.get(pattern);
    if (literals && !literals.some((l) => lower.includes(l))) continue;
    spans.push(...findPattern(text, pattern));
  }
  return spans;
}

function findPattern(text: string, p: KeyPattern): SecretSpan[] {
  const spans: SecretSpan[] = [];
  const bodyChar = p.bodyChar ?? isKeyChar;
  const re = HEADS.get(p)!;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const headEnd = m.index + m[0].length;
    const runEnd = scanRun(text, headEnd, bodyChar);
    const glued = extendAcrossWraps(text, runEnd, runEnd - headEnd, bodyChar, p.fullBody);
    // The glued form first; if the glued line spoils it, the key as it stands on its own line.
    let word = judgeBody(text.slice(headEnd, glued), p.minBody);
    let end = glued;
    if (word !== -1 && glued !== runEnd && judgeBody(text.slice(headEnd, runEnd), p.minBody) === -1) {
      word = -1;
      end = runEnd;
    }
    if (word === -1) spans.push({ start: m.index, end, credentialType: p.credentialType, label: p.label ?? m[0], keyed: true });
    // Too short and not random hold for every later suffix of the run: skip the whole run. A
    // placeholder word does not: a head after the last such word is tried again.
    re.lastIndex = word >= 0 ? headEnd + word + 1 : Math.max(re.lastIndex, end);
  }
  return spans;
}
