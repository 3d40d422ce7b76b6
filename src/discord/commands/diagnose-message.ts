/**
 * Message context menu "Diagnose with Pincer": a one-off diagnosis of any message (its text and
 * text attachments), answered ephemerally to the member who asked. Nothing is stored. The name
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
  await answerEphemeral(interaction, renderOneOff(ctx.pipeline.diagnoseOnce(target.content, files.texts)));
}

export const diagnoseMessageCommand: MessageMenuCommand = { kind: 'message_menu', data, execute };
