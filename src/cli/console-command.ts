/**
 * `pincer console` (and `pincer start` without DISCORD_TOKEN): reads the core settings, opens
 * PINCER_DB, purges old text, then runs the terminal help thread (./console.ts).
 */
import type { EnvFileResult } from '../config/env-file.ts';
import { parseCoreConfig } from '../config/env.ts';
import { retentionMs, timerSettings } from '../config/timers.ts';
import { purgeOldText } from '../store/retention.ts';
import { runConsole } from './console.ts';
import { openConfiguredDatabase } from './database.ts';
import type { CliIo } from './io.ts';

/**
 * @returns the exit code (0 at end of input or /quit)
 * @throws ConfigError for bad variables or a PINCER_DB that cannot hold the database
 */
export async function runConsoleCommand(io: CliIo, opts: { fresh: boolean; verbose: boolean; envFile: EnvFileResult }): Promise<number> {
  const config = parseCoreConfig(io.env);
  const db = openConfiguredDatabase(config);
  try {
    purgeOldText(db, retentionMs(config));
    return await runConsole({ db, io, fresh: opts.fresh, verbose: opts.verbose, envFile: opts.envFile, timers: timerSettings(config) });
  } finally {
    db.close();
  }
}
