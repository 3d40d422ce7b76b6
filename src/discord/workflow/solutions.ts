/**
 * Solutions: "Pincer: Mark solution" (message context menu), `/solved` and `/unsolve`, for the
 * thread's author and helpers. Confirmations are ephemeral (no noise in the thread, no
 * unarchiving for everyone); the solution message gets a ✅ from Pincer, the solved tag follows
 * from the thread's new status, and the memory stores the solution with the branch Pincer had and
 * whether the marked message was Pincer's reply.
 */
import { MessageFlags, type ChatInputCommandInteraction, type MessageContextMenuCommandInteraction } from 'discord.js';
import type { BotContext } from '../context.ts';
import type { ReplyTarget } from '../effects.ts';
import { logFailure } from '../errors.ts';
import { memberRoleIds, mayActOnThread, ONLY_AUTHOR_OR_HELPER } from './roles.ts';
import { runAction } from './run-action.ts';
import { helpThreadOf } from './thread-of.ts';

export const CHECK = '✅';

export const SOLUTION_TEXTS = {
  notHelpThread: 'This only works in a help forum post or in your DMs with Pincer.',
  marked: 'Marked as the solution. Thanks for closing the loop!',
  markedNoMessage:
    'Marked as solved. Tip: to credit the message that solved it, use Apps → **Pincer: Mark solution** on that message.',
  already: 'This thread is already marked as solved.',
  unsolved: 'The solution mark was removed; the thread is open again.',
  notSolved: 'This thread is not marked as solved.',
} as const;

/** Adds Pincer's ✅ to a message (failure logged: a missing permission must not undo the mark). */
export async function addCheck(ctx: BotContext, target: ReplyTarget, messageId: string): Promise<void> {
  await target.channel.messages.react(messageId, CHECK).catch((err) => logFailure(ctx, 'solution reaction', { threadId: target.threadId, messageId }, err));
}

async function removeCheck(ctx: BotContext, target: ReplyTarget, messageId: string): Promise<void> {
  const message = await target.channel.messages.fetch(messageId).catch(() => null);
  await message?.reactions.cache.get(CHECK)?.users.remove(ctx.client.user!.id).catch((err) =>
    logFailure(ctx, 'solution reaction removal', { threadId: target.threadId, messageId }, err),
  );
}

type SolutionInteraction = ChatInputCommandInteraction | MessageContextMenuCommandInteraction;

/** The thread and the caller's right to mark it; answers the refusal itself (null then). */
async function allowed(ctx: BotContext, interaction: SolutionInteraction) {
  const where = helpThreadOf(ctx, interaction.channel, interaction.user.id);
  if (!where) {
    await interaction.reply({ content: SOLUTION_TEXTS.notHelpThread, flags: MessageFlags.Ephemeral });
    return null;
  }
  if (!mayActOnThread(ctx.config, interaction.user.id, memberRoleIds(interaction.member), where.threadAuthorId || null)) {
    await interaction.reply({ content: ONLY_AUTHOR_OR_HELPER, flags: MessageFlags.Ephemeral });
    return null;
  }
  return where;
}

/**
 * Marks the thread solved by `messageId` (null: `/solved` without a message). Answers
 * ephemerally; the ✅ goes on the message once the memory has recorded the solution.
 */
export async function markSolution(ctx: BotContext, interaction: SolutionInteraction, messageId: string | null): Promise<void> {
  const where = await allowed(ctx, interaction);
  if (!where) return;
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  if (ctx.pipeline.thread(where.threadId)?.status === 'solved') {
    await interaction.editReply(SOLUTION_TEXTS.already);
    return;
  }
  const by = interaction.user.id;
  const body = messageId ? { type: 'solved' as const, by, messageId, source: 'pincer' as const } : { type: 'solved' as const, by, source: 'pincer' as const };
  const result = await runAction(ctx, where, body, `interaction:${interaction.id}`);
  if (messageId && result.thread?.status === 'solved') await addCheck(ctx, where.target, messageId);
  const solution = result.thread?.solutions.at(-1);
  ctx.logger.info({ threadId: where.threadId, messageId, branch: solution?.branch ?? null, pincerReply: solution?.pincerReply ?? false }, 'solution marked');
  await interaction.editReply(messageId ? SOLUTION_TEXTS.marked : SOLUTION_TEXTS.markedNoMessage);
}

/** `/unsolve`: withdraws the thread's last solution mark (and Pincer's ✅ on it). */
export async function unmarkSolution(ctx: BotContext, interaction: ChatInputCommandInteraction): Promise<void> {
  const where = await allowed(ctx, interaction);
  if (!where) return;
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const before = ctx.pipeline.thread(where.threadId);
  const last = before?.solutions.at(-1);
  if (before?.status !== 'solved' || !last) {
    await interaction.editReply(SOLUTION_TEXTS.notSolved);
    return;
  }
  await runAction(ctx, where, { type: 'unsolved', by: interaction.user.id }, `interaction:${interaction.id}`);
  if (last.messageId) await removeCheck(ctx, where.target, last.messageId);
  ctx.logger.info({ threadId: where.threadId }, 'solution withdrawn');
  await interaction.editReply(SOLUTION_TEXTS.unsolved);
}
