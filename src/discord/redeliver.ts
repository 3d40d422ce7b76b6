/**
 * Replies, and edits of replies, the pipeline committed but Discord never confirmed: the process
 * died between the commit and Discord, or Discord failed past discord.js's retries (an outage).
 * The scheduler loop delivers each once it is `afterMs` old (the live path has had its chance) and
 * younger than the catch-up age. Before posting, the channel's messages after the one answered are
 * checked for the same reply (a crash after Discord accepted it), so nothing is posted twice; an
 * edit is simply applied again. A refusal that will not change (a 4xx other than 429) gives it up;
 * anything else is tried again on the next tick.
 */
import type { Message } from 'discord.js';
import type { UndeliveredReply } from '../pipeline/types.ts';
import { withoutSecretLine } from '../reply/render.ts';
import { splitMessage } from './split.ts';
import type { BotContext } from './context.ts';
import { editReply, postReply, type ReplyTarget } from './effects.ts';
import { describeError, logFailure } from './errors.ts';
import { resolveTarget } from './targets.ts';

/** Discord will refuse this again: missing access or permissions, unknown channel, bad request. */
function refusedForGood(err: unknown): boolean {
  const status = (err as { status?: unknown }).status;
  return typeof status === 'number' && status >= 400 && status < 500 && status !== 429;
}

/** Pincer's message replying to `toMessageId` with the reply's first part, if Discord has it. */
async function alreadyPosted(ctx: BotContext, target: ReplyTarget, u: UndeliveredReply, first: string): Promise<Message | undefined> {
  const after = await target.channel.messages.fetch({ after: u.toMessageId, limit: 50 }).catch(() => null);
  return after?.find((m) => m.author.id === ctx.client.user?.id && m.reference?.messageId === u.toMessageId && m.content === first);
}

async function deliver(ctx: BotContext, u: UndeliveredReply): Promise<void> {
  const record = ctx.pipeline.thread(u.threadId)?.replies.find((r) => r.replyId === u.replyId);
  if (!record || record.postedId || record.deleted) return; // delivered meanwhile, or dismissed
  // In Discord the leaked-key note warns about a pasted credential, as on the live path.
  const reply = withoutSecretLine(u.reply);
  const target = reply ? await resolveTarget(ctx, u.threadId) : null;
  if (!reply || !target) {
    ctx.pipeline.replyAbandoned?.(u.threadId, u.replyId);
    ctx.logger.warn({ threadId: u.threadId, replyId: u.replyId }, reply ? 'undelivered reply: the thread is gone' : 'undelivered reply: nothing to say');
    return;
  }
  const found = await alreadyPosted(ctx, target, u, splitMessage(reply.markdown)[0] ?? '');
  if (found) {
    ctx.pipeline.replyPosted(u.threadId, u.replyId, found.id);
    return;
  }
  try {
    await postReply(ctx, target, { type: 'reply', replyId: u.replyId, toMessageId: u.toMessageId, reply });
    ctx.logger.info({ threadId: u.threadId, replyId: u.replyId, lateMs: ctx.now() - u.at }, 'undelivered reply posted');
  } catch (err) {
    logFailure(ctx, 'undelivered reply', { threadId: u.threadId, eventId: `reply:${u.replyId}` }, err);
    if (refusedForGood(err)) {
      ctx.pipeline.replyAbandoned?.(u.threadId, u.replyId);
      ctx.logger.warn({ threadId: u.threadId, replyId: u.replyId, code: describeError(err).code }, 'undelivered reply given up');
    }
  }
}

/** Applies an edit Discord never confirmed (the live edit failed, or the process died first). */
async function reapplyEdit(ctx: BotContext, u: UndeliveredReply): Promise<void> {
  const record = ctx.pipeline.thread(u.threadId)?.replies.find((r) => r.replyId === u.replyId);
  const reply = withoutSecretLine(u.reply);
  const target = record && !record.deleted && reply ? await resolveTarget(ctx, u.threadId) : null;
  if (!reply || !target) {
    ctx.pipeline.replyAbandoned?.(u.threadId, u.replyId);
    return;
  }
  try {
    await editReply(ctx, target, { type: 'edit_reply', replyId: u.replyId, reply });
    ctx.logger.info({ threadId: u.threadId, replyId: u.replyId, lateMs: ctx.now() - u.at }, 'pending edit applied');
  } catch (err) {
    logFailure(ctx, 'pending edit', { threadId: u.threadId, eventId: `reply:${u.replyId}` }, err);
    if (refusedForGood(err)) ctx.pipeline.replyAbandoned?.(u.threadId, u.replyId);
  }
}

/**
 * One pass: delivers every reply and edit left unconfirmed for longer than `afterMs` (ms) and
 * younger than the catch-up age, each in its thread's queue. Never throws. @returns how many.
 */
export async function redeliver(ctx: BotContext, afterMs: number): Promise<number> {
  if (ctx.stopping || !ctx.pipeline.undelivered) return 0;
  const now = ctx.now();
  const since = now - ctx.config.gates.catchUpMaxAgeHours * 3_600_000;
  const old = (u: UndeliveredReply) => u.at <= now - afterMs;
  const work = [
    ...ctx.pipeline.undelivered(since).filter(old).map((u) => [u, deliver] as const),
    ...(ctx.pipeline.unedited?.(since) ?? []).filter(old).map((u) => [u, reapplyEdit] as const),
  ];
  for (const [u, run] of work) {
    await ctx.queue
      .run(u.threadId, () => run(ctx, u))
      .catch((err) => logFailure(ctx, 'undelivered reply', { threadId: u.threadId, eventId: `reply:${u.replyId}` }, err));
  }
  return work.length;
}
