/**
 * REST routes on channels and their messages: fetch/patch channels (PATCH answers the FULL
 * channel including `type`, or discord.js evicts the thread — pitfall 4), message history with
 * before/after/around, post (JSON or multipart with files), edit, delete, the bot's reactions
 * (kept on the message, so a test sees the ✅ users see), typing,
 * pins, joining threads, archived threads of a forum.
 */
import { GatewayDispatchEvents as E, type APIAttachment, type APIMessage } from 'discord-api-types/v10';
import type { FakeContext } from '../context.ts';
import { compareSnowflakes } from '../ids.ts';
import { deleteMessage, editMessage, postMessage, storeAttachment } from '../messages.ts';
import { discordError, noContent, ok, unknownChannel, unknownMessage, type Route, type RouteRequest } from '../rest.ts';

const ID = '(\\d{17,20})';
const at = (p: string) => new RegExp(`^${p.replaceAll(':id', ID)}$`);

function history(ctx: FakeContext, channelId: string, q: URLSearchParams): APIMessage[] {
  const all = ctx.state.history(channelId);
  const limit = Math.min(Math.max(Number(q.get('limit') ?? 50) || 50, 1), 100);
  const after = q.get('after');
  const before = q.get('before');
  const around = q.get('around');
  let picked: APIMessage[];
  if (after) picked = all.filter((m) => compareSnowflakes(m.id, after) > 0).slice(0, limit);
  else if (around) {
    const i = Math.max(all.findIndex((m) => m.id === around), 0);
    picked = all.slice(Math.max(i - Math.floor(limit / 2), 0), i + Math.ceil(limit / 2));
  } else {
    const older = before ? all.filter((m) => compareSnowflakes(m.id, before) < 0) : all;
    picked = older.slice(-limit);
  }
  return picked.reverse(); // Discord answers newest first
}

/** Attachments of a bot message: kept ones (`{id}` of existing) plus uploaded `files[n]`. */
function attachmentsOf(ctx: FakeContext, channelId: string, req: RouteRequest, previous: APIAttachment[] = []): APIAttachment[] | undefined {
  if (!req.body?.attachments && req.files.length === 0) return undefined;
  const kept = previous.filter((a) => req.body?.attachments?.some((x: { id: string }) => String(x.id) === a.id));
  const uploaded = req.files.map((f) => storeAttachment(ctx, channelId, f.name, f.bytes));
  return [...kept, ...uploaded];
}

function patchChannel(ctx: FakeContext, req: RouteRequest) {
  const [id] = req.params as [string];
  const channel = ctx.state.channel(id) as any;
  if (!channel) return unknownChannel;
  const b = req.body ?? {};
  if (b.applied_tags !== undefined) {
    const forum = ctx.state.channel(channel.parent_id) as any;
    const known = new Set((forum?.available_tags ?? []).map((t: { id: string }) => t.id));
    if (b.applied_tags.length > 5 || b.applied_tags.some((t: string) => !known.has(t)))
      return discordError(400, 50035, 'Invalid Form Body (applied_tags)');
    channel.applied_tags = b.applied_tags;
  }
  if (b.name !== undefined) channel.name = b.name;
  if (channel.thread_metadata) {
    for (const k of ['archived', 'locked', 'auto_archive_duration'] as const)
      if (b[k] !== undefined) channel.thread_metadata[k] = b[k];
    if (b.archived !== undefined) channel.thread_metadata.archive_timestamp = new Date().toISOString();
  }
  ctx.gateway.dispatch(channel.thread_metadata ? E.ThreadUpdate : E.ChannelUpdate, channel);
  return ok(channel);
}

export const channelRoutes: Route[] = [
  ['GET', at('/channels/:id'), (ctx, r) => {
    const c = ctx.state.channel(r.params[0]!);
    return c ? ok(c) : unknownChannel;
  }],
  ['PATCH', at('/channels/:id'), patchChannel],
  ['GET', at('/channels/:id/messages'), (ctx, r) =>
    ctx.state.channel(r.params[0]!) ? ok(history(ctx, r.params[0]!, r.query)) : unknownChannel],
  ['GET', at('/channels/:id/messages/:id'), (ctx, r) => {
    const m = ctx.state.channelMessages(r.params[0]!).get(r.params[1]!);
    return m ? ok(m) : unknownMessage;
  }],
  ['POST', at('/channels/:id/messages'), (ctx, r) => {
    const channelId = r.params[0]!;
    if (!ctx.state.channel(channelId)) return unknownChannel;
    const b = r.body ?? {};
    const replyTo = b.message_reference?.message_id as string | undefined;
    if (replyTo && b.message_reference.fail_if_not_exists !== false && !ctx.state.channelMessages(channelId).has(replyTo))
      return discordError(400, 50035, 'Invalid Form Body (message_reference: Unknown message)');
    if (!b.content && !b.embeds?.length && !b.components?.length && r.files.length === 0)
      return discordError(400, 50006, 'Cannot send an empty message');
    if (typeof b.content === 'string' && b.content.length > 2000)
      return discordError(400, 50035, 'Invalid Form Body (content: Must be 2000 or fewer in length.)');
    // enforce_nonce: a nonce this author used in this channel in the last minutes returns the
    // message it created instead of creating another (how Discord drops a retried send).
    const nonceKey = b.enforce_nonce && b.nonce !== undefined ? `${channelId}:${ctx.state.bot.id}:${String(b.nonce)}` : null;
    const earlier = nonceKey ? ctx.state.nonces.get(nonceKey) : undefined;
    const existing = earlier ? ctx.state.channelMessages(channelId).get(earlier) : undefined;
    if (existing) return ok(existing);
    const created = postMessage(ctx, {
      channelId,
      author: ctx.state.bot,
      content: b.content ?? '',
      embeds: b.embeds,
      components: b.components,
      flags: b.flags,
      replyTo,
      attachments: attachmentsOf(ctx, channelId, r),
    });
    if (nonceKey) ctx.state.nonces.set(nonceKey, created.id);
    return ok(created);
  }],
  ['PATCH', at('/channels/:id/messages/:id'), (ctx, r) => {
    const [channelId, id] = r.params as [string, string];
    const m = ctx.state.channelMessages(channelId).get(id);
    if (!m) return unknownMessage;
    if (m.author.id !== ctx.state.bot.id) return discordError(403, 50005, 'Cannot edit a message authored by another user');
    const b = r.body ?? {};
    const patch: Partial<APIMessage> = {};
    for (const k of ['content', 'embeds', 'components', 'flags'] as const) if (b[k] !== undefined) (patch as any)[k] = b[k];
    const atts = attachmentsOf(ctx, channelId, r, m.attachments);
    if (atts) patch.attachments = atts;
    return ok(editMessage(ctx, channelId, id, patch));
  }],
  ['DELETE', at('/channels/:id/messages/:id'), (ctx, r) =>
    deleteMessage(ctx, r.params[0]!, r.params[1]!) ? noContent : unknownMessage],
  ['PUT', at('/channels/:id/messages/:id/reactions/([^/]+)/@me'), (ctx, r) => {
    const m = ctx.state.channelMessages(r.params[0]!).get(r.params[1]!);
    if (!m) return unknownMessage;
    const name = r.params[2]!; // already URL-decoded by the server core
    if (!m.reactions?.some((x) => x.emoji.name === name && x.me)) {
      m.reactions = [...(m.reactions ?? []), { count: 1, count_details: { burst: 0, normal: 1 }, me: true, me_burst: false, burst_colors: [], emoji: { id: null, name } }];
    }
    return noContent;
  }],
  ['DELETE', at('/channels/:id/messages/:id/reactions/([^/]+)/@me'), () => noContent],
  ['POST', at('/channels/:id/typing'), () => noContent],
  ['PUT', at('/channels/:id/pins/:id'), () => noContent],
  ['PUT', at('/channels/:id/messages/pins/:id'), () => noContent],
  ['PUT', at('/channels/:id/thread-members/@me'), () => noContent],
  ['GET', at('/channels/:id/threads/archived/public'), (ctx, r) => ok({
    threads: [...ctx.state.channels.values()].filter((c: any) => c.parent_id === r.params[0] && c.thread_metadata?.archived),
    members: [],
    has_more: false,
  })],
];
