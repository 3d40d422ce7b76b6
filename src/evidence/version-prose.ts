/**
 * The OpenClaw version a user names in prose: "with OpenClaw on 2026.5.12", "running v2026.5.12",
 * "after upgrading to 2026.4.12" (the one they are on now), "worked on 4.5, fails on 4.10" (the
 * failing one), "downgraded to 2026.3.28" (the one they went to, unless the same sentence says it
 * works there). One `version` fact `from: 'prose'` per message; a version OpenClaw itself prints
 * (`--version`, the banner, a `/status` card) always wins over it (diagnosis/versions.ts).
 * Short versions (`4.10`) are read only after a version word ("fails on", "upgraded to",
 * "OpenClaw", "version"), and stand for `2026.M.P`, the scheme every OpenClaw release uses.
 */
import { spanOf, type Parser } from './context.ts';
import type { Fact } from './facts.ts';
import { OPENCLAW_VERSION_LINE } from './version.ts';

const YEAR = '2026';

/** A full `2026.5.12` (optionally `v`, `-beta.2`), or a short `5.12` (only after a strong cue). */
const TOKEN = /(?<![\w.])v?(20\d\d\.\d{1,2}\.\d{1,2}(?:-(?:beta|alpha|rc)\.?\d{0,3})?|\d{1,2}\.\d{1,2})(?![\w-]|\.\d)/g;

/** Words right before the version that say it is not the current one. */
const PAST = /\b(?:from|works? \w+ (?:on|in)|worked (?:fine |ok |well )?(?:on|in|with)|works? (?:fine |ok |well )?(?:on|in|with)|working (?:fine |ok |well )?(?:on|in|with)|was (?:on|using|running)|before|prior to|until|previously (?:on)?|back on|fine (?:on|in)|[≤<]=?)\s*(?:openclaw\s+)?$/i;
/** Words right before the version that say it fails there. */
const FAILING = /\b(?:fail(?:s|ed|ing)? (?:on|in|with)|broke(?:n)? (?:on|in|with)|breaks (?:on|in)|regress(?:ed|ion) (?:on|in)|(?:still )?(?:happens|occurs|reproduces?) (?:on|in|with))\s*(?:openclaw\s+)?$/i;
/** Words that name the version the user is on; short versions need one of the strong ones. */
const STRONG = /\b(?:from v?\d[\w.-]* to|v?\d[\w.-]*\s*(?:→|->|=>)|(?:upgrad|updat)(?:e|ed|ing)\b[^.;:]{0,30}?\bto(?: openclaw)?|(?:downgrad|revert|roll)(?:e|ed|ing)(?: back)? (?:openclaw )?to|openclaw|version|fail(?:s|ed|ing)? (?:on|in|with)|broken? (?:on|in|with))\s*[:=]?\s*$/i;
const WEAK = /\b(?:on(?: released| the| build| version)?|running|using|at|tested (?:on|with)|verified on|reproduced on|with)\s*(?:openclaw\s+)?$/i;
const DOWNGRADE = /\b(?:downgrad|revert|roll)(?:e|ed|ing)(?: back)? (?:openclaw )?to\s*(?:openclaw\s+)?$/i;
/** "after the 2026.6.9 upgrade": the release right after is named by the word that follows it. */
const RELEASE_AFTER = /^\s*(?:upgrade|update|release)\b/i;
/** A downgrade sentence that says the older version works is about the failing one elsewhere. */
const WORKS_THERE = /\b(?:works?|working|restores?|restored|fix(?:es|ed)|fine|resolved?|solves?)\b/i;

interface Mention {
  version: string;
  rank: number;
}

/** The ranked mentions in one sentence (rank 3 failing, 2 current, 0 not current). */
function mentionsIn(sentence: string): Mention[] {
  const out: Mention[] = [];
  for (const m of sentence.matchAll(TOKEN)) {
    const raw = m[1] as string;
    const before = sentence.slice(Math.max(0, (m.index ?? 0) - 48), m.index).replace(/[`*"'“”‘’(]+/g, '');
    const full = /^20\d\d\./.test(raw);
    if (!full && !STRONG.test(before)) continue;
    const version = full ? raw : `${YEAR}.${raw}`;
    const vPrefixed = sentence[(m.index ?? 0)] === 'v';
    if (PAST.test(before)) out.push({ version, rank: 0 });
    else if (FAILING.test(before)) out.push({ version, rank: 3 });
    else if (DOWNGRADE.test(before)) out.push({ version, rank: WORKS_THERE.test(sentence) ? 0 : 2 });
    else if (STRONG.test(before) || WEAK.test(before) || (full && vPrefixed)) out.push({ version, rank: 2 });
    else if (full && RELEASE_AFTER.test(sentence.slice((m.index ?? 0) + m[0].length))) out.push({ version, rank: 2 });
  }
  return out;
}

/** Reads the version a user says they are on (at most one per message). */
export const parseVersionProse: Parser = (lines, ctx) => {
  let best: { mention: Mention; line: (typeof lines)[number] } | null = null;
  for (const line of lines) {
    const t = line.text.trim();
    if (t.length < 6 || !/\d\.\d/.test(t) || OPENCLAW_VERSION_LINE.test(t)) continue;
    for (const sentence of t.split(/(?<=[.!?;])\s+/)) {
      for (const mention of mentionsIn(sentence)) {
        if (mention.rank > 0 && (!best || mention.rank >= best.mention.rank)) best = { mention, line };
      }
    }
  }
  if (!best) return [];
  const fact: Fact = { kind: 'version', source: spanOf(ctx, best.line), confidence: 0.8, version: best.mention.version, from: 'prose' };
  return [fact];
};
