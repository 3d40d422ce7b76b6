/**
 * Command registration (used by `pincer deploy-commands`): registers Pincer's commands with Discord — per guild
 * (instant, for testing) or globally. Run it when commands change; the bot never deploys on start.
 */
import { REST, Routes, type RESTOptions } from 'discord.js';
import { commandBodies } from './commands/index.ts';

export interface DeployOptions {
  token: string;
  applicationId: string;
  /** Register in this guild only; omitted → global. */
  guildId?: string;
  /** REST overrides (tests: the fake Discord's `api`). */
  rest?: Partial<RESTOptions>;
}

/**
 * PUTs the full command list (replacing what was registered before).
 * @returns the names Discord now has registered.
 * @throws DiscordAPIError when Discord refuses (bad token: 401; wrong application id: 403/404).
 */
export async function deployCommands(opts: DeployOptions): Promise<string[]> {
  const rest = new REST({ version: '10', ...opts.rest }).setToken(opts.token);
  const route = opts.guildId
    ? Routes.applicationGuildCommands(opts.applicationId, opts.guildId)
    : Routes.applicationCommands(opts.applicationId);
  const registered = (await rest.put(route, { body: commandBodies() })) as { name: string }[];
  return registered.map((c) => c.name);
}
