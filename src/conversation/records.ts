/**
 * The records a thread's memory is made of — one list each in ThreadState (./types.ts), one table
 * each in SQLite (src/store/rows.ts): messages, evidence facts, asks, suggestions, Pincer's
 * replies, changes, escalations, solutions and feedback.
 */
import type { BranchId } from '../diagnosis/catalog.ts';
import type { Fact } from '../evidence/facts.ts';
import type { RenderedReply } from './reply-shape.ts';
import type { AuthorRole, EscalationSummary } from './types.ts';

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
  /** The ids of the further messages a reply over 2000 characters was split into, in order. */
  postedParts?: string[];
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
