/**
 * One scan of a line that tells which of many regexes may match it. Each regex's required
 * literals (required-literals.ts, computed from the pattern) go into one case-insensitive
 * alternation; a regex none of whose literals is in the line cannot match it and is skipped.
 * So a reader of ~40 regexes costs one scan per line, plus the few regexes whose words are there.
 */
import { fold, requiredLiterals } from './required-literals.ts';

export interface KeywordGate {
  /**
   * Which patterns may match `text`: 1 at index i when pattern i may (its literal is in the text,
   * or it requires none), 0 when it cannot. The array is reused by the next call.
   */
  scan(text: string): Uint8Array;
  /** The patterns, in the order of `scan`'s flags. */
  readonly patterns: readonly RegExp[];
  /** Each pattern's literals as the scan looks for them; null: the pattern requires none and is always scanned in. */
  readonly literals: readonly (readonly string[] | null)[];
}

const escape = (s: string): string => s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

/**
 * The gate of `patterns`, built on its first use (any flags; a pattern with the u or v flag is always scanned in).
 * @param also literals to add to pattern i's own (for a reader that runs pattern i on a changed text)
 */
export function keywordGate(patterns: readonly RegExp[], also: Readonly<Record<number, readonly string[]>> = {}): KeywordGate {
  // Built on first use: a cold `pincer diagnose` of a short paste may never need a given gate.
  let built: Built | undefined;
  const get = (): Built => (built ??= build(patterns, also));
  return {
    patterns,
    get literals() {
      return get().literals;
    },
    scan: (text) => get().scan(text),
  };
}

interface Built {
  literals: (readonly string[] | null)[];
  scan(text: string): Uint8Array;
}

function build(patterns: readonly RegExp[], also: Readonly<Record<number, readonly string[]>>): Built {
  const literals = patterns.map((re, i) => {
    const own = requiredLiterals(re);
    return own && also[i] ? [...own, ...also[i]] : own;
  });
  const always = new Uint8Array(patterns.length);
  // Every distinct literal (by fold), with the patterns that need it.
  const byFold = new Map<string, { text: string; patterns: Set<number> }>();
  literals.forEach((lits, i) => {
    if (!lits) always[i] = 1;
    for (const text of lits ?? []) {
      const key = fold(text);
      const entry = byFold.get(key) ?? { text, patterns: new Set<number>() };
      entry.patterns.add(i);
      byFold.set(key, entry);
    }
  });
  // Longest first: at one position the scan reports the longest literal there, and every literal
  // inside it is counted as found too, so no literal is missed where another starts.
  const keys = [...byFold.keys()].sort((a, b) => b.length - a.length);
  const opens = new Map<string, number[]>();
  for (const key of keys) {
    const found = new Set<number>();
    for (const inner of keys) if (key.includes(inner)) for (const p of byFold.get(inner)!.patterns) found.add(p);
    opens.set(key, [...found]);
  }
  const scanner = keys.length > 0 ? new RegExp(keys.map((k) => escape(byFold.get(k)!.text)).join('|'), 'gi') : null;
  const flags = new Uint8Array(patterns.length);
  // A match by its text as written (most are in the case of their literal), filled as met; bounded.
  const seen = new Map<string, number[] | undefined>();
  const openOf = (hit: string): number[] | undefined => {
    if (seen.has(hit)) return seen.get(hit);
    const open = opens.get(fold(hit));
    if (seen.size < 4_096) seen.set(hit, open);
    return open;
  };

  return {
    literals,
    scan(text: string): Uint8Array {
      flags.set(always);
      if (!scanner) return flags;
      scanner.lastIndex = 0;
      for (let m = scanner.exec(text); m; m = scanner.exec(text)) {
        const open = openOf(m[0]);
        if (!open) {
          flags.fill(1); // cannot happen (the scan matched a key); every pattern stays in
          return flags;
        }
        for (const p of open) flags[p] = 1;
        scanner.lastIndex = m.index + 1;
      }
      return flags;
    },
  };
}
