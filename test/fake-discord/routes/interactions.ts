/**
 * Interaction callbacks and the interaction webhook: reply (4), defer (5), deferred update (6),
 * update (7), modal (9); `@original` (arrives as `%40original`, decoded by the server core —
 * pitfall 5), follow-ups. A second callback on one interaction gets Discord's 40060; an
 * ephemeral response is kept on the interaction record, never posted in the channel.
 */
import { InteractionResponseType as T, MessageFlags, type APIMessage } from 'discord-api-types/v10';
import type { FakeContext } from '../context.ts';
import type { InteractionRecord } from '../interaction-log.ts';
import * as mb from '../builders/message.ts';
import { snowflake } from '../ids.ts';
import { editMessage, postMessage, storeAttachment } from '../messages.ts';
import { discordError, noContent, ok, unknownMessage, type Route, type RouteRequest } from '../rest.ts';

const isEphemeral = (flags: unknown) => ((Number(flags) || 0) & MessageFlags.Ephemeral) !== 0;

/** Creates a response message: posted in the channel, or only kept on the record when ephemeral. */
function respond(ctx: FakeContext, rec: InteractionRecord, data: any, req: RouteRequest, ephemeral: boolean): APIMessage {
  const channelId = rec.payload.channel?.id ?? '';
  const attachments = req.files.map((f) => storeAttachment(ctx, channelId, f.name, f.bytes));
  const fields = {
    channelId,
    author: ctx.state.bot,
    content: data?.content ?? '',
    embeds: data?.embeds,
    components: data?.components,
    flags: (Number(data?.flags) || 0) | (ephemeral ? MessageFlags.Ephemeral : 0),
    attachments,
  };
  if (!ephemeral) return postMessage(ctx, fields);
  return mb.message({ ...fields, id: snowflake(), timestamp: new Date().toISOString() });
}

function callback(ctx: FakeContext, r: RouteRequest) {
  const rec = ctx.interactions.get(r.params[0]!, r.params[1]!);
  if (!rec) return discordError(404, 10062, 'Unknown interaction');
  if (rec.callbacks.length > 0) return discordError(400, 40060, 'Interaction has already been acknowledged.');
  const { type, data } = r.body ?? {};
  rec.callbacks.push({ type, data });
  if (type === T.ChannelMessageWithSource) rec.original = respond(ctx, rec, data, r, isEphemeral(data?.flags));
  else if (type === T.UpdateMessage && rec.payload.message) {
    const m = rec.payload.message;
    rec.original = editMessage(ctx, m.channel_id, m.id, data ?? {}) ?? null;
  } else if (type === T.Modal) rec.modal = data;
  if (r.query.get('with_response') !== 'true') return noContent;
  return ok({
    interaction: { id: rec.payload.id, type: rec.payload.type, response_message_id: rec.original?.id, response_message_loading: type === T.DeferredChannelMessageWithSource, response_message_ephemeral: isEphemeral(data?.flags) },
    resource: { type, ...(rec.original ? { message: rec.original } : {}) },
  });
}

function webhookMessage(ctx: FakeContext, r: RouteRequest): { rec?: InteractionRecord; msg?: APIMessage | null } {
  const rec = ctx.interactions.byWebhookToken(r.params[1]!);
  if (!rec) return {};
  const id = r.params[2]!;
  return { rec, msg: id === '@original' ? rec.original : (rec.followups.find((m) => m.id === id) ?? null) };
}

function editWebhookMessage(ctx: FakeContext, r: RouteRequest) {
  const { rec, msg } = webhookMessage(ctx, r);
  if (!rec) return discordError(404, 10015, 'Unknown Webhook');
  const data = r.body ?? {};
  if (!msg) {
    if (r.params[2] !== '@original' || rec.callbacks.length === 0) return unknownMessage;
    const deferFlags = rec.callbacks[0]?.data?.flags;
    rec.original = respond(ctx, rec, data, r, isEphemeral(deferFlags));
    return ok(rec.original);
  }
  const patch: Partial<APIMessage> = {};
  for (const k of ['content', 'embeds', 'components'] as const) if (data[k] !== undefined) (patch as any)[k] = data[k];
  if (r.files.length) patch.attachments = r.files.map((f) => storeAttachment(ctx, msg.channel_id, f.name, f.bytes));
  if (isEphemeral(msg.flags)) {
    Object.assign(msg, patch, { edited_timestamp: new Date().toISOString() });
    return ok(msg);
  }
  const edited = editMessage(ctx, msg.channel_id, msg.id, patch) ?? Object.assign(msg, patch);
  if (r.params[2] === '@original') rec.original = edited;
  return ok(edited);
}

export const interactionRoutes: Route[] = [
  ['POST', /^\/interactions\/(\d+)\/([^/]+)\/callback$/, callback],
  ['PATCH', /^\/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|\d+)$/, editWebhookMessage],
  ['GET', /^\/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|\d+)$/, (ctx, r) => {
    const { msg } = webhookMessage(ctx, r);
    return msg ? ok(msg) : unknownMessage;
  }],
  ['DELETE', /^\/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|\d+)$/, (ctx, r) => {
    const { rec, msg } = webhookMessage(ctx, r);
    if (!rec || !msg) return unknownMessage;
    ctx.state.channelMessages(msg.channel_id).delete(msg.id);
    if (r.params[2] === '@original') rec.original = null;
    return noContent;
  }],
  ['POST', /^\/webhooks\/(\d+)\/([^/]+)$/, (ctx, r) => {
    const rec = ctx.interactions.byWebhookToken(r.params[1]!);
    if (!rec) return discordError(404, 10015, 'Unknown Webhook');
    if (rec.callbacks.length === 0) return discordError(400, 40060, 'Interaction has not been acknowledged.');
    const m = respond(ctx, rec, r.body, r, isEphemeral(r.body?.flags));
    rec.followups.push(m);
    return ok(m);
  }],
];
