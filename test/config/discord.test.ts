import { describe, expect, it } from 'vitest';
import { parseDiscordConfig } from '../../src/config/discord.ts';
import { ConfigError } from '../../src/config/env.ts';

const base = {
  DISCORD_TOKEN: 'fake-token.for-tests.only',
  DISCORD_APPLICATION_ID: '123456789012345678',
  PINCER_HELP_FORUM_IDS: '123456789012345001, 123456789012345002',
};

describe('Discord configuration', () => {
  it('reads the required settings and fills defaults (tag names, time gates)', () => {
    const config = parseDiscordConfig(base);
    expect(config.helpForumIds).toEqual(['123456789012345001', '123456789012345002']);
    expect(config.helperRoleIds).toEqual([]);
    expect(config.helperChannelId).toBeNull();
    expect(config.tags).toEqual({ needsInfo: 'needs-info', botAnswered: 'bot-answered', needsHuman: 'needs-human', solved: 'solved' });
    expect(config.gates.interactionTimeoutMs).toBe(10_000);
    expect(config.cdnBaseUrl).toBeNull();
  });

  it('reads optional ids, other bots and renamed tags', () => {
    const config = parseDiscordConfig({
      ...base,
      PINCER_HELPER_ROLE_IDS: '223456789012345678,323456789012345678',
      PINCER_ANSWER_BOT_IDS: '423456789012345678',
      PINCER_HELPER_CHANNEL_ID: '523456789012345678',
      PINCER_TAG_SOLVED: 'Solved ✅',
    });
    expect(config.helperRoleIds).toHaveLength(2);
    expect(config.answerBotIds).toEqual(['423456789012345678']);
    expect(config.helperChannelId).toBe('523456789012345678');
    expect(config.tags.solved).toBe('Solved ✅');
  });

  it.each([
    [{ PINCER_HELP_FORUM_IDS: 'help' }, 'PINCER_HELP_FORUM_IDS="help": expects a comma-separated list of Discord ids'],
    [{ PINCER_HELP_FORUM_IDS: '' }, 'PINCER_HELP_FORUM_IDS=unset'],
    [{ DISCORD_APPLICATION_ID: '' }, 'DISCORD_APPLICATION_ID=unset: expects a Discord id'],
    [{ PINCER_HELPER_CHANNEL_ID: '#helpers' }, 'PINCER_HELPER_CHANNEL_ID="#helpers": expects a Discord id'],
    [{ PINCER_CATCHUP_MAX_AGE_HOURS: 'soon' }, 'PINCER_CATCHUP_MAX_AGE_HOURS="soon": expects a number of hours'],
    [{ PINCER_CDN_BASE_URL: 'https://attacker.example/cdn' }, 'PINCER_CDN_BASE_URL="https://attacker.example/cdn": expects a loopback URL'],
  ])('stops on a bad value with one line naming the variable: %j', (patch, line) => {
    const run = () => parseDiscordConfig({ ...base, ...patch });
    expect(run).toThrow(ConfigError);
    expect(run).toThrow(line);
    try {
      run();
    } catch (err) {
      expect((err as Error).message).not.toContain('\n');
    }
  });

  it('never echoes the token', () => {
    expect(() => parseDiscordConfig({ ...base, DISCORD_TOKEN: 'short' })).toThrow('DISCORD_TOKEN=set: expects the bot token');
  });
});
