/**
 * Signals as data: what confirms (or only suggests, or rules out) a branch, declared in a rule's
 * `signals` and read by ONE matcher (`matchSignals`). Three forms of evidence, each with the
 * OpenClaw versions it holds on (steps-row syntax: `any`, `≥2026.8.1`, `2026.6.5–2026.7.x`; a
 * thread whose known range cannot meet them skips it):
 * - `error`: a `provider_error` fact with one of these codes, or `'any'` code (then `where`
 *   decides, e.g. `{ httpStatus: 402 }`); error lines also carry `rejection` and `errorProvider`
 *   (./derived.ts);
 * - `statement`: a statement fact of one of these topics (what the user says);
 * - `fact`: a fact of one kind, parsed or derived (./derived.ts: `unusable_profile` …).
 * Each may narrow by fields (`where`: a value, `{ not }`, `{ re }`, `{ gt }`, `{ has }`, `{ any }`,
 * `{ none }`, `{ differs }`, `{ atLeast }`, `{ atMost }`; on each element of a list field with `each`) and be
 * blocked by other evidence in the thread (`unless`: error codes, statement topics, or a fact kind;
 * `where` there tests them). The newest fact that passes is the evidence. `with` asks for a second
 * piece of evidence (same forms), optionally newer (`order: 'after'`), not older (`'not_before'`:
 * the same message or newer), older (`'before'`) or lower in the same message (`'below'`) than the
 * first; the reason quotes it as `{with}` and cites it (a list: each must be present, quoted
 * `{with}`, `{with2}` …). `verdict` is `confirmed` (default), `possible` or `ruled_out`, so a
 * rule's signals read top-down like an if/else chain: in order, the first that matches is the
 * verdict. Rules have no code of their own.
 *
 * `reason` is a message template: `{quote}` is the evidence as pasted (`errorQuote` for an error,
 * the user's words for a statement, the signal's `quote` template for a fact), `{field}` a field
 * of the fact, `{with}` / `{with.field}` the same of the `with` evidence (`{field|words}`:
 * underscores as spaces; `{field|opt}`: ` value`, or nothing when absent; `{field|list}`: a list
 * joined by `, `; `{a??b}`: field `a`, else `b`; `{?text {field}}`: the text only when its fields
 * have values; ./templates.ts fills them); written in backticks it renders as inline code, bare as plain text (./reason.ts).
 */
import type { Fact, FactKind } from '../evidence/facts.ts';
import type { EvidenceSpec, FieldTest, Signal, WithSpec } from './signal-types.ts';
import { because, errorQuote } from './signals.ts';
import { fillTemplate, PLACEHOLDER, resolveOptional, templateNames, valueOf } from './templates.ts';
import { rowRange } from './steps.ts';
import type { Verdict } from './types.ts';
import { compareVersions, RELEASE_VERSION, type VersionRange } from './versions.ts';
import { type Subject, sources } from './subjects.ts';
import type { EvidenceView } from './view.ts';
import { confirmed, possible, ruledOut } from './verdict.ts';

export type { ErrorSignal, EvidenceSpec, FactSignal, FieldTest, Signal, StatementSignal, Unless, WithSpec } from './signal-types.ts';

/** `rowRange` of each signal's `versions`, parsed once (the strings are fixed at load). */
const ranges = new Map<string, VersionRange | null>();

/** False only when the thread's known range and the signal's range cannot meet. */
export function rangesMeet(versions: string | undefined, thread: VersionRange): boolean {
  let r: VersionRange | null = null;
  if (versions) {
    if (ranges.has(versions)) r = ranges.get(versions)!;
    else ranges.set(versions, (r = rowRange(versions)));
  }
  if (!r) return true;
  if (r.min && thread.max && compareVersions(thread.max, r.min) < 0) return false;
  if (r.max && thread.min && compareVersions(thread.min, r.max) > 0) return false;
  return true;
}

/** Each `re` field test compiled once (case-insensitive); the tables are fixed at load, so this stays small. */
const compiled = new Map<string, RegExp>();
function matchesRe(source: string, value: string): boolean {
  let re = compiled.get(source);
  if (!re) compiled.set(source, (re = new RegExp(source, 'i')));
  return re.test(value);
}

function passes(value: unknown, test: FieldTest, fields: Record<string, unknown>): boolean {
  if (typeof test !== 'object') return value === test;
  if ('not' in test) return value !== undefined && value !== test.not;
  if ('re' in test) return typeof value === 'string' && matchesRe(test.re, value);
  if ('has' in test) return Array.isArray(value) && value.includes(test.has);
  if ('any' in test) return test.any.some((x) => (x === null ? value === undefined || value === null : value === x));
  if ('none' in test) return !test.none.some((x) => value === x);
  if ('differs' in test) return value !== undefined && fields[test.differs] !== undefined && value !== fields[test.differs];
  if ('atLeast' in test) return typeof value === 'string' && RELEASE_VERSION.test(value) && compareVersions(value, test.atLeast) >= 0;
  if ('atMost' in test) return typeof value === 'string' && RELEASE_VERSION.test(value) && compareVersions(value, test.atMost) <= 0;
  return typeof value === 'number' && value > test.gt;
}

/** What `where` and the templates read: the fact's fields, or each element of its `each` list. */
function eachOf(s: EvidenceSpec, x: Subject): Subject[] {
  if (!s.each) return [x];
  // `oauthStatus.profiles`: every profile of every oauthStatus entry, in order.
  let level: Record<string, unknown>[] = [x.fields];
  for (const key of s.each.split('.')) {
    level = level.flatMap((v) => (Array.isArray(v[key]) ? (v[key] as unknown[]) : [])).filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null);
  }
  return level.map((fields) => ({ fields, facts: x.facts }));
}

const passesAll = (where: Record<string, FieldTest> | undefined, fields: Record<string, unknown>): boolean => {
  for (const k in where) if (!passes(fields[k], where[k]!, fields)) return false;
  return true;
};

/** A fact's first element (or the fact itself) that passes the spec's `where`. */
const passing = (s: EvidenceSpec, x: Subject): Subject | undefined => (s.each ? eachOf(s, x).find((y) => passesAll(s.where, y.fields)) : passesAll(s.where, x.fields) ? x : undefined);

/** Every subject of a spec that passes its `where`, oldest first (for each fact, its first passing element). */
function hits(s: EvidenceSpec, view: EvidenceView): Subject[] {
  return sources(s, view).flatMap((x) => passing(s, x) ?? []);
}

/** The newest subject that passes, looking from the newest fact back (what `hits(…).at(-1)` is, without the rest). */
function newestHit(s: EvidenceSpec, view: EvidenceView): Subject | undefined {
  const all = sources(s, view);
  for (let i = all.length - 1; i >= 0; i--) {
    const hit = passing(s, all[i]!);
    if (hit) return hit;
  }
  return undefined;
}

/** The evidence as quoted: the spec's `quote` template, else the error line or the user's words. */
function quoteOf(s: EvidenceSpec, x: Subject): string {
  if (s.quote) return resolveOptional(s.quote, x.fields).replace(PLACEHOLDER, (_, k: string, filter?: string) => valueOf(x.fields, k, filter));
  const f = x.facts[0];
  if (f?.kind === 'provider_error') return errorQuote(f);
  if (f?.kind === 'statement') return f.quote;
  return '';
}

/** A signal with what the matcher works out of its declaration once (signals are fixed at load). */
interface Planned {
  signal: Signal;
  /** Its `unless` as evidence specs. */
  unless: readonly EvidenceSpec[];
  /** Its `with` as a list. */
  withs: readonly WithSpec[];
  /** The names its reason template reads (`{a??b}`: both). */
  names: readonly string[];
}

const plan = (s: Signal): Planned => ({
  signal: s,
  unless: [s.unless ?? []].flat().flatMap((u) => [
    ...(u.error?.length ? [{ error: u.error, where: u.where }] : []),
    ...(u.statement?.length ? [{ statement: u.statement, where: u.where }] : []),
    ...(u.fact ? [{ fact: u.fact, where: u.where }] : []),
  ]),
  withs: [s.with ?? []].flat(),
  names: templateNames(s.reason),
});

/** Each rule's signals planned, by the rule's signal list (one lookup per rule and message). */
const planned = new WeakMap<readonly Signal[], readonly Planned[]>();
function plansOf(signals: readonly Signal[]): readonly Planned[] {
  let plans = planned.get(signals);
  if (!plans) planned.set(signals, (plans = signals.map(plan)));
  return plans;
}

/** True when the thread holds evidence the signal's `unless` names. */
function blocked(p: Planned, view: EvidenceView): boolean {
  for (const spec of p.unless) if (newestHit(spec, view) !== undefined) return true;
  return false;
}

/** Position of a subject's first fact in the thread: message seq, then line. */
function position(view: EvidenceView, x: Subject): { seq: number; messageId: string; line: number } {
  const f = x.facts[0];
  let seq = -1;
  for (const r of view.records) if (!r.stale && r.fact === f) seq = Math.max(seq, r.seq);
  return { seq, messageId: f?.source.messageId ?? '', line: f?.source.lineStart ?? 0 };
}

/** The newest `with` evidence standing where `order` asks relative to the main evidence, or undefined. */
function withHit(w: WithSpec, view: EvidenceView, main: Subject): Subject | undefined {
  if (!w.order) return newestHit(w, view);
  const all = hits(w, view);
  const m = position(view, main);
  return all.filter((x) => {
    const p = position(view, x);
    if (w.order === 'after') return p.seq > m.seq;
    if (w.order === 'not_before') return p.seq >= m.seq;
    if (w.order === 'before') return p.seq < m.seq;
    return p.messageId === m.messageId && p.line > m.line;
  }).at(-1);
}

/**
 * What the reason template of a match reads, for the names it uses (`plan`'s `names`): the
 * `with` evidence (`{with}` its quote, `{with.field}`; a later `with` first), else `{quote}`, else
 * a `quotes` entry, else a field of the evidence. Only those are worked out (quoting is the costly part).
 */
function templateValues(p: Planned, hit: Subject, ws: readonly Subject[]): Record<string, unknown> {
  const s = p.signal;
  const values: Record<string, unknown> = {};
  for (const key of p.names) {
    let found = false;
    for (let i = ws.length - 1; i >= 0 && !found; i--) {
      const name = i === 0 ? 'with' : `with${i + 1}`;
      if (key === name) values[key] = quoteOf(p.withs[i]!, ws[i]!);
      else if (key.startsWith(`${name}.`) && Object.hasOwn(ws[i]!.fields, key.slice(name.length + 1))) values[key] = ws[i]!.fields[key.slice(name.length + 1)];
      else continue;
      found = true;
    }
    if (found) continue;
    if (key === 'quote') values[key] = quoteOf(s, hit);
    else if (s.quotes && Object.hasOwn(s.quotes, key)) values[key] = quoteOf({ quote: s.quotes[key]! }, hit);
    else if (Object.hasOwn(hit.fields, key)) values[key] = hit.fields[key];
  }
  return values;
}

/** The verdict of one signal: from the newest fact that passes (and its `with`), or null. */
export function matchSignal(s: Signal, view: EvidenceView): Verdict | null {
  return matchPlanned(plan(s), view);
}

function matchPlanned(p: Planned, view: EvidenceView): Verdict | null {
  const s = p.signal;
  if (!rangesMeet(s.versions, view.versionRange) || blocked(p, view)) return null;
  const hit = newestHit(s, view);
  if (!hit) return null;
  // Every `with` must be present: the first is `{with}`, the next `{with2}` …
  const specs = p.withs;
  const ws = specs.map((w) => withHit(w, view, hit)) as Subject[];
  if (ws.some((w) => !w)) return null;
  const why = because(fillTemplate(s.reason, templateValues(p, hit, ws)), ...hit.facts, ...ws.flatMap((w, i) => (specs[i]!.cite === false ? [] : w.facts)));
  if (s.verdict === 'possible') return possible(why);
  if (s.verdict === 'ruled_out') return ruledOut(why);
  return confirmed(specificityOf(s), why);
}

/** The declared specificity, else 1 for a statement, 3 for an error string, 2 for parsed output. */
export const specificityOf = (s: Signal): 1 | 2 | 3 => s.specificity ?? (s.statement ? 1 : s.error ? 3 : 2);

/** The verdict of the first signal that matches, or null. */
export function matchSignals(signals: readonly Signal[], view: EvidenceView): Verdict | null {
  for (const p of plansOf(signals)) {
    const v = matchPlanned(p, view);
    if (v) return v;
  }
  return null;
}

