/**
 * `/helper`: asks a human helper to look at this thread. The thread's memory records the request
 * as an escalation (reason `requested`), exactly like an automatic hand-over, so the helper
 * channel gets ONE alert per problem (workflow/escalation.ts). Authors may call it only
 * PINCER_HELPER_COOLDOWN_MINUTES after Pincer's last reply (time to try the step); helpers any
 * time; anyone else is refused. Every answer is ephemeral.
 */
import { ApplicationIntegrationType, InteractionContextType, MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import type { ThreadState } from '../../conversation/types.ts';
import type { BotContext } from '../context.ts';
import { isHelper, memberRoleIds, ONLY_AUTHOR_OR_HELPER } from '../workflow/roles.ts';
import { runAction } from '../workflow/run-action.ts';
import { SOLUTION_TEXTS } from '../workflow/solutions.ts';
import { helpThreadOf } from '../workflow/thread-of.ts';
import type { SlashCommand } from './types.ts';

export const HELPER_TEXTS = {
  called: 'I asked the helpers to look at this thread. Someone will reply here.',
  already: 'The helpers were already asked to look at this problem.',
  wait: (minutes: number) =>
    `Please try the step in my last reply first. If it does not help, you can call a helper in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
} as const;

/** Minutes an author still has to wait (0 = may call now). Pure. */
export function authorWaitMinutes(state: ThreadState | null, now: number, cooldownMinutes: number): number {
  const last = state?.replies.filter((r) => !r.deleted).at(-1);
  if (!last) return 0;
  const left = last.at + cooldownMinutes * 60_000 - now;
  return left > 0 ? Math.ceil(left / 60_000) : 0;
}

const escalatedNow = (s: ThreadState | null) => !!s && s.escalations.some((e) => e.episode === s.episode);

async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const where = helpThreadOf(ctx, interaction.channel, interaction.user.id);
  const reply = (content: string) => interaction.reply({ content, flags: MessageFlags.Ephemeral });
  if (!where) return void (await reply(SOLUTION_TEXTS.notHelpThread));
  const helper = isHelper(ctx.config, memberRoleIds(interaction.member));
  const author = interaction.user.id === where.threadAuthorId;
  if (!helper && !author) return void (await reply(ONLY_AUTHOR_OR_HELPER));
  const state = ctx.pipeline.thread(where.threadId);
  if (escalatedNow(state)) return void (await reply(HELPER_TEXTS.already));
  const wait = helper ? 0 : authorWaitMinutes(state, ctx.now(), ctx.config.gates.helperCooldownMinutes);
  if (wait > 0) return void (await reply(HELPER_TEXTS.wait(wait)));
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const result = await runAction(ctx, where, { type: 'helper', by: interaction.user.id }, `interaction:${interaction.id}`);
  const escalated = result.effects.some((e) => e.type === 'escalate');
  ctx.logger.info({ threadId: where.threadId, escalated, by: helper ? 'helper' : 'author' }, '/helper');
  await interaction.editReply(escalated ? HELPER_TEXTS.called : HELPER_TEXTS.already);
}

export const helperCommand: SlashCommand = {
  kind: 'chat_input',
  data: new SlashCommandBuilder()
    .setName('helper')
    .setDescription('Ask a human helper to look at this thread')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall),
  execute,
};
