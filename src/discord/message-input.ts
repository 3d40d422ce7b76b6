/**
 * Maps a discord.js message to the pipeline's plain terms: which help thread it belongs to, the
 * author's role in it, and whether Pincer was addressed.
 *
 *  - thread: a post in a configured help forum → the thread's id (`forum_post`); a DM →
 *    `dm:<userId>` (`dm`, one private help thread per user); anything else → not Pincer's.
 *  - role: 'author' (thread owner / DM user), 'helper' (a configured helper or moderator role),
 *    'other_bot' (a configured bot id), 'member' otherwise; Pincer itself and unconfigured bots → null.
 *  - addressed: a DM, a mention of the bot, or a reply to a Pincer message.
 */
import { ChannelType, MessageType, type AnyThreadChannel, type Message, type PartialMessage } from 'discord.js';
import type { AuthorRole, ChannelKind } from '../conversation/types.ts';
import type { BotContext } from './context.ts';

export interface ThreadLocation {
  threadId: string;
  channelKind: ChannelKind;
  threadAuthorId: string;
}

/** User messages Pincer reads (not joins, pins, thread renames…). */
const USER_TYPES = new Set<MessageType>([MessageType.Default, MessageType.Reply]);

/** True for what people write (default messages and replies; partials whose type is unknown yet). */
export function isUserMessage(message: Message | PartialMessage): boolean {
  return message.type === null || USER_TYPES.has(message.type);
}

/** The help thread a message is in, or null when Pincer does not listen there. */
export function locateThread(ctx: BotContext, message: Message | PartialMessage): ThreadLocation | null {
  const channel = message.channel;
  if (channel.type === ChannelType.DM) {
    const userId = channel.recipientId ?? message.author?.id;
    return userId ? { threadId: `dm:${userId}`, channelKind: 'dm', threadAuthorId: userId } : null;
  }
  if (!channel.isThread() || !channel.parentId || !ctx.config.helpForumIds.includes(channel.parentId)) return null;
  return { threadId: channel.id, channelKind: 'forum_post', threadAuthorId: channel.ownerId ?? '' };
}

/** The author's role in the thread, or null when the message is to be ignored. */
export function authorRole(ctx: BotContext, message: Message, where: ThreadLocation): AuthorRole | null {
  const { config, client } = ctx;
  const authorId = message.author.id;
  if (authorId === client.user?.id) return null;
  if (config.otherBotIds.includes(authorId) || config.answerBotIds.includes(authorId)) return 'other_bot';
  if (message.author.bot || message.webhookId) return null;
  if (authorId === where.threadAuthorId) return 'author';
  const helperRoles = [...config.helperRoleIds, ...config.moderatorRoleIds];
  if (message.member && helperRoles.some((id) => message.member?.roles.cache.has(id))) return 'helper';
  return 'member';
}

/** A DM, an explicit mention of the bot (not @everyone / a role), or a reply to Pincer. */
export function isAddressed(ctx: BotContext, message: Message, where: ThreadLocation): boolean {
  if (where.channelKind === 'dm') return true;
  const botId = ctx.client.user?.id;
  if (!botId) return false;
  if (message.mentions.users.has(botId)) return true;
  if (message.mentions.repliedUser?.id === botId) return true;
  const ref = message.reference?.messageId;
  return ref !== undefined && message.channel.messages.cache.get(ref)?.author.id === botId;
}

/**
 * A forum starter that reaches the bot before THREAD_CREATE comes with a thread discord.js built
 * from the message alone: no parent, no owner, and no threadCreate follows (discord.js then only
 * patches it, and never patches `ownerId`). Completes it: the parent by REST, the owner from the
 * starter message (a forum post's starter has the thread's id).
 */
export async function completeThread(ctx: BotContext, thread: AnyThreadChannel, message: Message): Promise<void> {
  if (thread.parentId && thread.ownerId) return;
  if (!thread.parentId) await ctx.client.channels.fetch(thread.id, { force: true });
  if (thread.ownerId) return;
  const starter = message.id === thread.id ? message : await thread.fetchStarterMessage().catch(() => null);
  if (starter) thread.ownerId = starter.author.id;
}

/**
 * The text handed to the pipeline: the content without mentions of Pincer itself (noise for the
 * evidence parsers); for other configured bots also their embeds (answer bots often reply in
 * embeds), as title, description and fields, one per line.
 */
export function messageText(ctx: BotContext, message: Message, role: AuthorRole): string {
  const botId = ctx.client.user?.id;
  const content = botId ? message.content.replaceAll(`<@${botId}>`, '').replaceAll(`<@!${botId}>`, '').trim() : message.content;
  if (role !== 'other_bot' || message.embeds.length === 0) return content;
  const embedLines = message.embeds.flatMap((e) => [e.title, e.description, ...e.fields.map((f) => `${f.name}: ${f.value}`)]);
  return [content, ...embedLines].filter((line): line is string => Boolean(line && line.trim())).join('\n');
}
