/**
 * `pincer deploy-commands [--guild <id>]`: registers Pincer's commands with Discord, for one guild
 * (instant; for testing) or globally. Run it when the commands change, never on every start.
 * Needs DISCORD_TOKEN and DISCORD_APPLICATION_ID only.
 */
import * as z from 'zod';
import { botToken } from '../config/discord.ts';
import { CoreEnv, parseEnv } from '../config/env.ts';
import { deployCommands } from '../discord/deploy.ts';
import { createLogger } from '../log/logger.ts';
import { parseCommandArgs } from './args.ts';
import { type CliIo, println } from './io.ts';
import { describeUnreachable, discordApiUrl, UnreachableError } from './network-error.ts';
import { InputError } from './read-source.ts';

const DeployEnv = z.object({
  DISCORD_TOKEN: botToken,
  DISCORD_APPLICATION_ID: z
    .string({ error: 'expects the application id (Developer Portal → General Information)' })
    .regex(/^\d{17,20}$/, 'expects the application id: 17–20 digits'),
  LOG_LEVEL: CoreEnv.shape.LOG_LEVEL,
});

/**
 * @returns 0 once Discord has the commands.
 * @throws ConfigError (bad variables, one line each), InputError (bad --guild), UnreachableError
 *   (Discord could not be reached: one line, also logged), DiscordAPIError (Discord refused).
 */
export async function runDeployCommands(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs('deploy-commands', argv, { options: { guild: { type: 'string' } }, positionals: 0 });
  const guild = values.guild as string | undefined;
  if (guild !== undefined && !/^\d{17,20}$/.test(guild)) throw new InputError(`--guild expects a server id (17–20 digits), got "${guild}"`);
  const env = parseEnv(DeployEnv, io.env);
  const target = discordApiUrl(io.env);
  const logger = createLogger({ level: env.LOG_LEVEL });
  try {
    const names = await deployCommands({ token: env.DISCORD_TOKEN, applicationId: env.DISCORD_APPLICATION_ID, guildId: guild, ...(target.api ? { rest: { api: target.api } } : {}) });
    println(io.stdout, `Registered ${names.length} commands ${guild ? `in guild ${guild}` : 'globally (may take up to an hour to appear)'}: ${names.join(', ')}`);
    return 0;
  } catch (err) {
    const unreachable = describeUnreachable(err, target.what);
    if (!unreachable) throw err;
    logger.fatal({ err }, `deploy-commands: ${unreachable}`);
    throw new UnreachableError(unreachable);
  }
}
