/**
 * Routes interactions to the handlers listed in commands/index.ts: slash commands and message
 * context menus by name, modals and buttons by custom id prefix. Every handler runs under the
 * one error policy (errors.ts: time limit, ephemeral note, followUp when already replied).
 */
import { MessageFlags, type Interaction } from 'discord.js';
import type { BotContext } from '../context.ts';
import { guardEvent, runInteraction } from '../errors.ts';

export const STALE_BUTTON = 'This button is no longer active.';

async function route(ctx: BotContext, interaction: Interaction): Promise<void> {
  const { registry } = ctx;
  if (interaction.isChatInputCommand()) {
    const command = registry.commands.find((c) => c.kind === 'chat_input' && c.data.name === interaction.commandName);
    if (command?.kind === 'chat_input') await runInteraction(ctx, interaction, command.data.name, () => command.execute(interaction, ctx), command.timeoutMs);
  } else if (interaction.isMessageContextMenuCommand()) {
    const command = registry.commands.find((c) => c.kind === 'message_menu' && c.data.name === interaction.commandName);
    if (command?.kind === 'message_menu') await runInteraction(ctx, interaction, command.data.name, () => command.execute(interaction, ctx), command.timeoutMs);
  } else if (interaction.isModalSubmit()) {
    const modal = registry.modals.find((m) => interaction.customId.startsWith(m.prefix));
    if (modal) await runInteraction(ctx, interaction, modal.prefix, () => modal.execute(interaction, ctx), modal.timeoutMs);
  } else if (interaction.isButton()) {
    const handler = registry.components.find((c) => interaction.customId.startsWith(c.prefix));
    if (handler) await runInteraction(ctx, interaction, handler.prefix, () => handler.execute(interaction, ctx), handler.timeoutMs);
    else await interaction.reply({ content: STALE_BUTTON, flags: MessageFlags.Ephemeral });
  }
}

/** `interactionCreate` listener. */
export function onInteractionCreate(ctx: BotContext) {
  return (interaction: Interaction): void => {
    if (ctx.stopping) return;
    void guardEvent(ctx, 'interactionCreate', { interactionId: interaction.id, threadId: interaction.channelId }, () =>
      route(ctx, interaction),
    );
  };
}
