import { describe, expect, it } from 'vitest';
import { parseBotConfig, parseDiscordConfig } from '../../src/config/discord.ts';
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
    [{ PINCER_HELP_FORUM_IDS: '' }, 'PINCER_HELP_FORUM_IDS is not set'],
    [{ DISCORD_APPLICATION_ID: '' }, 'DISCORD_APPLICATION_ID is not set: expects a Discord id'],
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

  it.each([
    ['fake', 'does not look like a bot token'],
    ['Bot MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz0123', 'starts with "Bot ": give the token alone, without the "Bot " prefix'],
    ['123456789012345678', 'looks like an application id, not a bot token'],
  ])('says what is wrong with a token without echoing it: %s', (token, why) => {
    const run = () => parseDiscordConfig({ ...base, DISCORD_TOKEN: token });
    expect(run).toThrow(`DISCORD_TOKEN (value hidden): ${why}`);
    try {
      run();
    } catch (err) {
      expect((err as Error).message).not.toContain(token.replace(/^Bot /, ''));
    }
  });

  it('reports every bad variable at once, one line each', () => {
    try {
      parseBotConfig({ DISCORD_TOKEN: 'fake', LOG_LEVEL: 'loud', PINCER_HELPER_CHANNEL_ID: '#helpers' });
      expect.unreachable();
    } catch (err) {
      expect((err as ConfigError).lines).toEqual([
        'LOG_LEVEL="loud": expects one of fatal, error, warn, info, debug, trace, silent',
        expect.stringContaining('DISCORD_TOKEN (value hidden): does not look like a bot token'),
        'DISCORD_APPLICATION_ID is not set: expects a Discord id (17–20 digits; Developer Mode → Copy ID)',
        'PINCER_HELP_FORUM_IDS is not set: expects a comma-separated list of Discord ids (17–20 digits each)',
        'PINCER_HELPER_CHANNEL_ID="#helpers": expects a Discord id (17–20 digits; Developer Mode → Copy ID)',
      ]);
    }
  });
});
