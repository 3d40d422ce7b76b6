/**
 * `/diagnose`: a one-off diagnosis only the caller sees, in a server or in DMs with the bot.
 * Without options it opens a modal with one paragraph field (Discord caps it at 4000 characters);
 * with the optional `file` attachment (for longer output) it reads that file instead.
 * Nothing is stored.
 */
import {
  ActionRowBuilder,
  ApplicationIntegrationType,
  InteractionContextType,
  MessageFlags,
  ModalBuilder,
  SlashCommandBuilder,
  TextInputBuilder,
  TextInputStyle,
  type ChatInputCommandInteraction,
  type ModalSubmitInteraction,
} from 'discord.js';
import { collectAttachments } from '../attachments.ts';
import type { BotContext } from '../context.ts';
import type { ModalHandler, SlashCommand } from './types.ts';
import { answerEphemeral, hasText, NOT_TEXT, renderOneOff } from './one-off.ts';

export const MODAL_ID = 'pincer:diagnose';
export const PASTE_FIELD = 'paste';
export const MODAL_MAX_CHARS = 4000;

export const data = new SlashCommandBuilder()
  .setName('diagnose')
  .setDescription('Find the next step for an OpenClaw model-auth error (only you see the answer)')
  .addAttachmentOption((o) => o.setName('file').setDescription('The output as a .txt or .log file (for long output)'))
  .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);

function pasteModal(): ModalBuilder {
  const field = new TextInputBuilder()
    .setCustomId(PASTE_FIELD)
    .setLabel('Paste the output (errors, models status…)')
    .setStyle(TextInputStyle.Paragraph)
    .setMaxLength(MODAL_MAX_CHARS)
    .setRequired(true);
  return new ModalBuilder()
    .setCustomId(MODAL_ID)
    .setTitle('Diagnose with Pincer')
    .addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(field));
}

/** Without `file`: shows the paste modal (answered by `diagnoseModal`). With `file`: defers and reads it. */
export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const file = interaction.options.getAttachment('file');
  if (!file) {
    await interaction.showModal(pasteModal());
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const meta = { name: file.name, url: file.url, contentType: file.contentType, size: file.size };
  const { texts } = await collectAttachments([meta], { cdnBaseUrl: ctx.config.cdnBaseUrl });
  if (!hasText('', texts)) {
    await answerEphemeral(interaction, NOT_TEXT);
    return;
  }
  await answerEphemeral(interaction, renderOneOff(ctx.pipeline.diagnoseOnce('', texts)));
}

export const diagnoseCommand: SlashCommand = { kind: 'chat_input', data, execute };

export const diagnoseModal: ModalHandler = {
  prefix: MODAL_ID,
  async execute(interaction: ModalSubmitInteraction, ctx: BotContext) {
    const text = interaction.fields.getTextInputValue(PASTE_FIELD);
    await answerEphemeral(interaction, hasText(text, []) ? renderOneOff(ctx.pipeline.diagnoseOnce(text)) : NOT_TEXT);
  },
};
