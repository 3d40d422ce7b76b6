/**
 * Message context menu "Diagnose with Pincer": a one-off diagnosis of any message (its text and
 * text attachments), answered ephemerally to the member who asked. Nothing of the diagnosis is
 * stored; a full credential in the message goes through the leaked-key workflow. The name
 * does not collide with Answer Overflow's "Mark Solution".
 */
import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  ContextMenuCommandBuilder,
  InteractionContextType,
  MessageFlags,
  type MessageContextMenuCommandInteraction,
} from 'discord.js';
import { collectAttachments } from '../attachments.ts';
import type { BotContext } from '../context.ts';
import { attachmentMetas } from '../events/message-create.ts';
import { logFailure } from '../errors.ts';
import { IMAGE_ASK } from '../image-ask.ts';
import type { MessageMenuCommand } from './types.ts';
import { answerEphemeral, hasText, NOT_TEXT, renderOneOff } from './one-off.ts';

export const data = new ContextMenuCommandBuilder()
  .setName('Diagnose with Pincer')
  .setType(ApplicationCommandType.Message)
  .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);

/** Defers ephemerally, reads the target message's text and text attachments, answers the caller only. */
export async function execute(interaction: MessageContextMenuCommandInteraction, ctx: BotContext): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const target = interaction.targetMessage;
  const files = await collectAttachments(attachmentMetas(target), { cdnBaseUrl: ctx.config.cdnBaseUrl });
  if (!hasText(target.content, files.texts)) {
    await answerEphemeral(interaction, files.images > 0 ? IMAGE_ASK : NOT_TEXT);
    return;
  }
  const result = ctx.pipeline.diagnoseOnce(target.content, files.texts);
  await answerEphemeral(interaction, renderOneOff(result));
  // The credential sits in a public message Pincer may never have read (a channel it does not
  // watch): the same removal, note, DM and mod-log as a paste in a help thread.
  if (result.secrets.length > 0 && !target.author.bot) {
    await ctx.hooks.secrets(ctx, target, result.secrets).catch((err) => logFailure(ctx, 'secrets hook', { messageId: target.id, threadId: target.channelId }, err));
  }
}

export const diagnoseMessageCommand: MessageMenuCommand = { kind: 'message_menu', data, execute };
