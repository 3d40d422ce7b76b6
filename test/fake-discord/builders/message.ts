/**
 * Typed builders for messages and attachments as the gateway and REST carry them. A forum
 * starter message has `id == channel_id == thread id` (fake-discord.md §2).
 */
import {
  MessageType,
  type APIAttachment,
  type APIEmbed,
  type APIGuildMember,
  type APIMessage,
  type APIMessageTopLevelComponent,
  type APIUser,
  type GatewayMessageCreateDispatchData,
  type MessageFlags,
  type TextChannelType,
} from 'discord-api-types/v10';

export function attachment(opts: {
  id: string;
  filename: string;
  size: number;
  url: string;
  contentType: string;
}): APIAttachment {
  return {
    id: opts.id,
    filename: opts.filename,
    size: opts.size,
    url: opts.url,
    proxy_url: opts.url,
    content_type: opts.contentType,
  } satisfies APIAttachment;
}

export interface MessageOptions {
  id: string;
  channelId: string;
  author: APIUser;
  content: string;
  timestamp: string;
  attachments?: APIAttachment[];
  embeds?: APIEmbed[];
  components?: APIMessageTopLevelComponent[];
  flags?: number;
  /** The message this one replies to (`message_reference.message_id`). */
  replyTo?: { messageId: string; channelId: string; guildId?: string };
  mentions?: APIUser[];
}

/** A full message object (what REST returns and discord.js caches). */
export function message(o: MessageOptions): APIMessage {
  return {
    id: o.id,
    channel_id: o.channelId,
    author: o.author,
    content: o.content,
    timestamp: o.timestamp,
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: o.mentions ?? [],
    mention_roles: [],
    attachments: o.attachments ?? [],
    embeds: o.embeds ?? [],
    components: o.components ?? [],
    pinned: false,
    type: o.replyTo ? MessageType.Reply : MessageType.Default,
    flags: (o.flags ?? 0) as MessageFlags,
    ...(o.replyTo
      ? {
          message_reference: {
            message_id: o.replyTo.messageId,
            channel_id: o.replyTo.channelId,
            ...(o.replyTo.guildId ? { guild_id: o.replyTo.guildId } : {}),
          },
        }
      : {}),
  } satisfies APIMessage;
}

/**
 * MESSAGE_CREATE data: the message plus `channel_type`, and `guild_id` and `member` in a guild.
 * Without `channel_type` discord.js cannot build the partial DM channel and drops a DM.
 */
export function messageCreate(
  m: APIMessage,
  channelType: TextChannelType,
  guild?: { guildId: string; member: APIGuildMember },
): GatewayMessageCreateDispatchData {
  if (!guild) return { ...m, channel_type: channelType } satisfies GatewayMessageCreateDispatchData;
  const { user: _user, ...member } = guild.member;
  return { ...m, channel_type: channelType, guild_id: guild.guildId, member } satisfies GatewayMessageCreateDispatchData;
}
