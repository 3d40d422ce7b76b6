/**
 * The help thread an interaction or a reaction happened in, in the pipeline's terms (the same
 * mapping as message-input.ts `locateThread`): a post in a configured help forum, or the user's
 * DM with Pincer. Anything else is not a Pincer thread (null).
 */
import { ChannelType, type Channel, type SendableChannels } from 'discord.js';
import type { BotContext } from '../context.ts';
import type { ReplyTarget } from '../effects.ts';
import type { ThreadLocation } from '../message-input.ts';

export interface HelpThread extends ThreadLocation {
  target: ReplyTarget;
  guildId: string | null;
}

/**
 * @param channel the interaction's or message's channel (null when discord.js has none cached)
 * @param userId the user acting (the DM's owner in a DM)
 */
export function helpThreadOf(ctx: BotContext, channel: Channel | null, userId: string): HelpThread | null {
  if (!channel) return null;
  if (channel.type === ChannelType.DM) {
    const owner = channel.recipientId ?? userId;
    const threadId = `dm:${owner}`;
    return { threadId, channelKind: 'dm', threadAuthorId: owner, guildId: null, target: { threadId, channel } };
  }
  if (!channel.isThread() || !channel.parentId || !ctx.config.helpForumIds.includes(channel.parentId)) return null;
  if (!channel.isSendable()) return null;
  const stored = ctx.pipeline.thread(channel.id)?.authorId;
  const author = channel.ownerId ?? stored ?? '';
  return {
    threadId: channel.id,
    channelKind: 'forum_post',
    threadAuthorId: author,
    guildId: channel.guildId,
    target: { threadId: channel.id, channel: channel as SendableChannels },
  };
}

/** A link to a thread (or message) for the helper channel and the mod-log; text only, never fetched. */
export function jumpLink(guildId: string | null, channelId: string, messageId?: string): string {
  return `https://discord.com/channels/${guildId ?? '@me'}/${channelId}${messageId ? `/${messageId}` : ''}`;
}
