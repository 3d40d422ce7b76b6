/**
 * Character-level clean-up of pasted text, in two halves around secret masking (see index.ts):
 * `preMask` removes what can split a credential (ANSI colour codes, CR, zero-width characters);
 * `postMask` repairs what only changes how text looks (mojibake, NBSP, `•` bullets, trailing
 * blanks). Both keep line structure (one output line per input line; only a run of more than
 * MAX_BLANK_RUN blank lines is cut to that many) and are idempotent.
 * All patterns are single character classes or literal-led with bounded repeats: linear time.
 */
import { repairMojibake } from './mojibake.ts';

/** CSI (`ESC [ … m`), OSC (`ESC ] … BEL`), other two-byte escapes. */
const ANSI = /\x1b(?:\[[0-?]{0,32}[ -/]{0,8}[@-~]|\][^\x07\x1b\n]{0,512}(?:\x07|\x1b\\)?|[@-Z\\-_])?/g;
/**
 * Colour codes whose ESC was lost on the way (`[31m`, `[0m`, `[1;32m`). Not after `[`, a digit or
 * `;`, so removing one can never make another appear (idempotence).
 */
const ORPHAN_SGR = /(?<![[\d;])\[(?:\d{1,3}(?:;\d{1,3}){0,4})?m/g;
/** ES2024 `String.prototype.toWellFormed` (Node ≥ 20): lone surrogates → U+FFFD, in one native pass. */
type WellFormed = string & { toWellFormed(): string };
/** Zero-width and BOM characters, soft hyphen, word joiner, bidi marks. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Other control characters (tab and newline stay). */
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g;

/** CR LF, lone CR and the Unicode line breaks, all read as LF (one pass). */
const LINE_BREAK = /\r\n?|[\u2028\u2029\u0085]/g;
/** Both removed (order-free), in one pass. */
const INVISIBLE_OR_CONTROL = new RegExp(`${INVISIBLE.source}|${CONTROL.source}`, 'g');

/** Removes what can hide inside a credential or a line end. Input: any string. */
export function preMask(text: string): string {
  return (text as WellFormed)
    .toWellFormed()
    .replace(ANSI, '')
    .replace(LINE_BREAK, '\n')
    .replace(INVISIBLE_OR_CONTROL, '')
    .replace(ORPHAN_SGR, '');
}

const BULLET_SPACE = /[•◦▪‣∙] /;
/** A space or tab before a line end (every one `$` stops at under `m`: LF, CR, LS, PS) or the text's end. */
const TRAILING_BLANK = /[ \t](?:[\n\r\u2028\u2029]|$)/;

/**
 * Blank lines kept in a row. No OpenClaw output has more; a paste of a million empty lines (1 MB
 * of CR) made every reader walk a million lines, 1.3 s on the bot's one thread.
 */
export const MAX_BLANK_RUN = 20;
const BLANK_RUN = new RegExp(`\\n{${MAX_BLANK_RUN + 2},}`, 'g');
const KEPT_RUN = '\n'.repeat(MAX_BLANK_RUN + 1);
const CUT_RUN = `${KEPT_RUN}\n`;

/** Repairs mojibake, NBSP, `•` bullets and trailing blanks, and cuts long blank runs. Input: `preMask` output. */
export function postMask(text: string): string {
  let out = repairMojibake(text).replace(/[\u00a0\u2007\u202f]/g, ' ');
  // Cheap first look: the line-start scan only runs when a bullet and a space follow each other.
  if (BULLET_SPACE.test(out)) out = out.replace(/^([ \t]*)[•◦▪‣∙] /gm, '$1- ');
  // Cheap first look: most pastes have no blank before a line end (one scan, ~3x faster than the replace).
  // Only from the start of a run of blanks: `[ \t]+$` tried at every blank of a long run that
  // does not end the line backtracks quadratically (1 MB of spaces then `!` took minutes).
  if (TRAILING_BLANK.test(out)) out = out.replace(/(?<![ \t])[ \t]+$/gm, '');
  // After the blanks went: a line of spaces is an empty line by now.
  return out.includes(CUT_RUN) ? out.replace(BLANK_RUN, KEPT_RUN) : out;
}
