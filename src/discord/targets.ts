/**
 * Finds where a pipeline thread's replies go when no Discord event is at hand (timers, issue 7's
 * buttons and commands acting on a thread): the forum thread by id, or the user's DM channel for
 * `dm:<userId>`.
 */
import type { BotContext } from './context.ts';
import type { ReplyTarget } from './effects.ts';

/**
 * @returns the target, or null when the channel is gone or cannot take messages.
 * @throws DiscordAPIError on a Discord-side failure other than "unknown channel/user" (logged by callers).
 */
export async function resolveTarget(ctx: BotContext, threadId: string): Promise<ReplyTarget | null> {
  if (threadId.startsWith('dm:')) {
    const user = await ctx.client.users.fetch(threadId.slice(3)).catch(() => null);
    const channel = user ? await user.createDM() : null;
    return channel ? { threadId, channel } : null;
  }
  if (!/^\d{17,20}$/.test(threadId)) return null;
  const channel = await ctx.client.channels.fetch(threadId).catch(() => null);
  return channel?.isSendable() ? { threadId, channel } : null;
}
