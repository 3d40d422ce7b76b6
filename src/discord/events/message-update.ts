/**
 * Edits of user messages in help threads and DMs → `pipeline.edit` (event id
 * `edit:<messageId>:<editedTimestamp>`); the pipeline answers with `edit_reply` when its earlier
 * reply should change, which effects.ts carries out as an edit of the posted message.
 * Updates without a new edit timestamp (link embeds unfolding) and Pincer's own or other bots'
 * edits are ignored. `Partials.Message` delivers edits of messages not in the cache.
 */
import type { Message, PartialMessage } from 'discord.js';
import type { IncomingEdit } from '../../pipeline/types.ts';
import { collectAttachments } from '../attachments.ts';
import type { BotContext } from '../context.ts';
import { carryOut } from '../effects.ts';
import { guardEvent, logFailure } from '../errors.ts';
import { leaveWarningToNote, withLeakWork } from '../workflow/leaked-keys.ts';
import { saveOrHold } from '../save-retry.ts';
import { authorRole, isUserMessage, locateThread, messageText } from '../message-input.ts';
import { attachmentMetas } from './message-create.ts';

/** Handles one edit (see the file comment); resolves when its effects are carried out. */
export async function handleEdit(ctx: BotContext, before: Message | PartialMessage, after: Message | PartialMessage): Promise<void> {
  if (ctx.stopping || !isUserMessage(after)) return;
  const message = after.partial ? await after.fetch() : after;
  if (message.editedTimestamp === null) return;
  if (!before.partial && before.content === message.content && before.attachments.size === message.attachments.size) return;
  await handleEditedMessage(ctx, message);
}

/**
 * Reads an edited message (live, or found by catch-up): once per edit timestamp, so an edit
 * already processed is a no-op. Resolves when its effects are carried out.
 */
export async function handleEditedMessage(ctx: BotContext, message: Message): Promise<void> {
  if (ctx.stopping || message.editedTimestamp === null) return;
  const where = locateThread(ctx, message);
  if (!where) return;
  const role = authorRole(ctx, message, where);
  if (!role || role === 'other_bot') return;
  if (!message.channel.isSendable()) return;
  const target = { threadId: where.threadId, channel: message.channel };
  const eventId = `edit:${message.id}:${message.editedTimestamp}`;

  await ctx.queue.run(where.threadId, async () => {
    const files = await collectAttachments(attachmentMetas(message), { cdnBaseUrl: ctx.config.cdnBaseUrl });
    const input: IncomingEdit = {
      ...where,
      eventId,
      messageId: message.id,
      text: messageText(ctx, message, role),
      ...(files.texts.length > 0 ? { attachments: files.texts } : {}),
    };
    const result = saveOrHold(ctx, eventId, () => handleEditedMessage(ctx, message), () => withLeakWork(ctx, message, where.threadId, () => ctx.pipeline.edit(input, ctx.now())));
    if (result.duplicate) return;
    if (result.secrets.length === 0) return carryOut(ctx, target, result.effects, eventId);
    await ctx.hooks.secrets(ctx, message, result.secrets).catch((err) => logFailure(ctx, 'secrets hook', { threadId: where.threadId, eventId }, err));
    await carryOut(ctx, target, leaveWarningToNote(ctx, where.threadId, result.effects), eventId);
  });
}

/** `messageUpdate` listener. */
export function onMessageUpdate(ctx: BotContext) {
  return (before: Message | PartialMessage, after: Message | PartialMessage): void => {
    void guardEvent(ctx, 'messageUpdate', { threadId: after.channelId, messageId: after.id }, () => handleEdit(ctx, before, after));
  };
}
