/**
 * New messages in help-forum threads and DMs → `pipeline.message`, then its effects. Also the
 * entry used by thread-create (the forum post's starter) and catch-up: the event id
 * `message:<id>` makes a second delivery of the same message a no-op.
 */
import type { Message, PartialMessage } from 'discord.js';
import type { IncomingMessage } from '../../pipeline/types.ts';
import { collectAttachments, type AttachmentMeta } from '../attachments.ts';
import { answeredByOtherBot } from '../coexistence.ts';
import type { BotContext } from '../context.ts';
import { carryOut, type ReplyTarget } from '../effects.ts';
import { guardEvent, logFailure } from '../errors.ts';
import { leaveWarningToNote, withLeakWork } from '../workflow/leaked-keys.ts';
import { saveOrHold } from '../save-retry.ts';
import { askForTextOnce } from '../image-ask.ts';
import { authorRole, completeThread, isAddressed, isUserMessage, locateThread, messageText } from '../message-input.ts';

/** A message's attachments as plain data for attachments.ts. */
export function attachmentMetas(message: Message): AttachmentMeta[] {
  return [...message.attachments.values()].map((a) => ({ name: a.name, url: a.url, contentType: a.contentType, size: a.size }));
}

/** Handles one message (live, starter or catch-up). Resolves when its effects are carried out. */
export async function handleMessage(ctx: BotContext, incoming: Message | PartialMessage): Promise<void> {
  if (ctx.stopping || !isUserMessage(incoming)) return;
  const message = incoming.partial ? await incoming.fetch() : incoming;
  if (message.channel.isThread()) await completeThread(ctx, message.channel, message);
  const where = locateThread(ctx, message);
  if (!where) return;
  const role = authorRole(ctx, message, where);
  if (!role) return;
  if (!message.channel.isSendable()) return;
  const target: ReplyTarget = { threadId: where.threadId, channel: message.channel };
  const eventId = `message:${message.id}`;
  const addressed = isAddressed(ctx, message, where);

  await ctx.queue.run(where.threadId, async () => {
    const files = await collectAttachments(attachmentMetas(message), { cdnBaseUrl: ctx.config.cdnBaseUrl });
    const text = messageText(ctx, message, role);
    if (message.content.trim() === '' && text === '' && files.texts.length === 0) {
      if (files.images > 0 && role !== 'other_bot' && (role === 'author' || addressed)) await askForTextOnce(ctx, target, message);
      return;
    }
    const input: IncomingMessage = {
      ...where,
      eventId,
      messageId: message.id,
      authorId: message.author.id,
      role,
      addressed,
      text,
      ...(files.texts.length > 0 ? { attachments: files.texts } : {}),
      ...(answeredByOtherBot(ctx, message) ? { answeredElsewhere: true } : {}),
    };
    const result = saveOrHold(ctx, eventId, () => handleMessage(ctx, message), () => withLeakWork(ctx, message, where.threadId, () => ctx.pipeline.message(input, ctx.now())));
    if (result.duplicate) return;
    if (files.failed.length > 0) ctx.logger.warn({ threadId: where.threadId, eventId, files: files.failed.length }, 'attachment not fetched');
    if (result.secrets.length === 0) return carryOut(ctx, target, result.effects, eventId);
    await ctx.hooks.secrets(ctx, message, result.secrets).catch((err) => logFailure(ctx, 'secrets hook', { threadId: where.threadId, eventId }, err));
    await carryOut(ctx, target, leaveWarningToNote(ctx, where.threadId, result.effects), eventId);
  });
}

/** `messageCreate` listener. */
export function onMessageCreate(ctx: BotContext) {
  return (message: Message): void => {
    void guardEvent(ctx, 'messageCreate', { eventId: `message:${message.id}`, threadId: message.channelId }, () =>
      handleMessage(ctx, message),
    );
  };
}
