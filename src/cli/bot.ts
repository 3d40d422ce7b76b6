/**
 * `pincer start` with DISCORD_TOKEN set: the Discord bot over the same pipeline and database as
 * the terminal thread. The end-to-end tests start the bot through this same function, giving it
 * client options that point discord.js at the local fake Discord.
 */
import { parseCoreConfig } from '../config/env.ts';
import { parseDiscordConfig } from '../config/discord.ts';
import type { ClientOverrides } from '../discord/client.ts';
import { runBot } from '../discord/run.ts';
import { createLogger } from '../log/logger.ts';
import { createPipeline } from '../pipeline/pipeline.ts';
import { rateLimitSettings, retentionMs, timerSettings } from '../config/timers.ts';
import { openConfiguredDatabase } from './database.ts';
import { keepRetention } from './retention.ts';

export interface DiscordRunOptions {
  /** REST/gateway overrides (tests: the fake Discord on 127.0.0.1). */
  clientOptions?: ClientOverrides;
}

/**
 * Validates the environment, opens the database, runs the bot until SIGTERM or a fatal gateway
 * close. @returns the exit code (0 after a signal, 1 after a fatal close).
 * @throws ConfigError for a bad variable (one line naming it); Error when login fails.
 */
export async function runDiscordBot(env: Record<string, string | undefined>, opts: DiscordRunOptions = {}): Promise<number> {
  const core = parseCoreConfig(env);
  const config = parseDiscordConfig(env);
  const logger = createLogger({ level: core.LOG_LEVEL, pretty: core.LOG_PRETTY });
  const db = openConfiguredDatabase(core);
  const pipeline = createPipeline({ db, logger, timers: timerSettings(core), rateLimits: rateLimitSettings(core), trackDelivery: true });
  const stopRetention = keepRetention(db, retentionMs(core), logger);
  try {
    return await runBot({ config, pipeline, logger, db, clientOptions: opts.clientOptions, onStop: () => { db.close(); } });
  } catch (err) {
    if (db.open) db.close();
    throw err;
  } finally {
    stopRetention();
  }
}
