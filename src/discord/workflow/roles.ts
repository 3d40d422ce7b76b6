/**
 * Who may do what, checked on Pincer's side from the member's roles at the time of the
 * interaction — never only through a command's default permissions, which a server admin can
 * change and which the interaction's `permissions` field does not prove.
 *
 *  - helper: a configured helper role or moderator role;
 *  - moderator: a configured moderator role;
 *  - thread actor: the thread's author (forum post owner, DM user) or a helper.
 */
import type { GuildMember, Interaction } from 'discord.js';
import type { DiscordConfig } from '../../config/discord.ts';

/** The role ids of the member behind an interaction ([] in DMs). */
export function memberRoleIds(member: Interaction['member'] | GuildMember | null): string[] {
  if (!member) return [];
  const roles = (member as GuildMember).roles;
  if (Array.isArray(roles)) return roles as string[];
  return roles?.cache ? [...roles.cache.keys()] : [];
}

export function isModerator(config: DiscordConfig, roleIds: string[]): boolean {
  return config.moderatorRoleIds.some((id) => roleIds.includes(id));
}

export function isHelper(config: DiscordConfig, roleIds: string[]): boolean {
  return isModerator(config, roleIds) || config.helperRoleIds.some((id) => roleIds.includes(id));
}

/** The thread's author or a helper (author unknown → helpers only). */
export function mayActOnThread(config: DiscordConfig, userId: string, roleIds: string[], authorId: string | null): boolean {
  return (authorId !== null && userId === authorId) || isHelper(config, roleIds);
}

export const ONLY_AUTHOR_OR_HELPER = 'Only the author of this thread or a helper can do that.';
export const ONLY_MODERATORS = 'Only moderators can use this command.';
