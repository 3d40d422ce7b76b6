/**
 * `/pincer`: moderator subcommands (status, stats, explain, pause, resume; role-checked on
 * Pincer's side in workflow/moderator.ts) and `forget-me` for everyone. No default member
 * permissions, so every member can reach `forget-me`.
 */
import { ApplicationIntegrationType, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { pincerCommand } from '../workflow/moderator.ts';
import type { SlashCommand } from './types.ts';

export const data = new SlashCommandBuilder()
  .setName('pincer')
  .setDescription('Pincer: moderator tools, and forget-me')
  .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
  .addSubcommand((s) => s.setName('status').setDescription('Moderators: uptime, gateway latency, database size, threads'))
  .addSubcommand((s) =>
    s
      .setName('stats')
      .setDescription('Moderators: threads, branches, solved-by-Pincer rate, failed fixes, coverage gaps')
      .addIntegerOption((o) => o.setName('days').setDescription('How many days back (default 7)').setMinValue(1).setMaxValue(365)),
  )
  .addSubcommand((s) =>
    s
      .setName('explain')
      .setDescription('Moderators: what a diagnosis branch reads and answers')
      .addStringOption((o) => o.setName('branch').setDescription('Branch id, e.g. api_key_invalid').setRequired(true).setMaxLength(60)),
  )
  .addSubcommand((s) => s.setName('pause').setDescription('Moderators: Pincer stops replying in this thread'))
  .addSubcommand((s) => s.setName('resume').setDescription('Moderators: Pincer replies in this thread again'))
  .addSubcommand((s) => s.setName('forget-me').setDescription('Delete what Pincer stored about you (keeps anonymous counts)'));

export const pincerSlashCommand: SlashCommand = { kind: 'chat_input', data, execute: pincerCommand };
