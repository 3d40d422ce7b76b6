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
  /** Episode it was asked in (asks never carry over a solved problem). */
  episode: number;
  /** What was asked, as the user must type it (TUI form in the TUI), or null for a question. */
  command: string | null;
  /** The question or the ask's one-line text (for nudges and reminders). */
  text: string;
  /** The ask's expected answers in order (`AskOutcome.answer`): "the first one" maps to [0]. */
  answers: string[];
  /** The answer the thread gave (an outcome's `answer`, when a statement picked one). */
  answer?: string;
  /** A later ask replaced it before it was answered (one ask is pending at a time). */
  supersededBy?: string;
  /** A 24 h reminder about it was sent (at most one unprompted message per ask). */
  reminded?: boolean;
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
  episode: number;
  /** The message whose evidence decided the outcome (or the feedback's replyId). */
  decidedBy?: string;
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
  /** Seq of the thread's newest message when it was posted (for "did something change since?"). */
  seq: number;
  episode: number;
  /**
   * What it said, for "never repeat": `ask:<askId>`, `dx:<branch>:<nextCommand>`, or null
   * (other kinds are compared by text only).
   */
  key: string | null;
  /** Hashes of the texts this reply had before edits (they were posted too: never again). */
  previousHashes?: string[];
  /** Set by the adapter once posted (Discord message id); used to edit or delete it. */
  postedId?: string;
  deleted?: boolean;
}

/**
 * "Something changed" (issue 5): the user reported an action, or new evidence differs from the
 * old. Recorded at the message that showed it; a repeat of an earlier reply is allowed (once,
 * worded differently) only after a change.
 */
export interface ChangeRecord {
  seq: number;
  messageId: string;
  episode: number;
  /** Short phrase that completes "since you …" / "your new … differs", e.g. `ran onboarding again`. */
  reason: string;
}

export interface EscalationRecord {
  at: number;
  episode: number;
  /** The message (or reply) that triggered it. */
  triggerId: string;
  summary: EscalationSummary;
}

export interface SolutionRecord {
  at: number;
  episode: number;
  /** The message marked as the solution, when known. */
  messageId: string | null;
  by: string;
  /** The branch Pincer had when the thread was solved. */
  branch: BranchId | null;
  /** The marked message is one of Pincer's replies. */
  pincerReply: boolean;
  source: 'pincer' | 'answer_overflow' | 'feedback';
}

export interface FeedbackRecord {
  at: number;
  replyId: string;
  verdict: 'worked' | 'didnt_work' | 'dismiss';
  by: string;
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
  changes: ChangeRecord[];
  escalations: EscalationRecord[];
  solutions: SolutionRecord[];
  feedback: FeedbackRecord[];
  /** Due timers (ms epoch); rows in the store's timers table. */
  timers: Partial<Record<TimerKind, number>>;
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
  /** `/helper`: a person asks for a human; handled as an escalation with reason `requested`. */
  | { type: 'helper'; by: string }
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
