/**
 * Living next to OpenClaw's other bots. Configured answer bots (the server's AI answer bot) may
 * answer a message before Pincer does — typically while Pincer was down and catches up. Pincer
 * then stays quiet about that message unless it has a confirmed diagnosis it has not given yet:
 * the adapter tells the pipeline (`answeredElsewhere`) and the reducer decides, so what was not
 * posted is not remembered as said. Other bots' messages reach the pipeline as
 * `other_bot`: helper context, never evidence.
 */
import type { Message } from 'discord.js';
import type { BotContext } from './context.ts';

/**
 * True when a configured answer bot posted, after `message` and in the same channel, a reply to
 * it or a plain (non-reply) message. Reads the channel's cache only (catch-up fills it).
 */
export function answeredByOtherBot(ctx: BotContext, message: Message): boolean {
  const bots = ctx.config.answerBotIds;
  if (bots.length === 0) return false;
  const after = BigInt(message.id);
  return message.channel.messages.cache.some(
    (m) =>
      bots.includes(m.author?.id ?? '') &&
      BigInt(m.id) > after &&
      (m.reference?.messageId === undefined || m.reference.messageId === message.id),
  );
}
