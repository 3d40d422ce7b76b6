/**
 * EvidenceView: the read-only picture of a thread that rules look at.
 *
 * Built by the conversation layer from the thread's stored facts (the thread author's only, the
 * current episode only — facts before a "works now"/solution belong to a closed episode), plus the
 * facts of the message being answered. Rules never see raw text or other members' pastes.
 */
import type { Fact, FactKind, FactOf } from '../evidence/facts.ts';
import type { BranchId } from './catalog.ts';

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
  /** The user is inside the TUI (footer, `[local]` prefixes, `run error:` lines): commands go as `!openclaw …`. */
  inTui: boolean;
  /** Non-stale facts of a kind, oldest first. */
  all<K extends FactKind>(kind: K): FactOf<K>[];
  /** The newest non-stale fact of a kind. */
  latest<K extends FactKind>(kind: K): FactOf<K> | undefined;
  /** Non-stale facts of a kind in the message being answered. */
  inCurrent<K extends FactKind>(kind: K): FactOf<K>[];
  /** Every fact of a kind, stale ones included (to compare before/after a change). */
  history<K extends FactKind>(kind: K): FactOf<K>[];
}

const ofKind = <K extends FactKind>(records: readonly FactRecord[], kind: K): FactOf<K>[] =>
  records.filter((r) => r.fact.kind === kind).map((r) => r.fact as FactOf<K>);

/** Builds the view. Pure; O(number of records) per query. */
export function buildView(input: ViewInput): EvidenceView {
  const live = input.records.filter((r) => !r.stale);
  const current = live.filter((r) => r.messageId === input.currentMessageId);
  const versionFact = ofKind(live, 'version').at(-1);
  const inTui =
    live.some((r) => r.fact.kind === 'tui_footer' || r.fact.kind === 'tui_status' || r.fact.kind === 'tui_header') ||
    live.some((r) => r.fact.kind === 'provider_error' && r.fact.wrapper === 'run_error') ||
    live.some((r) => r.fact.kind === 'command_run' && r.fact.via === 'tui_local_shell');
  return {
    records: input.records,
    current,
    currentMessageId: input.currentMessageId,
    failed: input.failed ?? [],
    version: versionFact?.version ?? null,
    inTui,
    all: (kind) => ofKind(live, kind),
    latest: (kind) => ofKind(live, kind).at(-1),
    inCurrent: (kind) => ofKind(current, kind),
    history: (kind) => ofKind(input.records, kind),
  };
}
