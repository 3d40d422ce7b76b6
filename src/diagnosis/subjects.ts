/**
 * The facts a signal's evidence spec looks at (./patterns.ts `sources`), indexed once per view.
 *
 * Every message runs ~185 declared signals (and their `unless` / `with` specs) over one view; most
 * name an error code, a statement topic or a fact kind the thread does not hold. Filtering and
 * wrapping the view's facts again for each spec was a third of the diagnosis (issue 17), so the
 * subjects are grouped here by code, topic and kind the first time a view is asked, and each spec
 * reads its group. The lists are the same, in the same order, as filtering would give.
 */
import type { Fact, FactKind } from '../evidence/facts.ts';
import { DERIVED, errorFields } from './derived.ts';
import type { EvidenceSpec } from './signal-types.ts';
import type { ErrorFact } from './signals.ts';
import { type EvidenceView, perView } from './view.ts';

/** A fact (or derived item) as the matcher sees it: the fields tested and quoted, the facts cited. */
export interface Subject {
  fields: Record<string, unknown>;
  facts: Fact[];
}

const NONE: readonly Subject[] = Object.freeze([]);

/** The thread's error lines as subjects, once per view: every error signal of every rule reads them all (20,000 in a 1 MB log). */
const errorSubjects = perView((view): readonly Subject[] => view.all('provider_error').map((e) => ({ fields: errorFields(view, e), facts: [e] })));

/** `list` grouped by `keyOf`, each group in list order. */
function groupBy<T>(list: readonly T[], keyOf: (x: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const x of list) {
    const k = keyOf(x);
    const g = groups.get(k);
    if (g) g.push(x);
    else groups.set(k, [x]);
  }
  return groups;
}

/** Error subjects by code (built on first use: error fields are only worked out when an error spec asks). */
const errorsByCode = perView((view) => groupBy(errorSubjects(view), (x) => (x.facts[0] as ErrorFact).code));

/** The view's statements as subjects, all and by topic. */
const statementIndex = perView((view) => {
  const all: readonly Subject[] = view.all('statement').map((f) => ({ fields: f as never, facts: [f] }));
  return { all, byTopic: groupBy(all, (x) => (x.facts[0] as Extract<Fact, { kind: 'statement' }>).topic) };
});

/** Subjects of a parsed fact kind, in the whole view (`all`) or the current message, memoised per view. */
const factIndex = perView(() => new Map<string, readonly Subject[]>());
function factSubjects(view: EvidenceView, kind: FactKind, current: boolean): readonly Subject[] {
  const index = factIndex(view);
  const key = current ? `current:${kind}` : kind;
  let subjects = index.get(key);
  if (!subjects) {
    subjects = (current ? view.inCurrent(kind) : view.all(kind)).map((f) => ({ fields: f as never, facts: [f] }));
    index.set(key, subjects);
  }
  return subjects;
}

const codeOf = (x: Subject): string => (x.facts[0] as ErrorFact).code;
const topicOf = (x: Subject): string => (x.facts[0] as Extract<Fact, { kind: 'statement' }>).topic;

/**
 * The subjects of `keys` in `groups`: the one group for one key; for several, `all` filtered to
 * theirs (list order), unless none of them is present. No closure is made per call: every
 * message runs ~270 specs through here (issue 17: allocation is GC time in the bot).
 */
function ofKeys(all: readonly Subject[], groups: Map<string, Subject[]>, keys: readonly string[], keyOf: (x: Subject) => string): readonly Subject[] {
  if (keys.length === 1) return groups.get(keys[0]!) ?? NONE;
  let any = false;
  for (const k of keys) if (groups.has(k)) any = true;
  if (!any) return NONE;
  const out: Subject[] = [];
  for (const x of all) if (keys.includes(keyOf(x))) out.push(x);
  return out;
}

/**
 * The facts a spec looks at, oldest first (before `each` and `where`): error lines of its codes,
 * statements of its topics, or facts of its kind (derived ones from ./derived.ts; `current`: only
 * of the message being answered); `latest`: the newest only. Callers must not mutate the list.
 * @throws whatever a derived reader throws (the engine treats the rule as having nothing to say).
 */
export function sources(s: EvidenceSpec, view: EvidenceView): readonly Subject[] {
  let facts: readonly Subject[];
  if (s.error) {
    const codes = s.error;
    facts = codes === 'any' ? errorSubjects(view) : ofKeys(errorSubjects(view), errorsByCode(view), codes, codeOf);
  } else if (s.statement) {
    const index = statementIndex(view);
    facts = ofKeys(index.all, index.byTopic, s.statement, topicOf);
  } else {
    const kind = s.fact ?? '';
    const derived = DERIVED[kind];
    if (derived) facts = s.current ? derived(view).filter((d) => d.facts.some((f) => f.source.messageId === view.currentMessageId)) : derived(view);
    else facts = factSubjects(view, kind as FactKind, s.current === true);
  }
  return s.latest && facts.length > 1 ? facts.slice(-1) : facts;
}
