/**
 * The start-up check's logic, over a plain snapshot of what the bot sees (no discord.js types):
 * each configured help forum, tag, role and channel must exist, and the bot needs its
 * permissions in the help forums. Each problem is one sentence naming the setting and what is
 * missing, like a Homebrew doctor finding.
 */
import type { DiscordConfig } from '../config/discord.ts';

export interface ChannelSeen {
  name: string;
  isForum: boolean;
  tagNames: string[];
  /** Required permission names the bot lacks here (e.g. "Manage Threads"). */
  missingPermissions: string[];
}

export interface SetupSnapshot {
  /** Channels the bot can see, by id, in every guild it is in. */
  channels: Map<string, ChannelSeen>;
  /** Role ids of every guild the bot is in. */
  roleIds: Set<string>;
}

const TAG_VARS = {
  needsInfo: 'PINCER_TAG_NEEDS_INFO',
  botAnswered: 'PINCER_TAG_BOT_ANSWERED',
  needsHuman: 'PINCER_TAG_NEEDS_HUMAN',
  solved: 'PINCER_TAG_SOLVED',
} as const;

/** @returns one line per problem; [] when the setup is complete. */
export function findSetupProblems(seen: SetupSnapshot, config: DiscordConfig): string[] {
  const problems: string[] = [];
  for (const id of config.helpForumIds) {
    const channel = seen.channels.get(id);
    if (!channel) {
      problems.push(`PINCER_HELP_FORUM_IDS: channel ${id} not found (is the bot in that server, and can it view the channel?)`);
      continue;
    }
    if (!channel.isForum) problems.push(`PINCER_HELP_FORUM_IDS: #${channel.name} (${id}) is not a forum channel`);
    for (const [key, variable] of Object.entries(TAG_VARS)) {
      const name = config.tags[key as keyof typeof TAG_VARS];
      if (channel.isForum && !channel.tagNames.some((t) => t.toLowerCase() === name.toLowerCase())) {
        problems.push(`${variable}: forum #${channel.name} has no tag named "${name}"`);
      }
    }
    if (channel.missingPermissions.length > 0) {
      problems.push(`permissions: in #${channel.name} the bot lacks ${channel.missingPermissions.join(', ')}`);
    }
  }
  for (const [variable, ids] of [
    ['PINCER_HELPER_ROLE_IDS', config.helperRoleIds],
    ['PINCER_MODERATOR_ROLE_IDS', config.moderatorRoleIds],
  ] as const) {
    for (const id of ids) if (!seen.roleIds.has(id)) problems.push(`${variable}: role ${id} not found`);
  }
  for (const [variable, id] of [
    ['PINCER_HELPER_CHANNEL_ID', config.helperChannelId],
    ['PINCER_MODLOG_CHANNEL_ID', config.modlogChannelId],
  ] as const) {
    if (id === null) continue;
    const channel = seen.channels.get(id);
    if (!channel) problems.push(`${variable}: channel ${id} not found`);
    else if (channel.missingPermissions.length > 0) problems.push(`permissions: in #${channel.name} the bot lacks ${channel.missingPermissions.join(', ')}`);
  }
  return problems;
}
