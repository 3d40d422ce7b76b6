/**
 * `pincer deploy-commands [--guild <id>]`: registers Pincer's commands with Discord, for one guild
 * (instant; for testing) or globally. Run it when the commands change, never on every start.
 * Needs DISCORD_TOKEN and DISCORD_APPLICATION_ID only.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { parseEnv } from '../config/env.ts';
import { deployCommands } from '../discord/deploy.ts';
import { type CliIo, println } from './io.ts';
import { InputError } from './read-source.ts';

const DeployEnv = z.object({
  DISCORD_TOKEN: z.string({ error: 'expects the bot token (Developer Portal → Bot → Reset Token)' }).trim().min(1),
  DISCORD_APPLICATION_ID: z
    .string({ error: 'expects the application id (Developer Portal → General Information)' })
    .regex(/^\d{17,20}$/, 'expects the application id: 17–20 digits'),
});

export async function runDeployCommands(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { guild: { type: 'string' } } });
  if (values.guild !== undefined && !/^\d{17,20}$/.test(values.guild)) throw new InputError(`--guild expects a server id (17–20 digits), got "${values.guild}"`);
  const env = parseEnv(DeployEnv, io.env);
  const names = await deployCommands({ token: env.DISCORD_TOKEN, applicationId: env.DISCORD_APPLICATION_ID, guildId: values.guild });
  println(io.stdout, `Registered ${names.length} commands ${values.guild ? `in guild ${values.guild}` : 'globally (may take up to an hour to appear)'}: ${names.join(', ')}`);
  return 0;
}
