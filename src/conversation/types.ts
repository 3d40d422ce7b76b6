/**
 * Conversation contract: a thread's memory, the events that change it, and the effects the
 * reducer asks the edges to carry out.
 *
 *   reduce(state: ThreadState, event: ThreadEvent, now: number /* ms epoch *\/) → Reduction
 *
 * is pure (./reducer.ts): no I/O, no clock but `now`. The store (src/store/) loads a ThreadState
 * from SQLite and persists a Reduction in one transaction; the adapters (terminal, Discord) carry
 * out the effects.
 */
import type { BranchId, DiagnosisStatus } from '../diagnosis/catalog.ts';
import type { Evidence, Fact } from '../evidence/facts.ts';
import type { RenderedReply } from '../reply/types.ts';

export type ChannelKind = 'forum_post' | 'dm' | 'terminal' | 'interaction';

/** The thread's state; forum tags mirror it. */
export type ThreadStatus = 'new' | 'needs_info' | 'bot_answered' | 'needs_human' | 'solved' | 'closed';

/** Who wrote a message, relative to the thread. */
export type AuthorRole =
  | 'author' // the thread's author (evidence about their setup)
  | 'helper' // a configured helper role, or `helper` in a replay (context only)
  | 'member' // another member ("+1 same here"): answered for themselves, never merged
  | 'other_bot'; // another configured answer bot (context only, never evidence)

export interface MessageRecord {
  messageId: string;
  authorId: string;
  role: AuthorRole;
  at: number;
  seq: number;
  episode: number;
  /** Hash of the clean, masked text (to see "the same paste again"). */
  textHash: string;
}

export interface StoredFact {
  messageId: string;
  seq: number;
  episode: number;
  fact: Fact;
  stale: boolean;
}

export interface AskRecord {
  askId: string;
  /** The reply that asked it. */
  replyId: string;
  at: number;
  /** The message whose evidence answered it. */
  answeredBy?: string;
  /** Asked again after a change made the old answer stale. */
  repeat: number;
}

export type SuggestionOutcome = 'pending' | 'worked' | 'failed' | 'unknown';

export interface SuggestionRecord {
  replyId: string;
  branch: BranchId;
  command: string | null;
  at: number;
  outcome: SuggestionOutcome;
  /** Signature of the failure it was meant to fix (to notice "the same failure again"). */
  failureSignature: string;
}

export interface ReplyRecord {
  replyId: string;
  /** The user message it answers. */
  toMessageId: string;
  at: number;
  kind: RenderedReply['kind'];
  /** Hash of the normalised text, and its first sentence normalised: "never repeat". */
  textHash: string;
  firstSentence: string;
  branch: BranchId | null;
  nextCommand: string | null;
  askId: string | null;
  /** Set by the adapter once posted (Discord message id); used to edit or delete it. */
  postedId?: string;
  deleted?: boolean;
}

export interface ThreadState {
  id: string;
  channelKind: ChannelKind;
  authorId: string;
  status: ThreadStatus;
  paused: boolean;
  createdAt: number;
  updatedAt: number;
  /** Increments when a problem is solved and a new one starts ("works now, but DMs…"). */
  episode: number;
  messages: MessageRecord[];
  facts: StoredFact[];
  asks: AskRecord[];
  suggestions: SuggestionRecord[];
  replies: ReplyRecord[];
  escalatedAt?: number;
  solvePromptedAt?: number;
}

export type ThreadEvent =
  | {
      type: 'message';
      messageId: string;
      authorId: string;
      role: AuthorRole;
      /** Mentioned, DM, `/diagnose`, context menu, terminal: Pincer must answer something. */
      addressed: boolean;
      evidence: Evidence;
      textHash: string;
    }
  | { type: 'edit'; messageId: string; evidence: Evidence; textHash: string }
  | { type: 'feedback'; replyId: string; verdict: 'worked' | 'didnt_work' | 'dismiss'; by: string }
  | { type: 'solved'; by: string; messageId?: string; source: 'pincer' | 'answer_overflow' }
  | { type: 'unsolved'; by: string }
  | { type: 'timer'; timer: TimerKind }
  | { type: 'pause'; by: string }
  | { type: 'resume'; by: string };

export type TimerKind = 'remind_author' | 'auto_close';

export interface EscalationSummary {
  reason: 'repeated_failure' | 'didnt_work' | 'no_hypothesis' | 'repeated_paste' | 'requested';
  branch: BranchId | null;
  /** Short lines: the evidence read and the fixes tried with their outcome. */
  evidence: string[];
  tried: string[];
}

export type Effect =
  | { type: 'reply'; replyId: string; toMessageId: string; reply: RenderedReply }
  | { type: 'edit_reply'; replyId: string; reply: RenderedReply }
  | { type: 'delete_reply'; replyId: string }
  | { type: 'set_status'; status: ThreadStatus }
  | { type: 'escalate'; summary: EscalationSummary }
  | { type: 'schedule'; timer: TimerKind; dueAt: number }
  | { type: 'cancel_timer'; timer: TimerKind };

/** What the thread's diagnosis was after an event: reported by `replay` even when silent. */
export interface Outcome {
  status: DiagnosisStatus;
  branch: BranchId | null;
  candidates: BranchId[];
  nextCommand: string | null;
  reply: RenderedReply | null;
}

export interface Reduction {
  state: ThreadState;
  effects: Effect[];
  outcome: Outcome | null;
}
