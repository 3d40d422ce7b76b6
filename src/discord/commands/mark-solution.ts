/**
 * Message context menu "Pincer: Mark solution" and the slash commands `/solved` and `/unsolve`
 * (workflow/solutions.ts does the work). The menu's name cannot collide with Answer Overflow's
 * "Mark Solution" (index.ts RESERVED_COMMAND_NAMES; a test checks it).
 */
import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  ContextMenuCommandBuilder,
  InteractionContextType,
  SlashCommandBuilder,
} from 'discord.js';
import { markSolution, unmarkSolution } from '../workflow/solutions.ts';
import type { MessageMenuCommand, SlashCommand } from './types.ts';

const where = [InteractionContextType.Guild, InteractionContextType.BotDM] as const;

export const markSolutionMenu: MessageMenuCommand = {
  kind: 'message_menu',
  data: new ContextMenuCommandBuilder()
    .setName('Pincer: Mark solution')
    .setType(ApplicationCommandType.Message)
    .setContexts(...where)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall),
  execute: (interaction, ctx) => markSolution(ctx, interaction, interaction.targetId),
};

export const solvedCommand: SlashCommand = {
  kind: 'chat_input',
  data: new SlashCommandBuilder()
    .setName('solved')
    .setDescription('Mark this help thread as solved (author or helpers)')
    .setContexts(...where)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall),
  execute: (interaction, ctx) => markSolution(ctx, interaction, null),
};

export const unsolveCommand: SlashCommand = {
  kind: 'chat_input',
  data: new SlashCommandBuilder()
    .setName('unsolve')
    .setDescription('Remove the solved mark from this help thread (author or helpers)')
    .setContexts(...where)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall),
  execute: (interaction, ctx) => unmarkSolution(ctx, interaction),
};
