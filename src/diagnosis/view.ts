/**
 * EvidenceView: the read-only picture of a thread that rules look at.
 *
 * Built by the conversation layer from the thread's stored facts (the thread author's only, the
 * current episode only — facts before a "works now"/solution belong to a closed episode), plus the
 * facts of the message being answered. Rules never see raw text or other members' pastes.
 */
import type { Fact, FactKind, FactOf } from '../evidence/facts.ts';
import type { BranchId } from './catalog.ts';
import { versionOf, versionRangeOf, type VersionRange } from './versions.ts';

export interface FactRecord {
  fact: Fact;
  messageId: string;
  /** Position of the message in the thread (0-based); later = newer. */
  seq: number;
  /** Superseded by a reported change ("I re-onboarded") or by newer output of the same command. */
  stale: boolean;
}

export interface ViewInput {
  /** Current-episode facts of the thread author, oldest first (stale ones included, flagged). */
  records: FactRecord[];
  /** Id of the message being answered (its facts are among `records`). */
  currentMessageId: string;
  /** Suggestions Pincer made that the thread showed did not work. */
  failed?: { branch: BranchId; command: string }[];
}

export interface EvidenceView {
  records: readonly FactRecord[];
  /** Facts of the message being answered. */
  current: readonly FactRecord[];
  currentMessageId: string;
  failed: readonly { branch: BranchId; command: string }[];
  /** OpenClaw version from `--version`, the banner or a `/status` card, if known. */
  version: string | null;
  /** What the thread says of the version: exact (min = max) or a range from output shapes (versions.ts). */
  versionRange: VersionRange;
  /**
   * The user is inside the TUI (footer, `[local]` prefixes, `run error:` lines): commands go as
   * `!openclaw …`. The newest message that shows where the user is decides (a banner or a `zsh:`
   * complaint after TUI pastes means they are back in a terminal).
   */
  inTui: boolean;
  /** Non-stale facts of a kind, oldest first. */
  all<K extends FactKind>(kind: K): FactOf<K>[];
  /** The newest non-stale fact of a kind. */
  latest<K extends FactKind>(kind: K): FactOf<K> | undefined;
  /** Non-stale facts of a kind in the message being answered. */
  inCurrent<K extends FactKind>(kind: K): FactOf<K>[];
  /** Every fact of a kind, stale ones included (to compare before/after a change). */
  history<K extends FactKind>(kind: K): FactOf<K>[];
  /** Non-stale records of a kind, oldest first, with their message id and position (seq). */
  recordsOf<K extends FactKind>(kind: K): (FactRecord & { fact: FactOf<K> })[];
}

const ofKind = <K extends FactKind>(records: readonly FactRecord[], kind: K): FactOf<K>[] =>
  records.filter((r) => r.fact.kind === kind).map((r) => r.fact as FactOf<K>);

/**
 * The facts of `records` grouped by kind in one pass, so each query costs the size of its answer,
 * not a pass over every record: the rules ask dozens of queries per diagnosis.
 */
function groupByKind(records: readonly FactRecord[]): Map<FactKind, Fact[]> {
  const groups = new Map<FactKind, Fact[]>();
  for (const r of records) {
    const group = groups.get(r.fact.kind);
    if (group) group.push(r.fact);
    else groups.set(r.fact.kind, [r.fact]);
  }
  return groups;
}

/** +1 = the fact places the user inside the TUI, -1 = in a normal shell, 0 = says nothing. */
function placeSignal(fact: Fact): 1 | -1 | 0 {
  switch (fact.kind) {
    case 'tui_footer':
    case 'tui_status':
    case 'tui_header':
      return 1;
    case 'provider_error':
      return fact.wrapper === 'run_error' ? 1 : 0;
    case 'command_run':
      return fact.via === 'tui_local_shell' ? 1 : fact.via === 'shell' ? -1 : 0;
    case 'environment':
      return fact.inTui === true ? 1 : fact.inTui === false ? -1 : 0;
    case 'shell_error':
      // `!openclaw: command not found` comes from the TUI's local shell; `zsh: … /reset` from a terminal.
      return fact.target.startsWith('!') ? 1 : -1;
    case 'version':
      // The banner is printed on a real terminal only, never through the TUI's `!` shell (§1.1).
      return fact.from === 'banner' ? -1 : 0;
    default:
      return 0;
  }
}

/**
 * Where the user is now: the newest message that says anything about it decides (within one
 * message a TUI signal wins, since TUI pastes carry the footer). Seed 001 moves from the TUI to
 * a terminal (`bash-3.2$`, the banner) and back.
 */
function isInTui(live: readonly FactRecord[]): boolean {
  let lastTui = -1;
  let lastShell = -1;
  for (const r of live) {
    const s = placeSignal(r.fact);
    if (s === 1) lastTui = Math.max(lastTui, r.seq);
    if (s === -1) lastShell = Math.max(lastShell, r.seq);
  }
  return lastTui >= 0 && lastTui >= lastShell;
}

/**
 * Error lines of a message are superseded by the error lines of a newer message: the newest
 * failure is the one to fix (seed 001: the credit-balance line after the 401s, then a 401 again).
 * Returns the records with those older error lines left out.
 */
function withoutSupersededErrors(records: readonly FactRecord[]): FactRecord[] {
  let newest = -1;
  for (const r of records) if (r.fact.kind === 'provider_error') newest = Math.max(newest, r.seq);
  return records.filter((r) => r.fact.kind !== 'provider_error' || r.seq === newest);
}

/** The answers `perView` keeps on a view built here, by question number (`UNSET` where none yet). */
const MEMO = Symbol('perView answers');

/**
 * Builds the view. Pure; O(number of records) per query. Stale records and error lines older
 * than the newest message with one are left out of `all`/`latest`/`inCurrent` (kept in
 * `history` and `records`).
 */
export function buildView(input: ViewInput): EvidenceView {
  const live = withoutSupersededErrors(input.records.filter((r) => !r.stale));
  const current = live.filter((r) => r.messageId === input.currentMessageId);
  const inTui = isInTui(input.records.filter((r) => !r.stale));
  const liveByKind = groupByKind(live);
  const currentByKind = groupByKind(current);
  const view: EvidenceView = {
    records: input.records,
    current,
    currentMessageId: input.currentMessageId,
    failed: input.failed ?? [],
    version: versionOf(live) ?? null,
    versionRange: versionRangeOf(live),
    inTui,
    all: (kind) => (liveByKind.get(kind)?.slice() ?? []) as never,
    latest: (kind) => liveByKind.get(kind)?.at(-1) as never,
    inCurrent: (kind) => (currentByKind.get(kind)?.slice() ?? []) as never,
    history: (kind) => ofKind(input.records, kind),
    recordsOf: (kind) => live.filter((r) => r.fact.kind === kind) as never,
  };
  // Not enumerable: a copy (`{ ...view, failed }`) is another view and gets answers of its own.
  Object.defineProperty(view, MEMO, { value: [] });
  return view;
}

/** The same for views made elsewhere (a copy, a test's own object). */
const otherViews = new WeakMap<EvidenceView, unknown[]>();

function answersOf(view: EvidenceView): unknown[] {
  const own = (view as { [MEMO]?: unknown[] })[MEMO];
  if (own) return own;
  let answers = otherViews.get(view);
  if (!answers) otherViews.set(view, (answers = []));
  return answers;
}

/** How many questions `perView` was given (each one's number indexes the views' answers). */
let questions = 0;
/** An answer not worked out yet (a question may answer `undefined`). */
const UNSET: unique symbol = Symbol('unset');

/**
 * `compute` answered once per view: a view is immutable, so what is worked out from it never
 * changes (callers must not mutate the answer). For what many rules or lines ask of one view.
 * The answers live on the view (a property read and an array read per call; a WeakMap per
 * question was ~4 % of a message, issue 17) and go with it. A throw is not remembered.
 */
export function perView<T>(compute: (view: EvidenceView) => T): (view: EvidenceView) => T {
  const question = questions++;
  return (view) => {
    const answers = answersOf(view);
    while (answers.length <= question) answers.push(UNSET);
    const known = answers[question];
    if (known !== UNSET) return known as T;
    const answer = compute(view);
    answers[question] = answer;
    return answer;
  };
}
