/**
 * Discord configuration from the environment, validated with zod when the bot starts (the
 * terminal thread needs none of it). Every channel, role and tag the bot uses is named here,
 * never in code. A bad value stops start-up with one line naming the variable and what it
 * expects (`ConfigError` from ./env.ts; a token's value is never echoed).
 */
import * as z from 'zod';
import { checkEnv, ConfigError, CoreEnv, type CoreConfig, parseEnv } from './env.ts';

export interface DiscordTagNames {
  needsInfo: string;
  botAnswered: string;
  needsHuman: string;
  solved: string;
}

export interface DiscordTimeGates {
  /** An author may call `/helper` only this long after Pincer's last reply (minutes; issue 7). */
  helperCooldownMinutes: number;
  /** Catch-up reads threads Pincer has never seen only if they are younger than this (hours). */
  catchUpMaxAgeHours: number;
  /** Time limit of one interaction handler (ms). */
  interactionTimeoutMs: number;
}

export interface DiscordConfig {
  token: string;
  applicationId: string;
  helpForumIds: string[];
  helperRoleIds: string[];
  moderatorRoleIds: string[];
  helperChannelId: string | null;
  modlogChannelId: string | null;
  /** Other bots whose messages are helper context (never evidence). */
  otherBotIds: string[];
  /** Other AI answer bots: Pincer does not answer what they already answered (unless diagnosed). */
  answerBotIds: string[];
  tags: DiscordTagNames;
  gates: DiscordTimeGates;
  /** Extra attachment base URL allowed besides Discord's CDN: the fake Discord in tests (loopback only). */
  cdnBaseUrl: string | null;
}

const SNOWFLAKE = /^\d{17,20}$/;
const ID = 'expects a Discord id (17–20 digits; Developer Mode → Copy ID)';
const IDS = 'expects a comma-separated list of Discord ids (17–20 digits each)';
const idList = (required: boolean) =>
  z
    .string({ error: IDS })
    .transform((s) => s.split(',').map((p) => p.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(SNOWFLAKE, IDS)).min(required ? 1 : 0, IDS));
const id = z.string({ error: ID }).trim().regex(SNOWFLAKE, ID);
const tag = (fallback: string) => z.string().trim().min(1).max(20, 'expects a forum tag name of at most 20 characters').default(fallback);
const number = (what: string, fallback: number) =>
  z.coerce.number({ error: `expects ${what}` }).positive(`expects ${what}`).max(1e9, `expects ${what}`).default(fallback);
const LOOPBACK = /^https?:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?(\/|$)/;

const TOKEN_HINT = 'Developer Portal → your application → Bot → Reset Token';
/**
 * A bot token is dot-separated base64url parts (three in real tokens, about 70 characters). The
 * check catches the usual mix-ups; Discord itself decides whether the token is valid.
 */
export const botToken = z
  .string({ error: `expects the bot token (${TOKEN_HINT})` })
  .trim()
  .refine((t) => !/^Bot\s/i.test(t), 'starts with "Bot ": give the token alone, without the "Bot " prefix')
  .refine((t) => !/^\d{17,20}$/.test(t), `looks like an application id, not a bot token (${TOKEN_HINT})`)
  .refine((t) => /^[\w-]+(\.[\w-]+)+$/.test(t) && t.length >= 20, `does not look like a bot token (dot-separated parts, about 70 characters; ${TOKEN_HINT})`);

/** The variables the bot reads, their defaults and what each expects. */
export const DiscordEnv = z.object({
  DISCORD_TOKEN: botToken,
  DISCORD_APPLICATION_ID: id,
  PINCER_HELP_FORUM_IDS: idList(true),
  PINCER_HELPER_ROLE_IDS: idList(false).default([]),
  PINCER_MODERATOR_ROLE_IDS: idList(false).default([]),
  PINCER_HELPER_CHANNEL_ID: id.optional(),
  PINCER_MODLOG_CHANNEL_ID: id.optional(),
  PINCER_OTHER_BOT_IDS: idList(false).default([]),
  PINCER_ANSWER_BOT_IDS: idList(false).default([]),
  PINCER_TAG_NEEDS_INFO: tag('needs-info'),
  PINCER_TAG_BOT_ANSWERED: tag('bot-answered'),
  PINCER_TAG_NEEDS_HUMAN: tag('needs-human'),
  PINCER_TAG_SOLVED: tag('solved'),
  PINCER_HELPER_COOLDOWN_MINUTES: number('a number of minutes, e.g. 30', 30),
  PINCER_CATCHUP_MAX_AGE_HOURS: number('a number of hours, e.g. 6', 6),
  PINCER_INTERACTION_TIMEOUT_MS: number('a number of milliseconds, e.g. 10000', 10_000),
  PINCER_CDN_BASE_URL: z.string().trim().regex(LOOPBACK, 'expects a loopback URL (tests only), e.g. http://127.0.0.1:PORT/cdn').optional(),
});

/**
 * Everything `pincer start` needs for the bot, checked together so that every bad variable, core
 * or Discord, is reported at once. @throws ConfigError with one line per bad variable.
 */
export function parseBotConfig(env: Record<string, string | undefined>): { core: CoreConfig; discord: DiscordConfig } {
  const core = checkEnv(CoreEnv, env);
  const discord = checkEnv(DiscordEnv, env);
  const lines = [...(core.ok ? [] : core.lines), ...(discord.ok ? [] : discord.lines.filter((l) => core.ok || !core.lines.includes(l)))];
  if (!core.ok || !discord.ok) throw new ConfigError(lines);
  return { core: core.data, discord: parseDiscordConfig(env) };
}

/**
 * Reads the Discord settings from `env` (normally `process.env`); empty values count as unset.
 * Required: DISCORD_TOKEN, DISCORD_APPLICATION_ID, PINCER_HELP_FORUM_IDS. See .env.example.
 * @throws ConfigError with one line per bad variable, e.g.
 *   `PINCER_HELP_FORUM_IDS="help": expects a comma-separated list of Discord ids (17–20 digits each)`.
 */
export function parseDiscordConfig(env: Record<string, string | undefined>): DiscordConfig {
  const e = parseEnv(DiscordEnv, env);
  return {
    token: e.DISCORD_TOKEN,
    applicationId: e.DISCORD_APPLICATION_ID,
    helpForumIds: e.PINCER_HELP_FORUM_IDS,
    helperRoleIds: e.PINCER_HELPER_ROLE_IDS,
    moderatorRoleIds: e.PINCER_MODERATOR_ROLE_IDS,
    helperChannelId: e.PINCER_HELPER_CHANNEL_ID ?? null,
    modlogChannelId: e.PINCER_MODLOG_CHANNEL_ID ?? null,
    otherBotIds: e.PINCER_OTHER_BOT_IDS,
    answerBotIds: e.PINCER_ANSWER_BOT_IDS,
    tags: {
      needsInfo: e.PINCER_TAG_NEEDS_INFO,
      botAnswered: e.PINCER_TAG_BOT_ANSWERED,
      needsHuman: e.PINCER_TAG_NEEDS_HUMAN,
      solved: e.PINCER_TAG_SOLVED,
    },
    gates: {
      helperCooldownMinutes: e.PINCER_HELPER_COOLDOWN_MINUTES,
      catchUpMaxAgeHours: e.PINCER_CATCHUP_MAX_AGE_HOURS,
      interactionTimeoutMs: e.PINCER_INTERACTION_TIMEOUT_MS,
    },
    cdnBaseUrl: e.PINCER_CDN_BASE_URL ?? null,
  };
}
