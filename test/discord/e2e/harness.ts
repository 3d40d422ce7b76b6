/**
 * Runs Pincer's real bot (startBot → real discord.js client) against the fake Discord on
 * 127.0.0.1, with the recording pipeline, a captured log, and the loopback-only guard on both
 * discord.js REST and `fetch` (attachment downloads). Nothing leaves the machine.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import type { APIUser } from 'discord-api-types/v10';
import { parseDiscordConfig, type DiscordConfig } from '../../../src/config/discord.ts';
import { startBot, type BotHandle, type StartBotOptions } from '../../../src/discord/bot.ts';
import { withTimeout } from '../../fake-discord/eventually.ts';
import { installGlobal, loopbackOnlyAgent } from '../../fake-discord/guard.ts';
import { FakeDiscord } from '../../fake-discord/index.ts';
import type { Pipeline } from '../../../src/pipeline/types.ts';
import { RecordingPipeline } from '../recording-pipeline.ts';

export interface Harness {
  fake: FakeDiscord;
  pipeline: RecordingPipeline;
  config: DiscordConfig;
  bot: BotHandle;
  /** Parsed log lines (JSON objects) written so far. */
  logs: Record<string, any>[];
  fatal: number[];
  /** Starts another bot on the same fake and pipeline (a restart). */
  restart(): Promise<BotHandle>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  env?: Record<string, string>;
  /** Prepare the fake before the bot logs in (messages posted while Pincer was down). */
  before?: (fake: FakeDiscord, pipeline: RecordingPipeline) => void;
  bot?: Partial<StartBotOptions>;
  /** Another pipeline (the real one); `Harness.pipeline` is then only usable through `bot.ctx.pipeline`. */
  pipeline?: Pipeline;
}

/** A configured bot user other than Pincer (e.g. the server's AI answer bot). */
export function addBot(fake: FakeDiscord, name: string): APIUser {
  const user = fake.state.addUser(name);
  (user as { bot?: boolean }).bot = true;
  return user;
}

export async function startHarness(o: HarnessOptions = {}): Promise<Harness> {
  const fake = await FakeDiscord.start();
  const restoreFetch = installGlobal(loopbackOnlyAgent());
  const pipeline = (o.pipeline ?? new RecordingPipeline()) as RecordingPipeline;
  const logs: Record<string, any>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) logs.push(JSON.parse(line));
      done();
    },
  });
  const logger = pino({ level: 'debug' }, sink);
  const config = parseDiscordConfig({
    DISCORD_TOKEN: 'fake-token.for-tests.only',
    DISCORD_APPLICATION_ID: fake.state.applicationId,
    PINCER_HELP_FORUM_IDS: fake.state.forum.id,
    PINCER_HELPER_ROLE_IDS: fake.state.roleIds.helper,
    PINCER_MODERATOR_ROLE_IDS: fake.state.roleIds.moderator,
    PINCER_HELPER_CHANNEL_ID: fake.state.helperChannel.id,
    PINCER_MODLOG_CHANNEL_ID: fake.state.modLogChannel.id,
    PINCER_CDN_BASE_URL: `${fake.baseUrl}/attachments`,
    ...o.env,
  });
  o.before?.(fake, pipeline);
  const fatal: number[] = [];
  const bots: BotHandle[] = [];
  const launch = async (): Promise<BotHandle> => {
    const base = fake.clientOptions({ globalRequestsPerSecond: 10_000 });
    const bot = await startBot({
      config,
      pipeline,
      logger,
      clientOptions: { ...base, rest: { ...base.rest, agent: loopbackOnlyAgent() } },
      handleSignals: false,
      onFatal: (code) => fatal.push(code),
      ...o.bot,
    });
    bots.push(bot);
    await bot.caughtUp;
    return bot;
  };
  const bot = await launch();
  return {
    fake,
    pipeline,
    config,
    bot,
    logs,
    fatal,
    restart: async () => {
      await bots.at(-1)?.stop('restart');
      return launch();
    },
    stop: async () => {
      for (const b of bots) await withTimeout(b.stop('test done'), 15_000, 'bot.stop').catch(() => undefined);
      restoreFetch();
      await fake.stop();
    },
  };
}

/** Bot messages posted in a channel (POSTs the fake recorded), oldest first. */
export function posts(fake: FakeDiscord, channelId: string) {
  return fake.recorder.requests('POST', `/channels/${channelId}/messages`);
}
