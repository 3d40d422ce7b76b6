/**
 * Start-up check: builds a snapshot of the guilds the bot is in and reports, one log line each,
 * what is missing (setup-problems.ts). Problems are warnings, not fatal: the bot still answers
 * where it can (DMs, the forums it can see).
 */
import { ChannelType, PermissionFlagsBits, type GuildBasedChannel, type GuildMember } from 'discord.js';
import type { BotContext } from './context.ts';
import { findSetupProblems, type ChannelSeen, type SetupSnapshot } from './setup-problems.ts';

/** What the bot needs in a help forum, with the names the Discord UI shows. */
const FORUM_PERMISSIONS: [bigint, string][] = [
  [PermissionFlagsBits.ViewChannel, 'View Channel'],
  [PermissionFlagsBits.SendMessagesInThreads, 'Send Messages in Threads'],
  [PermissionFlagsBits.ReadMessageHistory, 'Read Message History'],
  [PermissionFlagsBits.ManageThreads, 'Manage Threads'],
  [PermissionFlagsBits.ManageMessages, 'Manage Messages'],
];
/** What it needs in the helper and mod-log channels. */
const POST_PERMISSIONS: [bigint, string][] = [
  [PermissionFlagsBits.ViewChannel, 'View Channel'],
  [PermissionFlagsBits.SendMessages, 'Send Messages'],
];

function seeChannel(channel: GuildBasedChannel, me: GuildMember | null, forumIds: string[]): ChannelSeen {
  const isForum = channel.type === ChannelType.GuildForum;
  const needed = forumIds.includes(channel.id) ? FORUM_PERMISSIONS : POST_PERMISSIONS;
  const perms = me ? channel.permissionsFor(me) : null;
  return {
    name: channel.name,
    isForum,
    tagNames: isForum ? channel.availableTags.map((t) => t.name) : [],
    missingPermissions: needed.filter(([bit]) => !perms?.has(bit)).map(([, name]) => name),
  };
}

/** What the bot sees of the configured channels and roles in every guild it is in. */
export function snapshot(ctx: BotContext): SetupSnapshot {
  const channels = new Map<string, ChannelSeen>();
  const roleIds = new Set<string>();
  const wanted = new Set([...ctx.config.helpForumIds, ctx.config.helperChannelId, ctx.config.modlogChannelId]);
  for (const guild of ctx.client.guilds.cache.values()) {
    for (const role of guild.roles.cache.keys()) roleIds.add(role);
    for (const channel of guild.channels.cache.values()) {
      if (wanted.has(channel.id)) channels.set(channel.id, seeChannel(channel, guild.members.me, ctx.config.helpForumIds));
    }
  }
  return { channels, roleIds };
}

/** Logs each problem (warn) or one "setup ok" line; returns the problems. */
export function runStartupChecks(ctx: BotContext): string[] {
  const problems = findSetupProblems(snapshot(ctx), ctx.config);
  for (const problem of problems) ctx.logger.warn({ check: 'setup' }, problem);
  if (problems.length === 0) ctx.logger.info({ check: 'setup' }, 'setup ok: forums, tags, roles, channels and permissions');
  return problems;
}
