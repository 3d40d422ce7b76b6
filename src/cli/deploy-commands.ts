/**
 * `pincer deploy-commands [--guild <id>]`: registers Pincer's commands with Discord, per guild
 * (instant, for testing) or globally (default). Run it when commands change; the bot never
 * deploys on start. The Discord calls live in src/discord/deploy.ts (the only discord.js user).
 */
export { deployCommands, type DeployOptions } from '../discord/deploy.ts';
