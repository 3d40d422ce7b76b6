/**
 * A post with only screenshots: Pincer cannot read images, so it asks once per thread for the
 * text output. "Once" survives restarts without a table: before asking, Pincer looks for its own
 * earlier ask among the thread's recent messages.
 */
import type { Message } from 'discord.js';
import type { BotContext } from './context.ts';
import type { ReplyTarget } from './effects.ts';

export const IMAGE_ASK =
  "I can't read screenshots. Please paste the terminal output as text (a long paste becomes " +
  '`message.txt`, which I read too), and I will tell you the one command to run next.';

const MARK = IMAGE_ASK.slice(0, 30);

/** True when Pincer already asked for text in this channel (cache, then the last 50 messages). */
async function alreadyAsked(ctx: BotContext, target: ReplyTarget): Promise<boolean> {
  const mine = (m: Message): boolean => m.author?.id === ctx.client.user?.id && m.content.startsWith(MARK);
  if (target.channel.messages.cache.some(mine)) return true;
  const recent = await target.channel.messages.fetch({ limit: 50 });
  return recent.some(mine);
}

/** Posts the ask (a reply to `message`) unless it was already posted in this thread. */
export async function askForTextOnce(ctx: BotContext, target: ReplyTarget, message: Message): Promise<void> {
  if (await alreadyAsked(ctx, target)) return;
  await target.channel.send({
    content: IMAGE_ASK,
    allowedMentions: { parse: [] },
    reply: { messageReference: message.id, failIfNotExists: false },
  });
  ctx.logger.info({ threadId: target.threadId, messageId: message.id }, 'image-only post: asked for text');
}
