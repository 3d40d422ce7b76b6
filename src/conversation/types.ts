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
import type { Evidence, StatementTopic } from '../evidence/facts.ts';
import type { RenderedReply } from './reply-shape.ts';

export type ChannelKind = 'forum_post' | 'dm' | 'terminal' | 'interaction';

/** The thread's state; forum tags mirror it. */
export type ThreadStatus = 'new' | 'needs_info' | 'bot_answered' | 'needs_human' | 'solved' | 'closed';

/** Who wrote a message, relative to the thread. */
export type AuthorRole =
  | 'author' // the thread's author (evidence about their setup)
  | 'helper' // a configured helper role, or `helper` in a replay (context only)
  | 'member' // another member ("+1 same here"): answered for themselves, never merged
  | 'other_bot'; // another configured answer bot (context only, never evidence)

/** The records a thread's lists hold (one SQLite table each). */
export type * from './records.ts';
import type {
  AskRecord,
  ChangeRecord,
  EscalationRecord,
  FeedbackRecord,
  MessageRecord,
  ReplyRecord,
  SolutionRecord,
  StoredFact,
  SuggestionRecord,
} from './records.ts';

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
  /** The author's messages a rate limit holds unanswered until `until` (./hold.ts). */
  held?: HeldAnswer;
}

/**
 * What an author message asks of Pincer, read when it arrives (./reading.ts) and answered by
 * ./answer.ts — at once, or, while a rate limit holds the thread, when the limit lifts.
 */
export interface Reading {
  /** The message answered (the newest, when several were held). */
  messageId: string;
  seq: number;
  /** Pincer was mentioned / DMed: it must say something. */
  addressed: boolean;
  /** "It works now" closed the problem; `closedEpisode` is the episode it closed. */
  worksNow: boolean;
  closedEpisode: number;
  thanks: boolean;
  didntWork: boolean;
  /** The pending suggestion's branch when the message arrived, and when it showed that fix failed. */
  pendingBranch: BranchId | null;
  failedBranch: BranchId | null;
  /** Evidence Pincer can read (a leaked credential alone does not count). */
  readable: boolean;
  /** Any evidence at all (a credential alone counts). */
  anyFacts: boolean;
  /** Evidence beyond filler statements (thanks, works now). */
  substantive: boolean;
  /** Evidence this episode had not seen before. */
  fresh: boolean;
  /** The warning line for a full credential in the message (masked), or null. */
  secretWarning: string | null;
  /** A question asked in the message ("what do i run to put the key again?"): a statement topic `asks_*`. */
  question?: StatementTopic | null;
  /** The message asks "what next?" / "what do I do now?" (the current step or ask answers it). */
  asksNext?: boolean;
}

/** Held author messages, merged into one Reading; answered at `until` (ms epoch) or later. */
export interface HeldAnswer extends Reading {
  until: number;
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
      /** A rate limit (per user or per thread) holds Pincer's answer until then (ms epoch). */
      limitedUntil?: number;
      /** Another answer bot already answered it: only a confirmed diagnosis not given yet is posted. */
      answeredElsewhere?: boolean;
    }
  | { type: 'edit'; messageId: string; evidence: Evidence; textHash: string }
  | { type: 'feedback'; replyId: string; verdict: 'worked' | 'didnt_work' | 'dismiss'; by: string }
  | { type: 'solved'; by: string; messageId?: string; source: 'pincer' | 'answer_overflow' }
  | { type: 'unsolved'; by: string }
  /** `/helper`: a person asks for a human; handled as an escalation with reason `requested`. */
  | { type: 'helper'; by: string }
  /** A due timer; for `answer_held`, `limitedUntil` = a limit still holding (then it waits on). */
  | { type: 'timer'; timer: TimerKind; limitedUntil?: number }
  | { type: 'pause'; by: string }
  | { type: 'resume'; by: string };

/** remind_author (unanswered ask), auto_close (idle solved thread), answer_held (a rate limit lifts). */
export type TimerKind = 'remind_author' | 'auto_close' | 'answer_held';

export const TIMER_KINDS: readonly TimerKind[] = ['remind_author', 'auto_close', 'answer_held'];

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
