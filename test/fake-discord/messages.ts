/**
 * Message operations shared by REST (the bot posting) and the test-facing actions (users
 * posting): store, keep the thread's counters, serve attachment bytes, and dispatch the
 * gateway event Discord would send — including MESSAGE_CREATE for the bot's own messages.
 */
import { ChannelType, GatewayDispatchEvents as E, type APIAttachment, type APIMessage, type APIUser, type TextChannelType } from 'discord-api-types/v10';
import * as mb from './builders/message.ts';
import type { FakeContext } from './context.ts';
import { snowflake } from './ids.ts';

export interface NewMessage {
  channelId: string;
  author: APIUser;
  content: string;
  /** Forces the id (a forum starter message has the thread's id). */
  id?: string;
  attachments?: APIAttachment[];
  embeds?: APIMessage['embeds'];
  components?: APIMessage['components'];
  flags?: number;
  replyTo?: string;
  mentions?: APIUser[];
  /** Store only; no MESSAGE_CREATE (a message posted while the bot was away, an ephemeral). */
  silent?: boolean;
}

/** Stores bytes and returns the attachment object whose URL the fake serves. */
export function storeAttachment(ctx: FakeContext, channelId: string, filename: string, bytes: Uint8Array, contentType?: string): APIAttachment {
  const id = snowflake();
  const type = contentType ?? (filename.endsWith('.txt') || filename.endsWith('.log') ? 'text/plain; charset=utf-8' : 'application/octet-stream');
  ctx.state.attachments.set(id, { filename, contentType: type, bytes });
  const url = `${ctx.baseUrl}/attachments/${channelId}/${id}/${encodeURIComponent(filename)}`;
  return mb.attachment({ id, filename, size: bytes.byteLength, url, contentType: type });
}

function guildExtras(ctx: FakeContext, channelId: string, authorId: string) {
  const channel = ctx.state.channel(channelId);
  const guildId = channel && 'guild_id' in channel ? channel.guild_id : undefined;
  const member = ctx.state.members.get(authorId);
  return guildId && member ? { guildId, member } : undefined;
}

/** Gateway data for a stored message (adds `guild_id` and `member` in a guild channel). */
export function gatewayMessage(ctx: FakeContext, m: APIMessage) {
  const type = (ctx.state.channel(m.channel_id)?.type ?? ChannelType.GuildText) as TextChannelType;
  return mb.messageCreate(m, type, guildExtras(ctx, m.channel_id, m.author.id));
}

export function postMessage(ctx: FakeContext, o: NewMessage): APIMessage {
  const id = o.id ?? snowflake();
  const channel = ctx.state.channel(o.channelId);
  const guildId = channel && 'guild_id' in channel ? channel.guild_id : undefined;
  const m = mb.message({
    id,
    channelId: o.channelId,
    author: o.author,
    content: o.content,
    timestamp: new Date().toISOString(),
    attachments: o.attachments,
    embeds: o.embeds,
    components: o.components,
    flags: o.flags,
    mentions: o.mentions,
    replyTo: o.replyTo ? { messageId: o.replyTo, channelId: o.channelId, guildId } : undefined,
  });
  ctx.state.channelMessages(o.channelId).set(id, m);
  if (channel && 'message_count' in channel) {
    channel.message_count = (channel.message_count ?? 0) + 1;
    channel.total_message_sent = (channel.total_message_sent ?? 0) + 1;
  }
  if (channel && 'last_message_id' in channel) channel.last_message_id = id;
  if (!o.silent) ctx.gateway.dispatch(E.MessageCreate, gatewayMessage(ctx, m));
  return m;
}

/** Applies `patch` to a stored message, stamps `edited_timestamp`, dispatches MESSAGE_UPDATE. */
export function editMessage(ctx: FakeContext, channelId: string, id: string, patch: Partial<APIMessage>, silent = false): APIMessage | undefined {
  const m = ctx.state.channelMessages(channelId).get(id);
  if (!m) return undefined;
  Object.assign(m, patch, { edited_timestamp: new Date().toISOString() });
  if (!silent) ctx.gateway.dispatch(E.MessageUpdate, gatewayMessage(ctx, m));
  return m;
}

export function deleteMessage(ctx: FakeContext, channelId: string, id: string): boolean {
  const msgs = ctx.state.channelMessages(channelId);
  if (!msgs.delete(id)) return false;
  const channel = ctx.state.channel(channelId);
  const guildId = channel && 'guild_id' in channel ? channel.guild_id : undefined;
  ctx.gateway.dispatch(E.MessageDelete, { id, channel_id: channelId, ...(guildId ? { guild_id: guildId } : {}) });
  return true;
}
