/**
 * Escalation to humans. The `escalate` hook (automatic hand-over from the thread's memory, and
 * `/helper`, which goes through the same memory event) posts ONE alert per thread and problem
 * (episode) to the configured helper channel, with an **Acknowledge** button that only helpers
 * can press; who acknowledged is stored.
 */
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, MessageFlags, type ButtonInteraction } from 'discord.js';
import type { EscalationSummary } from '../../conversation/types.ts';
import { createWorkflowStore } from '../../store/workflow.ts';
import type { ComponentHandler } from '../commands/types.ts';
import type { BotContext } from '../context.ts';
import type { ReplyTarget } from '../effects.ts';
import { acknowledgedText, helperAlertText } from './helper-alert.ts';
import { isHelper, memberRoleIds } from './roles.ts';
import { jumpLink } from './thread-of.ts';

export const ACK_PREFIX = 'pincer:ack:';

export const ACK_TEXTS = {
  onlyHelpers: 'Only helpers can acknowledge an alert.',
  done: 'Acknowledged. Thanks for taking it!',
  already: 'Someone already acknowledged this alert.',
} as const;

function ackRow(threadId: string): ActionRowBuilder<ButtonBuilder>[] {
  const button = new ButtonBuilder().setCustomId(`${ACK_PREFIX}${threadId}`).setLabel('Acknowledge').setStyle(ButtonStyle.Primary);
  return [new ActionRowBuilder<ButtonBuilder>().addComponents(button)];
}

/** The `escalate` hook. Without a database or a helper channel it only logs. */
export async function postHelperAlert(ctx: BotContext, target: ReplyTarget, summary: EscalationSummary): Promise<void> {
  const channelId = ctx.config.helperChannelId;
  const state = ctx.pipeline.thread(target.threadId);
  if (!channelId || !ctx.db || !state) {
    ctx.logger.warn({ threadId: target.threadId, helperChannel: channelId !== null, db: !!ctx.db }, 'escalation not posted: no helper channel or database');
    return;
  }
  const store = createWorkflowStore(ctx.db);
  const episode = state.escalations.at(-1)?.episode ?? state.episode;
  const claim = { threadId: target.threadId, episode, reason: summary.reason, branch: summary.branch, channelId, postedAt: ctx.now() };
  if (!store.claimHelperAlert(claim)) {
    ctx.logger.info({ threadId: target.threadId, episode }, 'helpers were already alerted for this problem');
    return;
  }
  try {
    const channel = await ctx.client.channels.fetch(channelId);
    if (!channel?.isSendable()) throw new Error('the helper channel is not a text channel Pincer can post in');
    const guildId = target.channel.isDMBased() ? null : target.channel.guildId;
    const link = guildId ? jumpLink(guildId, target.threadId) : `a DM with Pincer (${target.threadId})`;
    const sent = await channel.send({
      content: helperAlertText({ link, authorId: state.authorId, summary }),
      components: ackRow(target.threadId),
      allowedMentions: { parse: [] },
    });
    store.helperAlertPosted(target.threadId, episode, sent.id);
    ctx.logger.info({ threadId: target.threadId, episode, reason: summary.reason, branch: summary.branch }, 'helpers alerted');
  } catch (err) {
    store.releaseHelperAlert(target.threadId, episode);
    throw err;
  }
}

async function acknowledge(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  if (!isHelper(ctx.config, memberRoleIds(interaction.member))) {
    await interaction.reply({ content: ACK_TEXTS.onlyHelpers, flags: MessageFlags.Ephemeral });
    return;
  }
  const threadId = interaction.customId.slice(ACK_PREFIX.length);
  const ok = ctx.db ? createWorkflowStore(ctx.db).acknowledgeHelperAlert(threadId, interaction.user.id, ctx.now()) : false;
  if (!ok) {
    await interaction.reply({ content: ACK_TEXTS.already, flags: MessageFlags.Ephemeral });
    return;
  }
  await interaction.update({ content: acknowledgedText(interaction.message.content, interaction.user.id), components: [], allowedMentions: { parse: [] } });
  await interaction.followUp({ content: ACK_TEXTS.done, flags: MessageFlags.Ephemeral });
  ctx.logger.info({ threadId }, 'helper alert acknowledged');
}

export const acknowledgeButton: ComponentHandler = { prefix: ACK_PREFIX, execute: acknowledge };
