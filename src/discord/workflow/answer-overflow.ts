/**
 * Answer Overflow marks a solution with its own "Mark Solution" command: it puts a ✅ on the
 * solution message (and posts a note). When one of the configured other bots (PINCER_OTHER_BOT_IDS,
 * where Answer Overflow is listed) adds ✅ to a message in a help thread, Pincer records that
 * solution too (`source: answer_overflow`). The event id is per thread and message, so a second
 * ✅ event or a restart records it once.
 */
import type { Channel, MessageReaction, PartialMessageReaction, PartialUser, User } from 'discord.js';
import type { BotContext } from '../context.ts';
import { guardEvent } from '../errors.ts';
import { runAction } from './run-action.ts';
import { CHECK } from './solutions.ts';
import { helpThreadOf } from './thread-of.ts';

export function isAnswerOverflowMark(ctx: BotContext, emoji: string | null, userId: string): boolean {
  return emoji === CHECK && ctx.config.otherBotIds.includes(userId);
}

/**
 * Records `userId`'s `emoji` on message `messageId` in `channel` when it is Answer Overflow's ✅
 * in a help thread (also the path of a reaction in a thread discord.js no longer caches,
 * ../thread-cache.ts). Resolves when its effects are carried out.
 */
export async function handleReaction(ctx: BotContext, channel: Channel | null, messageId: string, emoji: string | null, userId: string): Promise<void> {
  if (!isAnswerOverflowMark(ctx, emoji, userId)) return;
  const where = helpThreadOf(ctx, channel, userId);
  if (!where || where.channelKind !== 'forum_post') return;
  const result = await runAction(
    ctx,
    where,
    { type: 'solved', by: userId, messageId, source: 'answer_overflow' },
    `answer-overflow:${where.threadId}:${messageId}`,
  );
  if (!result.duplicate) ctx.logger.info({ threadId: where.threadId, messageId }, 'Answer Overflow solution recorded');
}

const onReaction = (ctx: BotContext, reaction: MessageReaction | PartialMessageReaction, user: User | PartialUser): Promise<void> =>
  handleReaction(ctx, reaction.message.channel, reaction.message.id, reaction.emoji.name, user.id);

/** `messageReactionAdd` listener. */
export function onMessageReactionAdd(ctx: BotContext) {
  return (reaction: MessageReaction | PartialMessageReaction, user: User | PartialUser): void => {
    if (ctx.stopping) return;
    void guardEvent(ctx, 'messageReactionAdd', { messageId: reaction.message.id, threadId: reaction.message.channelId }, () =>
      onReaction(ctx, reaction, user),
    );
  };
}
