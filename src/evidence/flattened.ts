/**
 * Splits a paste whose line breaks were lost (`Config : ~/.openclaw/openclaw.json Agent dir : …
 * Default : …` on one line, as some web pages and phone clients render a copied terminal) back
 * into the lines OpenClaw printed (§1.2, §2). Only when at least three known row labels follow
 * each other on one line, so prose that names one label is left alone. Linear: one regex scan.
 */

const ANCHOR =
  / (?=(?:Config|Agent dir|Default|Fallbacks \(\d{1,3}\)|Image model|Image fallbacks \(\d{1,3}\)|Aliases \(\d{1,3}\)|Configured models \(\d{1,3}\)|Auth store|Shell env) {0,16}:|Auth overview\b|Providers w\/ OAuth\/tokens|OAuth\/token status\b|Missing auth\b|Auth probes\b|- [a-z][\w.-]{0,63} effective=|(?:Agent|Provider|Auth file|Auth state file|Order override): )/g;

/** Section titles end their line: the next item starts a new one. */
const AFTER_TITLE = /(?<=\b(?:Auth overview|OAuth\/token status|Missing auth|Auth probes)) (?=\S)/g;

/** The pieces of a flattened line, or `[text]` when it is not one. */
export function splitFlattened(text: string): string[] {
  if (text.length < 40) return [text];
  // exec loops on the shared regexes: `matchAll` would clone the regex for every line.
  const cuts: number[] = [];
  ANCHOR.lastIndex = 0;
  for (let m = ANCHOR.exec(text); m !== null; m = ANCHOR.exec(text)) cuts.push(m.index);
  if (cuts.length < 2) return [text];
  const seen = new Set(cuts);
  AFTER_TITLE.lastIndex = 0;
  for (let m = AFTER_TITLE.exec(text); m !== null; m = AFTER_TITLE.exec(text)) if (!seen.has(m.index)) cuts.push(m.index);
  cuts.sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const cut of cuts) {
    pieces.push(text.slice(from, cut));
    from = cut + 1;
  }
  pieces.push(text.slice(from));
  return pieces.length >= 3 ? pieces.map((p) => p.trim()) : [text];
}
