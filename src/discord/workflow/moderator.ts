/**
 * `/pincer status | stats [days] | explain <branch> | pause | resume` for moderators, and
 * `/pincer forget-me` for everyone. The moderator role (PINCER_MODERATOR_ROLE_IDS) is checked
 * here, on Pincer's side, for every moderator subcommand — the command has no default member
 * permissions, so the check does not depend on how a server admin configured them. All answers
 * are ephemeral.
 */
import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import { forgetUser } from '../../store/forget.ts';
import { storeStatus, windowStats } from '../../store/stats.ts';
import { answerEphemeral } from '../commands/one-off.ts';
import type { BotContext } from '../context.ts';
import { explainText } from './explain.ts';
import { statsText, statusText } from './moderator-texts.ts';
import { isModerator, memberRoleIds, ONLY_MODERATORS } from './roles.ts';
import { runAction } from './run-action.ts';
import { SOLUTION_TEXTS } from './solutions.ts';
import { helpThreadOf } from './thread-of.ts';

export const MOD_TEXTS = {
  noDatabase: 'Pincer has no database attached; nothing to show.',
  paused: 'Pincer is paused in this thread: it will read along but not reply until `/pincer resume`.',
  resumed: 'Pincer is active in this thread again.',
  forgotten: (n: { messages: number; facts: number }) =>
    `Done. I deleted ${n.messages} message${n.messages === 1 ? '' : 's'} and ${n.facts} piece${n.facts === 1 ? '' : 's'} of evidence I had stored from you, and removed your name from what remains (anonymous counts only).`,
} as const;

async function pauseOrResume(ctx: BotContext, interaction: ChatInputCommandInteraction, type: 'pause' | 'resume'): Promise<void> {
  const where = helpThreadOf(ctx, interaction.channel, interaction.user.id);
  if (!where) return answerEphemeral(interaction, SOLUTION_TEXTS.notHelpThread);
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  await runAction(ctx, where, { type, by: interaction.user.id }, `interaction:${interaction.id}`);
  ctx.logger.info({ threadId: where.threadId, action: type }, `thread ${type}d by a moderator`);
  await interaction.editReply(type === 'pause' ? MOD_TEXTS.paused : MOD_TEXTS.resumed);
}

async function forgetMe(ctx: BotContext, interaction: ChatInputCommandInteraction): Promise<void> {
  if (!ctx.db) return answerEphemeral(interaction, MOD_TEXTS.noDatabase);
  const result = forgetUser(ctx.db, interaction.user.id);
  ctx.logger.info({ ...result }, 'forget-me: a user removed what Pincer stored about them');
  await answerEphemeral(interaction, MOD_TEXTS.forgotten(result));
}

/** Routes `/pincer <subcommand>`. */
export async function pincerCommand(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const sub = interaction.options.getSubcommand();
  if (sub === 'forget-me') return forgetMe(ctx, interaction);
  if (!isModerator(ctx.config, memberRoleIds(interaction.member))) {
    ctx.logger.info({ sub, interactionId: interaction.id }, '/pincer refused: not a moderator');
    return answerEphemeral(interaction, ONLY_MODERATORS);
  }
  switch (sub) {
    case 'status':
      if (!ctx.db) return answerEphemeral(interaction, MOD_TEXTS.noDatabase);
      return answerEphemeral(interaction, statusText({ uptimeMs: ctx.client.uptime, pingMs: ctx.client.ws.ping }, storeStatus(ctx.db)));
    case 'stats': {
      if (!ctx.db) return answerEphemeral(interaction, MOD_TEXTS.noDatabase);
      const days = interaction.options.getInteger('days') ?? 7;
      return answerEphemeral(interaction, statsText(windowStats(ctx.db, days, ctx.now())));
    }
    case 'explain':
      return answerEphemeral(interaction, explainText(interaction.options.getString('branch', true)));
    case 'pause':
    case 'resume':
      return pauseOrResume(ctx, interaction, sub);
  }
}
