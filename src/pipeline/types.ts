/**
 * The pipeline as the adapters (terminal console, CLI, Discord) see it. An adapter turns its
 * platform's event into one of these plain inputs, calls the pipeline, carries out the effects
 * it gets back, and reports what it posted (`replyPosted`) so replies can later be edited.
 *
 * Everything here is synchronous: better-sqlite3 is synchronous and the stages between ingest and
 * reply are pure. Each call runs in one SQLite transaction; a duplicate `eventId` is a no-op.
 */
import type { AttachmentInput, IngestNote, SecretFinding } from '../ingest/types.ts';
import type { AuthorRole, ChannelKind, Effect, Outcome, ThreadState, TimerKind } from '../conversation/types.ts';
import type { UndeliveredReply } from '../store/deliveries.ts';

interface ThreadRef {
  /** Discord thread/channel id, `dm:<userId>`, or `terminal:<n>`. */
  threadId: string;
  channelKind: ChannelKind;
  /** The thread's author (forum post owner, DM user, terminal user); used when the thread is new. */
  threadAuthorId: string;
}

export interface IncomingMessage extends ThreadRef {
  /** Unique per delivery, e.g. `message:<messageId>`; a repeat is ignored. */
  eventId: string;
  messageId: string;
  authorId: string;
  role: AuthorRole;
  addressed: boolean;
  text: string;
  attachments?: AttachmentInput[];
  /**
   * A configured answer bot already answered this message (catch-up after downtime): Pincer then
   * says something only when it has a confirmed diagnosis it has not given yet.
   */
  answeredElsewhere?: boolean;
}

export interface IncomingEdit extends ThreadRef {
  /** e.g. `edit:<messageId>:<editedTimestamp>`. */
  eventId: string;
  messageId: string;
  text: string;
  attachments?: AttachmentInput[];
}

export type IncomingAction = ThreadRef & { eventId: string } & (
    | { type: 'feedback'; replyId: string; verdict: 'worked' | 'didnt_work' | 'dismiss'; by: string }
    | { type: 'solved'; by: string; messageId?: string; source: 'pincer' | 'answer_overflow' }
    | { type: 'unsolved'; by: string }
    /** `/helper`: a person asks for a human; recorded as an escalation (reason `requested`). */
    | { type: 'helper'; by: string }
    | { type: 'timer'; timer: TimerKind }
    | { type: 'pause'; by: string }
    | { type: 'resume'; by: string }
  );

export interface PipelineResult {
  /** The event id was already processed: nothing was done. */
  duplicate: boolean;
  effects: Effect[];
  outcome: Outcome | null;
  /** Credentials found (masked) in this input: the adapter warns / deletes per policy. */
  secrets: SecretFinding[];
  notes: IngestNote[];
  /** The thread after the event. */
  thread: ThreadState | null;
}

/** A one-off diagnosis (context menu, `/diagnose`, `pincer diagnose`): nothing is stored. */
export interface OneOffResult {
  outcome: Outcome;
  secrets: SecretFinding[];
  notes: IngestNote[];
}

/**
 * The pipeline an adapter holds (built by `createPipeline` in ./pipeline.ts over an open
 * database). Every method is synchronous and runs in one SQLite transaction.
 */
export interface Pipeline {
  message(input: IncomingMessage, now: number): PipelineResult;
  edit(input: IncomingEdit, now: number): PipelineResult;
  action(input: IncomingAction, now: number): PipelineResult;
  /**
   * The adapter posted reply `replyId` as platform message `postedId` (Discord message id), and
   * `parts` = the ids of the further messages it was split into (in order; [] when it fit in one).
   * `thread` sees them at once; they are stored with the next event's transaction, or within a
   * second when none comes (no commit of their own per reply), or by `flush`.
   */
  replyPosted(threadId: string, replyId: string, postedId: string, parts?: string[]): void;
  /** Stores what `replyPosted` still holds in memory: call before closing the database. @throws SqliteError. */
  flush?(): void;
  /** A thread's stored state, or null (button permission checks, /solved, catch-up). */
  thread(threadId: string): ThreadState | null;
  /** Diagnose one paste as if the user had addressed Pincer, without storing anything. */
  diagnoseOnce(text: string, attachments?: AttachmentInput[]): OneOffResult;
  /**
   * Replies committed at or after `since` (ms epoch) whose post was never confirmed with
   * `replyPosted` (the process died between commit and post, or Discord refused it), oldest first.
   * Optional: the Discord adapter delivers them from its scheduler loop.
   */
  undelivered?(since: number): UndeliveredReply[];
  /**
   * DM threads (`dm:<userId>`) active at or after `since` (ms epoch): the DMs a restarted bot can
   * read back, since a bot cannot list its DM channels. Optional.
   */
  recentDmThreads?(since: number): string[];
  /** Edits of posted replies committed at or after `since` and never confirmed, oldest first. */
  unedited?(since: number): UndeliveredReply[];
  /** The adapter applied the edit of reply `replyId` (confirms an `edit_reply` effect). */
  replyEdited?(threadId: string, replyId: string): void;
  /** Stop delivering reply `replyId` or its edit (refused for good, or too old to make sense). */
  replyAbandoned?(threadId: string, replyId: string): void;
  /**
   * Timers due at or before `now` (ms epoch), earliest first. The Discord adapter polls it and
   * fires each as an `IncomingAction` of type `timer` (event id `timer:<kind>:<threadId>:<dueAt>`).
   * Optional: without it no reminder or auto-close runs.
   */
  dueTimers?(now: number): DueTimer[];
}

export type { UndeliveredReply } from '../store/deliveries.ts';

export interface DueTimer {
  threadId: string;
  timer: TimerKind;
  /** ms epoch. */
  dueAt: number;
}
