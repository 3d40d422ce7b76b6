/**
 * Signals as data: what confirms a branch, declared in a rule's `signals` and read by ONE matcher
 * (`matchSignals`). Three forms, each with the OpenClaw versions it holds on (steps-row syntax:
 * `any`, `≥2026.8.1`, `2026.6.5–2026.7.x`; a thread whose known range cannot meet them skips it):
 * - `error`: a `provider_error` fact with one of these codes (src/evidence/error-classify.ts);
 * - `statement`: a statement fact of one of these topics (what the user says);
 * - `fact`: a fact of one kind whose fields pass `where`.
 * Each may narrow by fields (`where`: a value, `{ not }`, `{ re }`, `{ gt }`, `{ has }`; on each
 * element of a list field with `each`) and be blocked by other evidence in the thread (`unless`:
 * an error code or statement topic). The newest fact that passes is the evidence. Signals run
 * before the rule's `when`, in order: the first that matches is the verdict, so a rule whose
 * signals are all data has no code at all.
 *
 * `reason` is a message template: `{quote}` is the evidence as pasted (`errorQuote` for an error,
 * the user's words for a statement, the signal's `quote` template for a fact), `{field}` a field
 * of the fact (`{field|words}`: underscores as spaces; `{field|opt}`: ` value`, or nothing when
 * absent); written in backticks it renders as inline code, bare as plain text (./reason.ts).
 */
import type { ErrorCode, Fact, FactKind, StatementTopic } from '../evidence/facts.ts';
import type { Message } from './reason.ts';
import { because, errorQuote } from './signals.ts';
import { rowRange } from './steps.ts';
import type { Verdict } from './types.ts';
import { compareVersions, type VersionRange } from './versions.ts';
import type { EvidenceView } from './view.ts';
import { confirmed } from './verdict.ts';

/** A field test: equal to a value, not equal (and present), matching a regex source (case-insensitive), a number above, or a list holding a value. */
export type FieldTest = string | number | boolean | { not: string } | { re: string } | { gt: number } | { has: string };

interface SignalBase {
  /** Where OpenClaw prints it, as a steps row writes versions (`any`, `≥2026.8.1`, `2026.6.5–2026.7.x`). */
  versions?: string;
  /** Field tests on the fact's top-level fields (on each element's fields with `each`). */
  where?: Record<string, FieldTest>;
  /** The reason template (`{quote}`, `{field}`; see the module comment). */
  reason: string;
  /** How the evidence reads, for `pincer explain` and docs/branches.md (never matched). */
  text: string;
  /** 3 = a string only this branch produces; 2 = parsed output proving it; 1 = a statement. */
  specificity?: 1 | 2 | 3;
  /** The quoted evidence as a template over the fact's fields (`● {selected}`); errors and statements have a default. */
  quote?: string;
  /** Evidence that blocks the signal anywhere in the thread: an error of these codes, a statement of these topics. */
  unless?: { error?: ErrorCode[]; statement?: StatementTopic[] };
}

export interface ErrorSignal extends SignalBase {
  error: ErrorCode[];
}
export interface StatementSignal extends SignalBase {
  statement: StatementTopic[];
}
export interface FactSignal extends SignalBase {
  fact: Exclude<FactKind, 'provider_error' | 'statement'>;
  /** Only facts of the message being answered (a shell's complaint is about what was just typed). */
  current?: boolean;
  /** Only the newest fact of the kind counts (an older paste of the same output is superseded). */
  latest?: boolean;
  /**
   * A list field of the fact (`accounts`; `oauthStatus.profiles` for a list in a list): `where`
   * and the templates then read each element; the first that passes is the evidence.
   */
  each?: string;
}

export type Signal = ErrorSignal | StatementSignal | FactSignal;

/** False only when the thread's known range and the signal's range cannot meet. */
export function rangesMeet(versions: string | undefined, thread: VersionRange): boolean {
  const r = versions ? rowRange(versions) : null;
  if (!r) return true;
  if (r.min && thread.max && compareVersions(thread.max, r.min) < 0) return false;
  if (r.max && thread.min && compareVersions(thread.min, r.max) > 0) return false;
  return true;
}

function passes(value: unknown, test: FieldTest): boolean {
  if (typeof test !== 'object') return value === test;
  if ('not' in test) return value !== undefined && value !== test.not;
  if ('re' in test) return typeof value === 'string' && new RegExp(test.re, 'i').test(value);
  if ('has' in test) return Array.isArray(value) && value.includes(test.has);
  return typeof value === 'number' && value > test.gt;
}

const fieldsOf = (f: Fact) => f as unknown as Record<string, unknown>;

/** The facts a signal looks at, oldest first. */
function candidates(s: Signal, view: EvidenceView): Fact[] {
  if ('error' in s) return view.all('provider_error').filter((e) => s.error.includes(e.code));
  if ('statement' in s) return view.all('statement').filter((f) => s.statement.includes(f.topic));
  const facts: Fact[] = s.current ? view.inCurrent(s.fact) : view.all(s.fact);
  return s.latest ? facts.slice(-1) : facts;
}

/** A `{field}` value of the fact; `{field|words}` with underscores as spaces, `{field|opt}` with a space before it when present. */
function valueOf(values: Record<string, unknown>, k: string, filter?: string): string {
  const v = String(values[k] ?? '');
  if (filter === 'opt') return v ? ` ${v}` : '';
  return filter === 'words' ? v.replace(/_/g, ' ') : v;
}

/** Fills `{quote}` and `{field}` in a template, each value becoming one quoted value of the message. */
function fillTemplate(template: string, values: Record<string, unknown>): Message {
  const quotes: string[] = [];
  const id = template.replace(/\{(\w+)(?:\|(words|opt))?\}/g, (_, k: string, filter?: string) => {
    quotes.push(valueOf(values, k, filter));
    return `{${quotes.length - 1}}`;
  });
  return { id, quotes };
}

/** The evidence as quoted: the signal's `quote` template, else the error line or the user's words. */
function quoteOf(s: Signal, f: Fact, fields: Record<string, unknown>): string {
  if (s.quote) return s.quote.replace(/\{(\w+)(?:\|(words|opt))?\}/g, (_, k: string, filter?: string) => valueOf(fields, k, filter));
  if (f.kind === 'provider_error') return errorQuote(f);
  if (f.kind === 'statement') return f.quote;
  return '';
}

/** True when the thread holds evidence the signal's `unless` names. */
function blocked(s: Signal, view: EvidenceView): boolean {
  const { error = [], statement = [] } = s.unless ?? {};
  return (
    (error.length > 0 && view.all('provider_error').some((e) => error.includes(e.code))) ||
    (statement.length > 0 && view.all('statement').some((f) => statement.includes(f.topic)))
  );
}

/** What `where` and the templates read: the fact's fields, or each element of its `each` list. */
function subjects(s: Signal, f: Fact): Record<string, unknown>[] {
  if (!('each' in s) || !s.each) return [fieldsOf(f)];
  // `oauthStatus.profiles`: every profile of every oauthStatus entry, in order.
  let level: Record<string, unknown>[] = [fieldsOf(f)];
  for (const key of s.each.split('.')) {
    level = level.flatMap((x) => (Array.isArray(x[key]) ? (x[key] as unknown[]) : [])).filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null);
  }
  return level;
}

/** The verdict of one signal: confirmed by the newest fact that passes, or null. */
export function matchSignal(s: Signal, view: EvidenceView): Verdict | null {
  if (!rangesMeet(s.versions, view.versionRange) || blocked(s, view)) return null;
  const tests = Object.entries(s.where ?? {});
  let hit: { f: Fact; fields: Record<string, unknown> } | undefined;
  for (const f of candidates(s, view)) {
    const fields = subjects(s, f).find((x) => tests.every(([k, t]) => passes(x[k], t)));
    if (fields) hit = { f, fields };
  }
  if (!hit) return null;
  const { f, fields } = hit;
  const reason = fillTemplate(s.reason, { ...fields, quote: quoteOf(s, f, fields) });
  return confirmed(s.specificity ?? ('statement' in s ? 1 : 'error' in s ? 3 : 2), because(reason, f));
}

/** The verdict of the first signal that matches, or null. */
export function matchSignals(signals: readonly Signal[], view: EvidenceView): Verdict | null {
  for (const s of signals) {
    const v = matchSignal(s, view);
    if (v) return v;
  }
  return null;
}

/** What a signal looks at, in words: `error extra_usage_required`, `statement token_truncated`, `fact wizard (current)`. */
function subject(s: Signal): string {
  if ('error' in s) return `error ${s.error.join(' | ')}`;
  if ('statement' in s) return `statement ${s.statement.join(' | ')}`;
  return `fact ${s.fact}${s.each ? `, each of ${s.each}` : ''}${s.current ? ' (this message)' : ''}${s.latest ? ' (newest)' : ''}`;
}

function whereText(where: Record<string, FieldTest> | undefined): string {
  const parts = Object.entries(where ?? {}).map(([k, t]) =>
    typeof t !== 'object' ? `${k}=${String(t)}` : 'not' in t ? `${k}≠${t.not}` : 're' in t ? `${k}~/${t.re}/` : 'has' in t ? `${k}∋${t.has}` : `${k}>${t.gt}`,
  );
  return parts.length > 0 ? ` where ${parts.join(', ')}` : '';
}

/** Signal lines for `pincer explain` and docs: `[≥8.1] text  (error extra_usage_required; specificity 3)`. */
export function signalLines(signals: readonly Signal[]): string[] {
  return signals.map((s) => {
    const versions = s.versions && s.versions !== 'any' ? `[${s.versions.replace(/2026\./g, '')}] ` : '';
    const spec = s.specificity ?? ('statement' in s ? 1 : 'error' in s ? 3 : 2);
    const unless = [...(s.unless?.error ?? []), ...(s.unless?.statement ?? [])];
    return `${versions}${s.text}  (${subject(s)}${whereText(s.where)}${unless.length > 0 ? `, unless ${unless.join(' | ')}` : ''}; specificity ${spec})`;
  });
}
