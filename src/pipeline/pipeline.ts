/**
 * The pipeline of design.md, wired: ingest → evidence → conversation (reduce, which runs the
 * diagnosis and the reply policy) → store. Adapters call it with plain inputs and carry out the
 * effects it returns. Synchronous; each call is one SQLite transaction, so a crash between two
 * calls loses nothing and repeats nothing.
 */
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { ingest } from '../ingest/index.ts';
import { extractEvidence } from '../evidence/index.ts';
import { defaultDeps } from './default-deps.ts';
import type { ReducerDeps } from '../conversation/deps.ts';
import { newThread, reduce } from '../conversation/reducer.ts';
import { RELEASE_VERSION } from '../diagnosis/versions.ts';
import { createRateLimitStore } from '../store/rate-limits.ts';
import type { RateLimits } from '../store/rate-windows.ts';
import { createDeliveryStore } from '../store/deliveries.ts';
import { createThreadStore } from '../store/threads.ts';
import type { Reduction, ThreadEvent, ThreadState } from '../conversation/types.ts';
import type { Evidence, Fact } from '../evidence/facts.ts';
import type { AttachmentInput, IngestNote, IngestResult } from '../ingest/types.ts';
import type { Logger } from '../log/logger.ts';
import { notesOnlyReply, withNotes } from '../reply/notes.ts';
import type { IncomingAction, IncomingEdit, IncomingMessage, OneOffResult, Pipeline, PipelineResult } from './types.ts';

export interface PipelineDeps {
  db: Database;
  logger?: Logger;
  /** Reminder and auto-close delays, ms (config PINCER_REMIND_AFTER_HOURS / …AUTO_CLOSE…). */
  timers?: ReducerDeps['timers'];
  /**
   * Reply limits per user and per thread (config PINCER_*_REPLY_LIMIT / …_WINDOW_…). Absent: no
   * limit (the terminal thread, replays). A spent limit holds the author's answer until it lifts;
   * the held answer is an `answer_held` timer, so it needs an adapter that runs `dueTimers`.
   */
  rateLimits?: RateLimits;
  /**
   * The adapter confirms every posted reply with `replyPosted` and delivers, through
   * `undelivered`, what was committed but never confirmed (the Discord bot). Default false.
   */
  trackDelivery?: boolean;
}

/** Reads one input into clean text + evidence. Pure apart from the hash. */
export function readInput(
  messageId: string,
  text: string,
  attachments?: AttachmentInput[],
): { ingested: IngestResult; evidence: Evidence; textHash: string } {
  const ingested = ingest({ text, attachments });
  const read = extractEvidence(ingested.text, messageId);
  const evidence: Evidence = { ...read, notes: [...read.notes, ...ingested.notes.map((n) => n.message)] };
  const textHash = createHash('sha256').update(ingested.text.trim()).digest('hex').slice(0, 16);
  return { ingested, evidence, textHash };
}

/** Builds the pipeline over an open database (see src/store/db.ts `openDatabase`). */
export function createPipeline({ db, logger, timers, rateLimits, trackDelivery }: PipelineDeps): Pipeline {
  const store = createThreadStore(db);
  const deliveries = trackDelivery ? createDeliveryStore(db) : null;
  const limits = rateLimits ? createRateLimitStore(db, rateLimits) : null;
  const deps: ReducerDeps = { ...defaultDeps, timers };

  // The thread's commit and the reply count of its rate limits land together or not at all.
  // Run `.immediate`: the write lock is taken first, so another process on the file is waited for
  // (busy_timeout) instead of failing with "database is locked" when a read turns into a write.
  const body = (
    ref: { threadId: string; channelKind: IncomingMessage['channelKind']; threadAuthorId: string; eventId: string },
    event: ThreadEvent,
    now: number,
    read: { messageId: string; ingested: IngestResult } | null,
  ): PipelineResult => {
    const ingested = read?.ingested ?? null;
    const before = store.load(ref.threadId);
    const state: ThreadState =
      before ?? newThread({ id: ref.threadId, channelKind: ref.channelKind, authorId: ref.threadAuthorId, now });
    const subjects = { userId: actingUser(event, state), threadId: ref.threadId };
    const limitedUntil = limits && isLimited(event) ? limits.limitedUntil(subjects, now) : undefined;
    const limited: ThreadEvent = limitedUntil !== undefined && isLimited(event) ? { ...event, limitedUntil } : event;
    const reduction = reduce(state, limited, now, deps);
    const noteAlone = event.type === 'message' && event.addressed && !event.answeredElsewhere;
    const shown = showNotes(reduction, ingested?.notes ?? [], noteAlone);
    // Kept as they will be posted (notes included) until the adapter confirms them. Another
    // process (a second bot, a console) may have recorded the event since the check: say nothing.
    if (!store.commit(ref.eventId, before, reduction, now, read ? { [read.messageId]: read.ingested.text } : undefined)) return duplicate(ref.threadId);
    deliveries?.track(ref.threadId, shown.effects, now);
    limits?.count(subjects, reduction.effects.filter((e) => e.type === 'reply').length, now);
    logger?.debug(
      { threadId: ref.threadId, eventId: ref.eventId, branch: reduction.outcome?.branch ?? null, effects: reduction.effects.map((e) => e.type) },
      'event handled',
    );
    return {
      duplicate: false,
      effects: shown.effects,
      outcome: shown.outcome,
      thread: reduction.state,
      secrets: ingested?.secrets ?? [],
      notes: ingested?.notes ?? [],
    };
  };
  const tx = db.transaction(body);
  // Inside a caller's transaction already (the bot's leaked-key work): no nested savepoint.
  const run = { immediate: (...args: Parameters<typeof body>): PipelineResult => (db.inTransaction ? body(...args) : tx.immediate(...args)) };

  /** A repeated delivery: nothing is read, nothing is stored, nothing is said. */
  const duplicate = (threadId: string): PipelineResult => ({
    duplicate: true,
    effects: [],
    outcome: null,
    thread: store.load(threadId),
    secrets: [],
    notes: [],
  });

  return {
    message(input: IncomingMessage, now: number): PipelineResult {
      if (store.isProcessed(input.eventId)) return duplicate(input.threadId);
      const { ingested, evidence, textHash } = readInput(input.messageId, input.text, input.attachments);
      const event: ThreadEvent = {
        type: 'message',
        messageId: input.messageId,
        authorId: input.authorId,
        role: input.role,
        addressed: input.addressed,
        evidence,
        textHash,
        ...(input.answeredElsewhere ? { answeredElsewhere: true } : {}),
      };
      return run.immediate(input, event, now, { messageId: input.messageId, ingested });
    },

    edit(input: IncomingEdit, now: number): PipelineResult {
      if (store.isProcessed(input.eventId)) return duplicate(input.threadId);
      const { ingested, evidence, textHash } = readInput(input.messageId, input.text, input.attachments);
      return run.immediate(input, { type: 'edit', messageId: input.messageId, evidence, textHash }, now, { messageId: input.messageId, ingested });
    },

    action(input: IncomingAction, now: number): PipelineResult {
      if (store.isProcessed(input.eventId)) return duplicate(input.threadId);
      const { threadId, channelKind, threadAuthorId, eventId, ...event } = input;
      return run.immediate({ threadId, channelKind, threadAuthorId, eventId }, event as ThreadEvent, now, null);
    },

    replyPosted(threadId, replyId, postedId, parts = []) {
      store.replyPosted(threadId, replyId, postedId, parts);
    },

    flush: () => store.flush(),

    thread(threadId) {
      return store.load(threadId);
    },

    diagnoseOnce(text: string, attachments?: AttachmentInput[]): OneOffResult {
      return diagnoseOnce(text, attachments);
    },

    recentDmThreads: (since) => store.recentDmThreads(since),

    ...(deliveries
      ? {
          // The posted ids kept in memory are written first: a posted reply is not listed.
          undelivered: (since: number) => (store.flush(), deliveries.undelivered(since)),
          unedited: (since: number) => (store.flush(), deliveries.unedited(since)),
          replyEdited: (threadId: string, replyId: string) => deliveries.replyEdited(threadId, replyId),
          replyAbandoned: (threadId: string, replyId: string) => deliveries.replyAbandoned(threadId, replyId),
        }
      : {}),

    dueTimers(now) {
      limits?.prune(now);
      return store.dueTimers(now);
    },
  };
}

/** Whose reply budget an event spends: the message's author, the member acting, else the thread's. */
function actingUser(event: ThreadEvent, s: ThreadState): string {
  if (event.type === 'message') return event.authorId;
  return 'by' in event ? event.by : s.authorId;
}

/** Events whose answer a spent limit holds: messages, and the timer that answers held ones. */
const isLimited = (event: ThreadEvent): event is Extract<ThreadEvent, { type: 'message' } | { type: 'timer' }> =>
  event.type === 'message' || (event.type === 'timer' && event.timer === 'answer_held');

/** What the person asking said beside the paste, for a one-off diagnosis. */
export interface OneOffContext {
  /** Clock for the fresh thread, ms epoch (default 0). */
  now?: number;
  /**
   * The OpenClaw version the reporter stated outside the paste (`2026.4.26`: a report's version
   * field, `pincer diagnose --openclaw-version`). Read like a version the user names in a sentence:
   * a version OpenClaw prints in the paste, or one the paste's prose names, still wins.
   * @throws Error when it is not a `YYYY.M.D` version.
   */
  openclawVersion?: string;
}

/**
 * Diagnoses one paste as if the user had addressed Pincer in a fresh thread; stores nothing.
 * Used by `pincer diagnose`, `pincer eval`, the "Diagnose with Pincer" context menu and `/diagnose`.
 */
export function diagnoseOnce(text: string, attachments?: AttachmentInput[], context: OneOffContext = {}): OneOffResult {
  const { now = 0, openclawVersion } = context;
  const messageId = 'once:1';
  const read = readInput(messageId, text, attachments);
  const { ingested, textHash } = read;
  const evidence = openclawVersion ? { ...read.evidence, facts: [statedVersion(messageId, openclawVersion), ...read.evidence.facts] } : read.evidence;
  const state = newThread({ id: 'once', channelKind: 'interaction', authorId: 'user', now });
  const reduction = reduce(
    state,
    { type: 'message', messageId, authorId: 'user', role: 'author', addressed: true, evidence, textHash },
    now,
    defaultDeps,
  );
  const shown = showNotes(reduction, ingested.notes, true);
  const outcome = shown.outcome ?? { status: 'not_auth', branch: null, candidates: [], nextCommand: null, reply: null };
  return { outcome, secrets: ingested.secrets, notes: ingested.notes };
}

/** A version stated beside the paste, as the fact a sentence naming it would give (first, so the paste's own prose wins). */
function statedVersion(messageId: string, version: string): Fact {
  if (!RELEASE_VERSION.test(version)) throw new Error(`OpenClaw version "${version}": expected YYYY.M.D, e.g. 2026.9.6`);
  return { kind: 'version', source: { messageId, lineStart: 0, lineEnd: 0 }, confidence: 0.8, version, from: 'prose' };
}

/**
 * Puts ingest's notes (cut, binary, empty …) on the reply the user sees, in the effects and the
 * outcome alike; when Pincer was addressed but has nothing to say, the notes are the reply.
 */
function showNotes(reduction: Reduction, notes: IngestNote[], addressed: boolean): Pick<Reduction, 'effects' | 'outcome'> {
  if (notes.length === 0 || !reduction.outcome) return reduction;
  const { outcome } = reduction;
  if (outcome.reply) {
    const reply = withNotes(outcome.reply, notes);
    const effects = reduction.effects.map((e) => (e.type === 'reply' || e.type === 'edit_reply') && e.reply === outcome.reply ? { ...e, reply } : e);
    return { effects, outcome: { ...outcome, reply } };
  }
  return addressed ? { effects: reduction.effects, outcome: { ...outcome, reply: notesOnlyReply(notes) } } : reduction;
}
