/**
 * Carries out the pipeline's effects in Discord. Replies go out with `allowedMentions` empty
 * (a pasted `@everyone` never pings), split at line boundaries when over 2000 characters, and the
 * posted message ids (every part) are reported back with `pipeline.replyPosted` so a later
 * `edit_reply` or `delete_reply` rewrites or removes all of it. Status, escalation and timer effects go to the hooks (issue 7).
 * Each effect's failure is logged and the next effect still runs.
 *
 * Every part is sent with a nonce derived from (thread, reply, part) and `enforce_nonce`: when
 * Discord answers late and discord.js sends the request again, Discord returns the message the
 * first request created instead of posting it twice.
 */
import { createHash } from 'node:crypto';
import type { MessageCreateOptions, SendableChannels } from 'discord.js';
import type { Effect } from '../conversation/types.ts';
import type { RenderedReply } from '../reply/types.ts';
import type { BotContext } from './context.ts';
import { FEEDBACK_PREFIX, feedbackRow } from './components.ts';
import { logFailure } from './errors.ts';
import { splitMessage } from './split.ts';

/** Where a thread's replies go: the forum thread, or the user's DM channel. */
export interface ReplyTarget {
  /** The pipeline's thread id (Discord thread id, or `dm:<userId>`). */
  threadId: string;
  channel: SendableChannels;
}

const NO_MENTIONS = { parse: [] } as const;

function components(ctx: BotContext, replyId: string, reply: RenderedReply): MessageCreateOptions['components'] {
  const handled = ctx.registry.components.some((c) => c.prefix === FEEDBACK_PREFIX);
  return handled ? feedbackRow(replyId, reply.buttons) : [];
}

/** The Discord messages a reply was posted as, first part first; [] when never posted. */
function postedIdsOf(ctx: BotContext, threadId: string, replyId: string): string[] {
  const r = ctx.pipeline.thread(threadId)?.replies.find((x) => x.replyId === replyId);
  return r?.postedId ? [r.postedId, ...(r.postedParts ?? [])] : [];
}

/** Discord's nonce (at most 25 characters) for one part of a reply: the same on every retry of that send. */
export function replyNonce(threadId: string, replyId: string, part: number, content: string): string {
  return createHash('sha256').update(`${threadId}\0${replyId}\0${part}\0${content}`).digest('base64url').slice(0, 25);
}

/** Posts a reply (in parts when over 2000 characters) and reports its ids. @throws on a Discord failure. */
export async function postReply(ctx: BotContext, target: ReplyTarget, effect: Extract<Effect, { type: 'reply' }>): Promise<void> {
  const chunks = splitMessage(effect.reply.markdown);
  const ids: string[] = [];
  for (const [i, content] of chunks.entries()) {
    const sent = await target.channel.send({
      content,
      allowedMentions: NO_MENTIONS,
      nonce: replyNonce(target.threadId, effect.replyId, i, content),
      enforceNonce: true,
      ...(i === 0 && effect.toMessageId ? { reply: { messageReference: effect.toMessageId, failIfNotExists: false } } : {}),
      ...(i === chunks.length - 1 ? { components: components(ctx, effect.replyId, effect.reply) } : {}),
    });
    ids.push(sent.id);
  }
  const [first, ...parts] = ids;
  if (!first) return;
  ctx.pipeline.replyPosted(target.threadId, effect.replyId, first, parts);
  ctx.logger.info(
    { threadId: target.threadId, replyId: effect.replyId, kind: effect.reply.kind, branch: effect.reply.branch, parts: chunks.length },
    'reply posted',
  );
}

/**
 * Rewrites every message of a posted reply: parts that exist are edited, new parts are sent after
 * them, parts no longer needed are deleted. The feedback buttons stay on the last part. Confirms
 * the edit with `replyEdited`. @throws on a Discord failure.
 */
export async function editReply(ctx: BotContext, target: ReplyTarget, effect: Extract<Effect, { type: 'edit_reply' }>): Promise<void> {
  const ids = postedIdsOf(ctx, target.threadId, effect.replyId);
  if (ids.length === 0) {
    ctx.logger.warn({ threadId: target.threadId, replyId: effect.replyId }, 'edit_reply: the reply was never posted');
    return;
  }
  const chunks = splitMessage(effect.reply.markdown);
  const kept: string[] = [];
  for (const [i, content] of chunks.entries()) {
    const buttons = i === chunks.length - 1 ? components(ctx, effect.replyId, effect.reply) : [];
    const id = ids[i];
    if (id) await target.channel.messages.edit(id, { content, allowedMentions: NO_MENTIONS, components: buttons });
    const nonce = replyNonce(target.threadId, effect.replyId, i, content);
    kept.push(id ?? (await target.channel.send({ content, allowedMentions: NO_MENTIONS, components: buttons, nonce, enforceNonce: true })).id);
  }
  for (const surplus of ids.slice(chunks.length)) await target.channel.messages.delete(surplus);
  const [first, ...parts] = kept;
  if (first && kept.join() !== ids.join()) ctx.pipeline.replyPosted(target.threadId, effect.replyId, first, parts);
  ctx.pipeline.replyEdited?.(target.threadId, effect.replyId);
}

async function deleteReply(ctx: BotContext, target: ReplyTarget, replyId: string): Promise<void> {
  for (const id of postedIdsOf(ctx, target.threadId, replyId)) await target.channel.messages.delete(id);
}

async function carryOne(ctx: BotContext, target: ReplyTarget, effect: Effect): Promise<void> {
  switch (effect.type) {
    case 'reply':
      return postReply(ctx, target, effect);
    case 'edit_reply':
      return editReply(ctx, target, effect);
    case 'delete_reply':
      return deleteReply(ctx, target, effect.replyId);
    case 'set_status':
      return ctx.hooks.setStatus(ctx, target, effect.status);
    case 'escalate':
      return ctx.hooks.escalate(ctx, target, effect.summary);
    case 'schedule':
    case 'cancel_timer':
      return ctx.hooks.timer(ctx, target, effect);
  }
}

/**
 * Carries out `effects` in order. Never throws: each failure (50013, 10008, a deleted thread…)
 * is logged with the thread and event ids and the remaining effects still run.
 */
export async function carryOut(ctx: BotContext, target: ReplyTarget, effects: Effect[], eventId: string): Promise<void> {
  for (const effect of effects) {
    try {
      await carryOne(ctx, target, effect);
    } catch (err) {
      const branch = effect.type === 'reply' || effect.type === 'edit_reply' ? effect.reply.branch : null;
      logFailure(ctx, `effect ${effect.type}`, { threadId: target.threadId, eventId, branch }, err);
    }
  }
}
