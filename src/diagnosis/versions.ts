/**
 * Which OpenClaw versions a thread can be on. A version is `2026.M.P`; ranges are inclusive. The
 * per-version steps themselves are each rule's `steps` table (./steps.ts).
 */
import type { FactRecord } from './view.ts';

/** A whole OpenClaw release version as a user states it: `2026.9.6`, `2026.8.1-beta.3`. */
export const RELEASE_VERSION = /^20\d\d\.\d{1,2}\.\d{1,2}(?:-[\w.]+)?$/;

/** Inclusive bounds; a missing bound is open. `{}` = nothing known. */
export interface VersionRange {
  min?: string;
  max?: string;
}

/** Numeric parts of `2026.3.13` / `2026.7.2-beta.7` (pre-release tags ignored); null when unreadable. */
export function versionParts(v: string): [number, number, number] | null {
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(v.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/** <0, 0, >0 as `a` is older, equal, newer than `b` (unreadable versions compare equal). */
export function compareVersions(a: string, b: string): number {
  const x = versionParts(a);
  const y = versionParts(b);
  if (!x || !y) return 0;
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return 0;
}

/**
 * The thread's exact version: the newest one OpenClaw printed (`--version`, banner, `/status`);
 * only when it printed none, the newest one the user named in prose.
 */
export function versionOf(live: readonly FactRecord[]): string | undefined {
  let printed: string | undefined;
  let said: string | undefined;
  for (const { fact } of live) {
    if (fact.kind !== 'version') continue;
    if (fact.from === 'prose') said = fact.version;
    else printed = fact.version;
  }
  return printed ?? said;
}

/**
 * The range the thread's version facts allow: an exact version (versionOf) fixes it;
 * otherwise the `version_hint` facts are intersected (hints that contradict each other are
 * dropped, leaving the range unknown).
 */
export function versionRangeOf(live: readonly FactRecord[]): VersionRange {
  const exact = versionOf(live);
  let min: string | undefined;
  let max: string | undefined;
  for (const { fact } of live) {
    if (fact.kind === 'version_hint') {
      if (fact.min && (!min || compareVersions(fact.min, min) > 0)) min = fact.min;
      if (fact.max && (!max || compareVersions(fact.max, max) < 0)) max = fact.max;
    }
  }
  if (exact) return { min: exact, max: exact };
  if (min && max && compareVersions(min, max) > 0) return {};
  return { ...(min ? { min } : {}), ...(max ? { max } : {}) };
}

/** `≥8.1`, `6.5–7.x`, `≤6.4`, or null when nothing is known: for replies and `explain`. */
export function describeRange(range: VersionRange): string | null {
  const short = (v: string) => v.replace(/^2026\./, '').replace(/\.99$/, '.x');
  if (range.min && range.max) return range.min === range.max ? range.min : `${short(range.min)}–${short(range.max)}`;
  if (range.min) return `≥${short(range.min)}`;
  if (range.max) return `≤${short(range.max)}`;
  return null;
}
