import { describe, expect, it } from 'vitest';
import { parseDiscordConfig } from '../../src/config/discord.ts';
import { findSetupProblems, type ChannelSeen } from '../../src/discord/setup-problems.ts';

const FORUM = '123456789012345001';
const HELPERS = '123456789012345002';
const ROLE = '123456789012345003';
const config = parseDiscordConfig({
  DISCORD_TOKEN: 'fake-token.for-tests.only',
  DISCORD_APPLICATION_ID: '123456789012345678',
  PINCER_HELP_FORUM_IDS: FORUM,
  PINCER_HELPER_ROLE_IDS: ROLE,
  PINCER_HELPER_CHANNEL_ID: HELPERS,
});
const forum: ChannelSeen = { name: 'help', isForum: true, tagNames: ['Needs-Info', 'bot-answered', 'needs-human', 'solved'], missingPermissions: [] };
const helpers: ChannelSeen = { name: 'helpers', isForum: false, tagNames: [], missingPermissions: [] };

describe('start-up check', () => {
  it('finds nothing missing in a complete setup (tag names compare case-insensitively)', () => {
    const seen = { channels: new Map([[FORUM, forum], [HELPERS, helpers]]), roleIds: new Set([ROLE]) };
    expect(findSetupProblems(seen, config)).toEqual([]);
  });

  it('says exactly what is missing: forum, tag, permission, role, channel', () => {
    const seen = {
      channels: new Map([[FORUM, { ...forum, tagNames: ['needs-info', 'bot-answered', 'needs-human'], missingPermissions: ['Manage Threads', 'Manage Messages'] }]]),
      roleIds: new Set<string>(),
    };
    expect(findSetupProblems(seen, config)).toEqual([
      'PINCER_TAG_SOLVED: forum #help has no tag named "solved"',
      'permissions: in #help the bot lacks Manage Threads, Manage Messages',
      `PINCER_HELPER_ROLE_IDS: role ${ROLE} not found`,
      `PINCER_HELPER_CHANNEL_ID: channel ${HELPERS} not found`,
    ]);
  });

  it('names a help forum that does not exist or is not a forum', () => {
    expect(findSetupProblems({ channels: new Map(), roleIds: new Set([ROLE]) }, { ...config, helperChannelId: null })).toEqual([
      `PINCER_HELP_FORUM_IDS: channel ${FORUM} not found (is the bot in that server, and can it view the channel?)`,
    ]);
    const text = { ...forum, isForum: false };
    expect(findSetupProblems({ channels: new Map([[FORUM, text]]), roleIds: new Set([ROLE]) }, { ...config, helperChannelId: null })).toEqual([
      `PINCER_HELP_FORUM_IDS: #help (${FORUM}) is not a forum channel`,
    ]);
  });
});
