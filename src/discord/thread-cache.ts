/**
 * A count budget on the threads discord.js keeps in memory (issue 17: no growth with history).
 *
 * discord.js caches every thread it sees and forgets one only 4 hours after it is archived; each
 * costs ~2 KB of heap (a ThreadChannel whose hidden class becomes its own once discord.js clones
 * it on an update, and its managers), so a busy forum's open posts grew the heap without bound.
 * Here the `budget` most recently active channels (by the gateway events that name them) stay;
 * past that, the others are swept (`client.sweepers.sweepThreads`, which removes a thread from
 * every cache) — never one whose events are still being handled.
 *
 * What discord.js would then drop, this file handles instead: it builds no channel for a
 * MESSAGE_UPDATE or a MESSAGE_REACTION_ADD in an uncached guild thread (a new message carries the
 * channel type, and message-input.ts completes the thread by REST). For those two, seen in the
 * `raw` packet (emitted synchronously before discord.js handles it, so the two decide on the same
 * cache), the channel (and, for an edit, the message) is fetched by REST and the same handler runs:
 * an edit or Answer Overflow's ✅ in an old thread is still handled, once.
 */
import { Events } from 'discord.js';
import type { BotContext } from './context.ts';
import { guardEvent } from './errors.ts';
import { handleEditedMessage } from './events/message-update.ts';
import { handleReaction, isAnswerOverflowMark } from './workflow/answer-overflow.ts';

/** Channels (threads) kept cached by default: the most recently active. */
export const THREAD_BUDGET = 500;

interface RawPacket {
  t?: string | null;
  d?: Record<string, any> | null;
}

/** The channel a gateway packet is about (threads by their own id), or undefined. */
function channelOf(p: RawPacket): string | undefined {
  const d = p.d;
  if (!d || typeof d !== 'object') return undefined;
  if (typeof d.channel_id === 'string') return d.channel_id;
  if ((p.t === 'THREAD_CREATE' || p.t === 'THREAD_UPDATE') && typeof d.id === 'string') return d.id;
  return undefined;
}

/** An edit or a reaction discord.js is about to drop (its guild channel is not cached): handled by REST. */
function readBack(ctx: BotContext, p: RawPacket, channelId: string): void {
  const d = p.d!;
  if (p.t === 'MESSAGE_UPDATE') {
    if (!d.edited_timestamp || typeof d.id !== 'string') return; // embeds unfolding, not an edit
    void guardEvent(ctx, 'messageUpdate', { threadId: channelId, messageId: d.id }, async () => {
      const channel = await ctx.client.channels.fetch(channelId);
      if (!channel?.isTextBased()) return;
      await handleEditedMessage(ctx, await channel.messages.fetch(d.id));
    });
  } else if (p.t === 'MESSAGE_REACTION_ADD') {
    const emoji = (d.emoji?.name as string | undefined) ?? null;
    if (!isAnswerOverflowMark(ctx, emoji, d.user_id) || typeof d.message_id !== 'string') return;
    void guardEvent(ctx, 'messageReactionAdd', { threadId: channelId, messageId: d.message_id }, async () =>
      handleReaction(ctx, await ctx.client.channels.fetch(channelId), d.message_id, emoji, d.user_id),
    );
  }
}

/**
 * Keeps at most about `budget` channels' threads cached (see the file comment): sweeps now, then
 * every `budget / 10` newly active channels. Call once the client is ready. Returns the stop function.
 */
export function startThreadCache(ctx: BotContext, budget = THREAD_BUDGET): () => void {
  const recent = new Map<string, true>(); // channel ids, least recently active first
  const every = Math.max(1, Math.floor(budget / 10));
  let fresh = 0;
  const sweep = (): void => {
    fresh = 0;
    ctx.client.sweepers.sweepThreads((thread) => {
      if (recent.has(thread.id) || ctx.queue.busy(thread.id)) return false;
      thread.messages.cache.clear(); // out of the shared message budget too
      return true;
    });
  };
  const touch = (id: string): void => {
    if (recent.delete(id)) return void recent.set(id, true);
    recent.set(id, true);
    if (recent.size > budget) recent.delete(recent.keys().next().value!);
    if (++fresh >= every) sweep();
  };
  const onRaw = (p: RawPacket): void => {
    const id = channelOf(p);
    if (id === undefined) return;
    if (!ctx.stopping && ctx.client.isReady() && typeof p.d?.guild_id === 'string' && !ctx.client.channels.cache.has(id)) readBack(ctx, p, id);
    touch(id);
  };
  ctx.client.on(Events.Raw, onRaw);
  sweep();
  return () => void ctx.client.off(Events.Raw, onRaw);
}
