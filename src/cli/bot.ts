/**
 * `pincer start` with DISCORD_TOKEN set: the Discord bot over the same pipeline and database as
 * the terminal thread. The end-to-end tests start the bot through this same function, giving it
 * client options that point discord.js at the local fake Discord.
 */
import type { EnvFileResult } from '../config/env-file.ts';
import { envFileLine } from '../config/env-file.ts';
import { parseBotConfig } from '../config/discord.ts';
import type { ClientOverrides } from '../discord/client.ts';
import { runBot } from '../discord/run.ts';
import { createLogger } from '../log/logger.ts';
import { createPipeline } from '../pipeline/pipeline.ts';
import { startCheckpointer } from '../store/checkpointer.ts';
import { rateLimitSettings, retentionMs, timerSettings } from '../config/timers.ts';
import { openConfiguredDatabase } from './database.ts';
import { describeUnreachable, discordApiUrl, UnreachableError } from './network-error.ts';
import { keepRetention } from './retention.ts';

export interface DiscordRunOptions {
  /** REST/gateway overrides (tests: the fake Discord on 127.0.0.1). */
  clientOptions?: ClientOverrides;
  /** The settings file read at start-up (named in the first log line). */
  envFile?: EnvFileResult;
}

/**
 * Validates the environment (every bad variable at once), opens the database, runs the bot until
 * SIGTERM or a fatal gateway close. @returns the exit code (0 after a signal, 1 after a fatal close).
 * @throws ConfigError for bad variables (one line each); UnreachableError when Discord cannot be
 *   reached (one line, also logged at fatal); Error when login fails otherwise.
 */
export async function runDiscordBot(env: Record<string, string | undefined>, opts: DiscordRunOptions = {}): Promise<number> {
  const { core, discord: config } = parseBotConfig(env);
  const target = discordApiUrl(env);
  const logger = createLogger({ level: core.LOG_LEVEL, pretty: core.LOG_PRETTY });
  logger.info({ envFile: opts.envFile?.path ?? null }, envFileLine(opts.envFile ?? { path: null, applied: [] }));
  const db = openConfiguredDatabase(core);
  const pipeline = createPipeline({ db, logger, timers: timerSettings(core), rateLimits: rateLimitSettings(core), trackDelivery: true });
  const stopRetention = keepRetention(db, retentionMs(core), logger);
  const checkpoints = startCheckpointer(db, { logger });
  // Posted reply ids kept in memory are stored first (a failure leaves them to redelivery). The
  // checkpoint worker's connection closes first, so the bot's is the last and removes the WAL.
  const closeDb = async (): Promise<void> => {
    await checkpoints.close();
    if (!db.open) return;
    try {
      pipeline.flush?.();
    } catch (err) {
      logger.warn({ err }, 'posted reply ids not stored: the redelivery loop will find them');
    }
    db.close();
  };
  const clientOptions: ClientOverrides = target.api ? { ...opts.clientOptions, rest: { ...opts.clientOptions?.rest, api: target.api } } : opts.clientOptions ?? {};
  try {
    return await runBot({ config, pipeline, logger, db, clientOptions, onStop: () => closeDb() });
  } catch (err) {
    await closeDb();
    const unreachable = describeUnreachable(err, target.what);
    if (unreachable) {
      logger.fatal({ err }, unreachable);
      logger.flush?.();
      throw new UnreachableError(unreachable);
    }
    throw err;
  } finally {
    stopRetention();
  }
}
