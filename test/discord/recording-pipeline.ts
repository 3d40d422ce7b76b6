/**
 * A small Pipeline for the Discord adapter's tests (never shipped): it records every call, keeps
 * processed event ids (a repeat is a duplicate, as the real pipeline does), remembers replies and
 * their posted ids, and answers with what `respond` says — by default a reply that quotes the
 * first line it read, so a test can see which input produced which Discord call.
 */
import type { Effect, ReplyRecord, ThreadState } from '../../src/conversation/types.ts';
import { newThread } from '../../src/conversation/thread.ts';
import type { RenderedReply, ReplyKind } from '../../src/conversation/reply-shape.ts';
import type { DueTimer, IncomingAction, IncomingEdit, IncomingMessage, OneOffResult, Pipeline, PipelineResult } from '../../src/pipeline/types.ts';
import type { AttachmentInput } from '../../src/ingest/types.ts';

export function rendered(markdown: string, kind: ReplyKind = 'ask'): RenderedReply {
  return { kind, markdown, buttons: ['worked', 'didnt_work', 'dismiss'], branch: null, nextCommand: null, askId: null };
}

const firstLine = (text: string, files: AttachmentInput[] = []): string =>
  (text.trim() || new TextDecoder().decode(files[0]?.bytes ?? new Uint8Array())).split('\n')[0]!.trim();

export type Responder = (input: IncomingMessage, pipeline: RecordingPipeline) => RenderedReply | null;

export class RecordingPipeline implements Pipeline {
  /** Messages processed (repeats of an event id are counted in `duplicates` instead). */
  readonly messages: IncomingMessage[] = [];
  duplicates = 0;
  readonly edits: IncomingEdit[] = [];
  readonly actions: IncomingAction[] = [];
  readonly oneOffs: { text: string; attachments: AttachmentInput[] }[] = [];
  readonly posted: { threadId: string; replyId: string; postedId: string; parts: string[] }[] = [];
  private readonly processed = new Set<string>();
  private readonly threads = new Map<string, ThreadState>();
  private replyCount = 0;
  respond: Responder = (input) => rendered(`Pincer read: ${firstLine(input.text, input.attachments)}`);

  private state(input: { threadId: string; channelKind: ThreadState['channelKind']; threadAuthorId: string }): ThreadState {
    let t = this.threads.get(input.threadId);
    if (!t) {
      t = { ...newThread({ id: input.threadId, channelKind: input.channelKind, authorId: input.threadAuthorId, now: 0 }), episode: 1 };
      this.threads.set(input.threadId, t);
    }
    return t;
  }

  private result(effects: Effect[], thread: ThreadState | null, duplicate = false): PipelineResult {
    return { duplicate, effects, outcome: null, secrets: [], notes: [], thread };
  }

  message(input: IncomingMessage, now: number): PipelineResult {
    if (this.processed.has(input.eventId)) {
      this.duplicates += 1;
      return this.result([], null, true);
    }
    this.processed.add(input.eventId);
    this.messages.push(input);
    const thread = this.state(input);
    thread.messages.push({ messageId: input.messageId, authorId: input.authorId, role: input.role, at: now, seq: thread.messages.length, episode: 1, textHash: '' });
    const said = input.role === 'author' || input.addressed ? this.respond(input, this) : null;
    // As the real pipeline: after another answer bot, only a confirmed diagnosis is posted.
    const reply = said && input.answeredElsewhere && said.kind !== 'diagnosis' ? null : said;
    if (!reply) return this.result([], thread);
    const replyId = `reply-${++this.replyCount}`;
    const record: ReplyRecord = { replyId, toMessageId: input.messageId, at: now, kind: reply.kind, textHash: '', firstSentence: '', branch: null, nextCommand: null, askId: null, seq: thread.messages.length - 1, episode: 1, key: null };
    thread.replies.push(record);
    return this.result([{ type: 'reply', replyId, toMessageId: input.messageId, reply }, { type: 'set_status', status: 'needs_info' }], thread);
  }

  edit(input: IncomingEdit): PipelineResult {
    this.edits.push(input);
    if (this.processed.has(input.eventId)) return this.result([], null, true);
    this.processed.add(input.eventId);
    const thread = this.state(input);
    const earlier = thread.replies.find((r) => r.toMessageId === input.messageId);
    if (!earlier) return this.result([], thread);
    const reply = rendered(`Pincer read (edited): ${firstLine(input.text, input.attachments)}`);
    return this.result([{ type: 'edit_reply', replyId: earlier.replyId, reply }], thread);
  }

  action(input: IncomingAction, now: number): PipelineResult {
    this.actions.push(input);
    if (this.processed.has(input.eventId)) return this.result([], null, true);
    this.processed.add(input.eventId);
    const thread = this.threads.get(input.threadId) ?? null;
    if (input.type !== 'timer' || !thread) return this.result([], thread);
    this.timers = this.timers.filter((t) => !(t.threadId === input.threadId && t.timer === input.timer));
    const replyId = `reply-${++this.replyCount}`;
    thread.replies.push({ replyId, toMessageId: '', at: now, kind: 'nudge', textHash: '', firstSentence: '', branch: null, nextCommand: null, askId: null, seq: thread.messages.length, episode: 1, key: null });
    return this.result([{ type: 'reply', replyId, toMessageId: '', reply: rendered(`Timer: ${input.timer}`, 'nudge') }], thread);
  }

  /** Timers the test armed; `action` of type timer removes the one it fires. */
  timers: DueTimer[] = [];

  dueTimers(now: number): DueTimer[] {
    return this.timers.filter((t) => t.dueAt <= now);
  }

  replyPosted(threadId: string, replyId: string, postedId: string, parts: string[] = []): void {
    this.posted.push({ threadId, replyId, postedId, parts });
    const r = this.threads.get(threadId)?.replies.find((x) => x.replyId === replyId);
    if (r) {
      r.postedId = postedId;
      r.postedParts = parts;
    }
  }

  thread(threadId: string): ThreadState | null {
    return this.threads.get(threadId) ?? null;
  }

  diagnoseOnce(text: string, attachments: AttachmentInput[] = []): OneOffResult {
    this.oneOffs.push({ text, attachments });
    const reply = rendered(`One-off: ${firstLine(text, attachments)}`, 'diagnosis');
    return { outcome: { status: 'diagnosed', branch: null, candidates: [], nextCommand: null, reply }, secrets: [], notes: [] };
  }
}
