/**
 * The `secrets` hook: a message held a full credential (the pipeline already masked it; only
 * masked findings arrive here). In a guild Pincer deletes the message when it has Manage
 * Messages there, otherwise it alerts the helper channel; in DMs a bot cannot delete the user's
 * message, and says so. Then: a public note without the secret saying whether the message was
 * removed, the rotation steps by DM, one mod-log line (who, where, which credential type), and a
 * row in `leaked_credentials` (ids, type names and flags; nothing of the credential).
 */
import { PermissionFlagsBits, type Message } from 'discord.js';
import type { Effect } from '../../conversation/types.ts';
import type { SecretFinding } from '../../ingest/types.ts';
import { withoutSecretLine } from '../../reply/render.ts';
import { createWorkflowStore } from '../../store/workflow.ts';
import type { BotContext } from '../context.ts';
import { describeError, logFailure } from '../errors.ts';
import { helperLeakAlert, modLogLine, publicNote, rotationDm } from './leak-texts.ts';
import { jumpLink } from './thread-of.ts';

const NO_MENTIONS = { parse: [] as [] };

/** Deletes the message when allowed; returns whether it is gone, and why not. */
async function tryRemove(ctx: BotContext, message: Message): Promise<{ removed: boolean; why: string }> {
  if (!message.inGuild()) return { removed: false, why: 'a bot cannot delete messages in DMs' };
  const me = message.guild.members.me;
  if (!me || !message.channel.permissionsFor(me)?.has(PermissionFlagsBits.ManageMessages)) {
    return { removed: false, why: 'Pincer lacks Manage Messages here' };
  }
  try {
    await message.delete();
    return { removed: true, why: '' };
  } catch (err) {
    logFailure(ctx, 'credential message removal', { messageId: message.id, threadId: message.channelId }, err);
    return { removed: false, why: `Discord refused the deletion (${String(describeError(err).code ?? 'error')})` };
  }
}

async function postTo(ctx: BotContext, channelId: string | null, content: string, what: string): Promise<boolean> {
  if (!channelId) return false;
  try {
    const channel = await ctx.client.channels.fetch(channelId);
    if (!channel?.isSendable()) return false;
    await channel.send({ content, allowedMentions: NO_MENTIONS });
    return true;
  } catch (err) {
    logFailure(ctx, what, { threadId: channelId }, err);
    return false;
  }
}

/**
 * Handles the credentials found in `message` (see the file comment), once per message: a message
 * already recorded (a redelivery, or "Diagnose with Pincer" on a message Pincer read itself) is
 * left alone. Never throws for a Discord failure (each step logs its own).
 */
export async function handleLeakedCredentials(ctx: BotContext, message: Message, findings: SecretFinding[]): Promise<void> {
  if (findings.length === 0) return;
  if (ctx.db && createWorkflowStore(ctx.db).leakRecorded(message.id)) return;
  const inGuild = message.inGuild();
  const link = jumpLink(message.guildId, message.channelId, message.id);
  const { removed, why } = await tryRemove(ctx, message);
  const alerted = inGuild && !removed
    ? await postTo(ctx, ctx.config.helperChannelId, helperLeakAlert(findings, message.author.id, link, why), 'credential helper alert')
    : false;
  if (message.channel.isSendable()) {
    await message.channel
      .send({ content: publicNote(findings, removed, inGuild), allowedMentions: NO_MENTIONS })
      .catch((err) => logFailure(ctx, 'credential note', { threadId: message.channelId }, err));
  }
  if (inGuild) {
    await message.author
      .send({ content: rotationDm(findings, jumpLink(message.guildId, message.channelId), removed), allowedMentions: NO_MENTIONS })
      .catch((err) => logFailure(ctx, 'credential rotation DM', { messageId: message.id }, err));
    await postTo(ctx, ctx.config.modlogChannelId, modLogLine(findings, message.author.id, jumpLink(message.guildId, message.channelId), removed), 'mod-log entry');
  }
  const types = [...new Set(findings.map((f) => f.credentialType))];
  if (ctx.db) {
    createWorkflowStore(ctx.db).recordLeak({
      messageId: message.id,
      threadId: message.channel.isThread() ? message.channelId : inGuild ? null : `dm:${message.author.id}`,
      channelId: message.channelId,
      authorId: message.author.id,
      credentialTypes: types,
      inGuild,
      removed,
      alertedHelpers: alerted,
      at: ctx.now(),
    });
  }
  ctx.logger.warn({ messageId: message.id, channelId: message.channelId, credentialTypes: types, removed, alertedHelpers: alerted }, 'credential pasted');
}

/**
 * The effects of a message whose credential the leaked-key note already covers: Pincer's reply
 * loses its own warning line (one warning, and never the masked key in public); a reply that was
 * only the warning is dropped, and the pipeline told it will never be posted.
 */
export function leaveWarningToNote(ctx: BotContext, threadId: string, effects: Effect[]): Effect[] {
  return effects.flatMap((e): Effect[] => {
    if (e.type !== 'reply' && e.type !== 'edit_reply') return [e];
    const reply = withoutSecretLine(e.reply);
    if (!reply && e.type === 'reply') ctx.pipeline.replyAbandoned?.(threadId, e.replyId);
    return reply ? [{ ...e, reply }] : [];
  });
}
