/**
 * The Worked / Didn't work / Dismiss buttons on Pincer's replies, usable by the thread's author
 * and helpers (anyone else gets an ephemeral refusal). They feed the thread's memory:
 * Worked marks the thread solved by Pincer's reply (✅ on it), Didn't work counts as a failed fix
 * (the memory may hand over to helpers), Dismiss deletes the reply. The answer is ephemeral.
 */
import { MessageFlags, type ButtonInteraction } from 'discord.js';
import type { BotContext } from '../context.ts';
import { FEEDBACK_PREFIX, parseFeedbackCustomId } from '../components.ts';
import type { ComponentHandler } from '../commands/types.ts';
import { memberRoleIds, mayActOnThread, ONLY_AUTHOR_OR_HELPER } from './roles.ts';
import { runAction } from './run-action.ts';
import { helpThreadOf } from './thread-of.ts';
import { addCheck } from './solutions.ts';

export const ANSWERS = {
  worked: 'Glad it worked. I marked the thread as solved.',
  didnt_work: "Thanks for telling me. I noted that this step didn't work.",
  dismiss: 'Removed.',
  unknown: 'This reply is no longer in the thread’s memory.',
} as const;

async function execute(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  const parsed = parseFeedbackCustomId(interaction.customId);
  const where = helpThreadOf(ctx, interaction.channel, interaction.user.id);
  if (!parsed || !where) {
    await interaction.reply({ content: ANSWERS.unknown, flags: MessageFlags.Ephemeral });
    return;
  }
  if (!mayActOnThread(ctx.config, interaction.user.id, memberRoleIds(interaction.member), where.threadAuthorId || null)) {
    await interaction.reply({ content: ONLY_AUTHOR_OR_HELPER, flags: MessageFlags.Ephemeral });
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const known = ctx.pipeline.thread(where.threadId)?.replies.some((r) => r.replyId === parsed.replyId && !r.deleted);
  if (!known) {
    await interaction.editReply(ANSWERS.unknown);
    return;
  }
  const result = await runAction(
    ctx,
    where,
    { type: 'feedback', replyId: parsed.replyId, verdict: parsed.verdict, by: interaction.user.id },
    `interaction:${interaction.id}`,
  );
  if (parsed.verdict === 'worked' && result.thread?.status === 'solved') await addCheck(ctx, where.target, interaction.message.id);
  ctx.logger.info({ threadId: where.threadId, replyId: parsed.replyId, verdict: parsed.verdict }, 'feedback');
  await interaction.editReply(ANSWERS[parsed.verdict]);
}

export const feedbackButtons: ComponentHandler = { prefix: FEEDBACK_PREFIX, execute };
