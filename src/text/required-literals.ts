/**
 * The literals a regex cannot match without: `requiredLiterals(/\bapi[ _-]?keys?\b|\boauth\b/i)`
 * gives `['api', 'oauth']`, so a text that contains none of them (case-insensitively) is not
 * matched and the regex need not run. Computed from the pattern's source, so the list cannot
 * drift from the pattern. Understands the JavaScript syntax without the `u`/`v` flags:
 * alternation, groups, lookarounds, quantifiers, classes and escapes; what it cannot bound (a
 * backreference, a flag it does not know) gives null, "no literal is required", which is always
 * safe. Pure; linear in the pattern's length times the small set sizes below.
 */

/** An exact set of the strings a part matches (null: too many or unbounded), and its required literals (null: none). */
interface Info {
  exact: string[] | null;
  need: string[] | null;
}

/** Most strings an exact set may hold before it is given up (a class like [A-Za-z] is not one). */
const LIMIT = 32;
/** Literals longer than this are cut to their head: as selective, and the scanner stays small. */
const HEAD = 8;

const ANY: Info = { exact: null, need: null };
const EMPTY: Info = { exact: [''], need: null };

/** Literals of ≥ 4 characters are about equally rare; then fewer literals are better, then longer ones. */
function score(need: string[]): number {
  const shortest = Math.min(...need.map((s) => s.length));
  return Math.min(shortest, 4) * 1000 - need.length * 10 + Math.min(shortest, HEAD);
}

function better(a: string[] | null, b: string[] | null): string[] | null {
  if (!a) return b;
  if (!b) return a;
  return score(b) > score(a) ? b : a;
}

const ASCII = /^[\x00-\x7f]*$/;

/**
 * A string as a case-insensitive regex without the u flag compares it: each UTF-16 unit by its
 * upper case, unless that is not one unit or turns a non-ASCII unit into ASCII (ECMA-262
 * Canonicalize). Two strings match each other under /i exactly when their folds are equal.
 */
export function fold(s: string): string {
  // ASCII (nearly every literal): each unit's upper case is one ASCII unit.
  if (ASCII.test(s)) return s.toUpperCase();
  let out = '';
  for (const unit of s.split('')) {
    const upper = unit.toUpperCase();
    out += upper.length !== 1 || (unit.charCodeAt(0) >= 128 && upper.charCodeAt(0) < 128) ? unit : upper;
  }
  return out;
}

/** The smallest equivalent set: a literal holding another of the set is dropped (the other is found wherever it is). */
function reduce(set: readonly string[]): string[] {
  if (set.length === 1) return [set[0]!.slice(0, HEAD)]; // most sets: one literal
  const minimal = (strings: readonly string[]): string[] => {
    const kept: string[] = [];
    const keptFolds: string[] = [];
    for (const s of [...new Set(strings)].sort((a, b) => a.length - b.length)) {
      const f = fold(s);
      if (!keptFolds.some((k) => f.includes(k))) kept.push(s), keptFolds.push(f);
    }
    return kept;
  };
  return minimal(minimal(set).map((s) => s.slice(0, HEAD)));
}

/** Required literals of an exact set: itself, unless it can be empty. */
function needOf(exact: string[] | null): string[] | null {
  return exact && exact.length > 0 && !exact.includes('') ? reduce(exact) : null;
}

function product(a: string[], b: string[]): string[] | null {
  if (a.length * b.length > LIMIT) return null;
  // With one side a single string, every concatenation is distinct already.
  if (b.length === 1) return a.map((x) => x + b[0]);
  if (a.length === 1) return b.map((y) => a[0] + y);
  return [...new Set(a.flatMap((x) => b.map((y) => x + y)))];
}

function info(exact: string[] | null, need: string[] | null = null): Info {
  return { exact, need: better(need, needOf(exact)) };
}

class Parser {
  private i = 0;
  private readonly src: string;
  constructor(src: string) {
    this.src = src;
  }

  parse(): Info {
    const result = this.disjunction();
    if (this.i < this.src.length) throw new Error(`unexpected ${this.src[this.i]} at ${this.i}`);
    return result;
  }

  private disjunction(): Info {
    const branches = [this.alternative()];
    while (this.src[this.i] === '|') {
      this.i++;
      branches.push(this.alternative());
    }
    if (branches.length === 1) return branches[0]!;
    const exact = branches.every((b) => b.exact) ? [...new Set(branches.flatMap((b) => b.exact!))] : null;
    const need = branches.every((b) => b.need) ? reduce(branches.flatMap((b) => b.need!)) : null;
    return info(exact && exact.length <= LIMIT ? exact : null, need);
  }

  /** A sequence: the best of its terms' literals and of each run of exact terms joined. */
  private alternative(): Info {
    let whole: string[] | null = [''];
    let run: string[] = [''];
    let need: string[] | null = null;
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const term = this.term();
      need = better(need, term.need);
      whole = whole && term.exact ? product(whole, term.exact) : null;
      const joined = term.exact ? product(run, term.exact) : null;
      // Each prefix of a run is required too (and may be fewer literals than the whole run).
      need = better(need, needOf(run));
      run = joined ?? term.exact ?? [''];
    }
    return info(whole, better(need, needOf(run)));
  }

  private term(): Info {
    const atom = this.atom();
    const q = this.quantifier();
    if (!q) return atom;
    const [min, max] = q;
    if (min === 0) return max === 1 && atom.exact ? info([...new Set(['', ...atom.exact])]) : ANY;
    return { exact: min === 1 && max === 1 ? atom.exact : null, need: atom.need };
  }

  /** `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}` (lazy or not) as [min, max]; null when none follows. */
  private quantifier(): [number, number] | null {
    const c = this.src[this.i];
    let q: [number, number] | null = null;
    if (c === '*') q = [0, Infinity];
    else if (c === '+') q = [1, Infinity];
    else if (c === '?') q = [0, 1];
    if (q) this.i++;
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) return null; // a literal `{` (allowed without the u flag)
      this.i += m[0].length;
      const min = Number(m[1]);
      q = [min, m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3])];
    } else return null;
    if (this.src[this.i] === '?') this.i++;
    return q;
  }

  private atom(): Info {
    const c = this.src[this.i++]!;
    if (c === '^' || c === '$') return EMPTY;
    if (c === '.') return ANY;
    if (c === '[') return this.charClass();
    if (c === '\\') return this.escape();
    if (c === '(') {
      let lookaround = false;
      if (this.src.startsWith('?:', this.i)) this.i += 2;
      else if (/^\?<?[=!]/.test(this.src.slice(this.i, this.i + 3))) {
        lookaround = true;
        this.i += this.src[this.i + 1] === '<' ? 3 : 2;
      } else if (this.src.startsWith('?<', this.i)) this.i = this.src.indexOf('>', this.i) + 1;
      const inner = this.disjunction();
      if (this.src[this.i++] !== ')') throw new Error('unclosed group');
      return lookaround ? EMPTY : inner;
    }
    if (c === ')' || c === '|' || c === '*' || c === '+' || c === '?') throw new Error(`unexpected ${c}`);
    return info([c]);
  }

  /** An escape outside a class: an assertion, a class, a backreference, or one character. */
  private escape(): Info {
    const c = this.src[this.i++]!;
    if (c === 'b' || c === 'B') return EMPTY;
    if ('dDwWsS'.includes(c) || /[1-9k]/.test(c)) return ANY;
    const char = this.escapedChar(c);
    return char === null ? ANY : info([char]);
  }

  /**
   * The character of an escape `\c` (after the backslash), or null where it is not one fixed
   * character (an octal escape, `\c` without a letter); \d-like classes are handled by the callers.
   */
  private escapedChar(c: string): string | null {
    if (c === '0' && /\d/.test(this.src[this.i] ?? '')) return null;
    if (c === 'c' && !/[A-Za-z]/.test(this.src[this.i] ?? '')) return null;
    const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', v: '\v', f: '\f', '0': '\0' };
    if (c in simple) return simple[c]!;
    const hex = c === 'x' ? 2 : c === 'u' ? 4 : 0;
    const digits = hex ? this.src.slice(this.i, this.i + hex) : '';
    if (hex && /^[0-9a-fA-F]+$/.test(digits) && digits.length === hex) {
      this.i += hex;
      return String.fromCharCode(Number.parseInt(digits, 16));
    }
    if (c === 'c') return String.fromCharCode(this.src.charCodeAt(this.i++) % 32);
    return c;
  }

  /** A class: its characters when it is a short positive list, else any one character. */
  private charClass(): Info {
    const negated = this.src[this.i] === '^';
    if (negated) this.i++;
    const chars = new Set<string>();
    let bounded = true;
    while (this.i < this.src.length && this.src[this.i] !== ']') {
      const lo = this.classChar();
      if (lo === null) {
        bounded = false;
        continue;
      }
      if (this.src[this.i] === '-' && this.src[this.i + 1] !== ']' && this.i + 1 < this.src.length) {
        this.i++;
        const hi = this.classChar();
        if (hi === null || hi.charCodeAt(0) - lo.charCodeAt(0) >= LIMIT) bounded = false;
        else for (let k = lo.charCodeAt(0); k <= hi.charCodeAt(0); k++) chars.add(String.fromCharCode(k));
      } else chars.add(lo);
    }
    if (this.src[this.i++] !== ']') throw new Error('unclosed class');
    return !negated && bounded && chars.size > 0 && chars.size <= LIMIT ? info([...chars]) : ANY;
  }

  /** One character of a class, or null for \d, \w, \s, their negations and what is not one fixed character. */
  private classChar(): string | null {
    const c = this.src[this.i++]!;
    if (c !== '\\') return c;
    const e = this.src[this.i++]!;
    if ('dDwWsS'.includes(e) || /[1-9]/.test(e)) return null;
    return e === 'b' ? '\b' : this.escapedChar(e);
  }
}

/**
 * Literals one of which every match of `re` contains (compare case-insensitively), each at most
 * 8 characters; null when the pattern requires none (it can match without any fixed text, or
 * uses the u/v flags or syntax this reader does not know).
 */
export function requiredLiterals(re: RegExp): string[] | null {
  const key = `${re.flags}/${re.source}`;
  if (Object.hasOwn(BUILT, key)) return BUILT[key] ? [...BUILT[key]] : null;
  if (/[uv]/.test(re.flags)) return null;
  try {
    return new Parser(re.source).parse().need;
  } catch {
    return null;
  }
}

/**
 * The answers for the gates' patterns, keyed by `flags/source`, worked out by `npm run build`
 * (bin/build.mjs puts them in the bundle; ~50 ms less for each cold `pincer diagnose`). Empty
 * under tsx and in the tests; a pattern missing from it is parsed as above.
 */
declare const PINCER_REQUIRED_LITERALS: Readonly<Record<string, string[] | null>> | undefined;
const BUILT: Readonly<Record<string, string[] | null>> = typeof PINCER_REQUIRED_LITERALS === 'object' ? PINCER_REQUIRED_LITERALS : {};
