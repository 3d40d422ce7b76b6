/**
 * The one factory for Pincer's discord.js client. Tests point it at the local fake Discord by
 * passing REST/gateway overrides (test/fake-discord/); production passes none.
 */
import { Client, GatewayIntentBits, Partials, type ClientOptions } from 'discord.js';

/** What a caller may override: REST (api, cdn, agent, timeouts), ws (identify throttler), ready wait. */
export type ClientOverrides = Partial<Pick<ClientOptions, 'rest' | 'ws' | 'waitGuildTimeout'>>;

/**
 * Builds (does not log in) the client with Pincer's intents and partials:
 * Guilds, GuildMessages, MessageContent, DirectMessages, GuildMessageReactions (Answer Overflow's
 * ✅ for issue 7); partials Channel (DM messageCreate) and Message (edits of uncached messages).
 * Mentions are off by default for every send (a pasted `@everyone` never pings).
 */
export function createClient(overrides: ClientOverrides = {}): Client {
  return new Client({
    intents: [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.MessageContent,
      GatewayIntentBits.DirectMessages,
      GatewayIntentBits.GuildMessageReactions,
    ],
    partials: [Partials.Channel, Partials.Message, Partials.Reaction],
    allowedMentions: { parse: [] },
    ...(overrides.waitGuildTimeout !== undefined ? { waitGuildTimeout: overrides.waitGuildTimeout } : {}),
    ...(overrides.rest ? { rest: overrides.rest } : {}),
    ...(overrides.ws ? { ws: overrides.ws } : {}),
  });
}
