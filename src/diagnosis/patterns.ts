/**
 * Signals as data: an error pattern says which error texts (the codes the evidence layer reads
 * them as, src/evidence/error-classify.ts) confirm a branch, on which OpenClaw versions OpenClaw
 * prints them, and the reason to give (a message template; `{error}` is the line as pasted). A
 * rule's `errors` patterns run before its `when`: the first that matches is the verdict, so a rule
 * whose only signal is an error string needs no code at all.
 */
import type { ErrorCode } from '../evidence/facts.ts';
import type { Message } from './reason.ts';
import { because, errorQuote, errorsWith } from './signals.ts';
import { rowRange } from './steps.ts';
import type { Verdict } from './types.ts';
import { compareVersions, type VersionRange } from './versions.ts';
import type { EvidenceView } from './view.ts';
import { confirmed } from './verdict.ts';

export interface ErrorPattern {
  codes: ErrorCode[];
  /** Where OpenClaw prints it, as a steps row writes versions (`any`, `≥2026.8.1`, `2026.6.5–2026.7.x`). */
  versions?: string;
  /** `{error}` = the pasted line, quoted as code. */
  reason: string;
  /** How the text reads, for `pincer explain` and docs/branches.md (never matched). */
  text: string;
  /** 3 (default) = a string only this branch produces; 2 = parsed output proving it. */
  specificity?: 1 | 2 | 3;
}

/** False only when the thread's known range and the pattern's range cannot meet. */
export function rangesMeet(versions: string | undefined, thread: VersionRange): boolean {
  const r = versions ? rowRange(versions) : null;
  if (!r) return true;
  if (r.min && thread.max && compareVersions(thread.max, r.min) < 0) return false;
  if (r.max && thread.min && compareVersions(thread.min, r.max) > 0) return false;
  return true;
}

/** The reason of a pattern with the error's line as its one quoted value. */
function reasonOf(p: ErrorPattern, quote: string): Message {
  return { id: p.reason.replace('{error}', '`{0}`'), quotes: [quote] };
}

/** The verdict of the first pattern an error in the thread matches (newest error), or null. */
export function matchErrors(patterns: readonly ErrorPattern[], view: EvidenceView): Verdict | null {
  for (const p of patterns) {
    if (!rangesMeet(p.versions, view.versionRange)) continue;
    const err = errorsWith(view, ...p.codes).at(-1);
    if (err) return confirmed(p.specificity ?? 3, because(reasonOf(p, errorQuote(err)), err));
  }
  return null;
}

/** Pattern lines for `pincer explain`: `[≥8.1] text (codes)`. */
export function patternLines(patterns: readonly ErrorPattern[]): string[] {
  return patterns.map((p) => `${p.versions && p.versions !== 'any' ? `[${p.versions.replace(/2026\./g, '')}] ` : ''}${p.text}  (${p.codes.join(', ')})`);
}
