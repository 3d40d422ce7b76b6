/**
 * The environment a Pincer bot gets in the end-to-end tests: the same variables an operator sets
 * (.env.example), filled with the fake guild's ids, plus the fake's loopback attachment base and
 * where the child finds the fake (`FAKE_DISCORD_URL`, read only by the test entry bot-main.ts).
 * `extra` overrides any of them.
 */
import type { FakeDiscord } from '../../fake-discord/index.ts';

export const FAKE_TOKEN = 'fake-bot-token.not-a-real-one';

export function botEnv(fake: FakeDiscord, extra: Record<string, string> = {}): Record<string, string> {
  const s = fake.state;
  return {
    DISCORD_TOKEN: FAKE_TOKEN,
    DISCORD_APPLICATION_ID: s.applicationId,
    PINCER_HELP_FORUM_IDS: s.forum.id,
    PINCER_HELPER_ROLE_IDS: s.roleIds.helper,
    PINCER_MODERATOR_ROLE_IDS: s.roleIds.moderator,
    PINCER_HELPER_CHANNEL_ID: s.helperChannel.id,
    PINCER_MODLOG_CHANNEL_ID: s.modLogChannel.id,
    PINCER_CDN_BASE_URL: `${fake.baseUrl}/attachments`,
    FAKE_DISCORD_URL: fake.baseUrl,
    LOG_LEVEL: 'debug',
    // The scenarios post at machine speed, far past any human's pace: reply limits are off unless
    // a scenario sets them (test/e2e/rate-limits.test.ts does).
    PINCER_USER_REPLY_LIMIT: '0',
    PINCER_THREAD_REPLY_LIMIT: '0',
    ...extra,
  };
}
