/**
 * The one factory for Pincer's discord.js client. Tests point it at the local fake Discord by
 * passing REST/gateway overrides (test/fake-discord/); production passes none.
 */
import { Client, GatewayIntentBits, Partials, type ClientOptions } from 'discord.js';
import { makeCache, sweepers } from './cache-options.ts';

/**
 * discord.js REST keeps a rate-limit queue per route and channel (two per forum post: the reply
 * and the tags) and the bucket hash of each; by default for an hour and a day. Inactive queues
 * go after a minute, hashes unused for 10 minutes (Discord's headers teach them again).
 */
const REST_SWEEPS = { handlerSweepInterval: 60_000, hashSweepInterval: 300_000, hashLifetime: 600_000 };

/** What a caller may override: REST (api, cdn, agent, timeouts), ws (identify throttler), ready wait. */
export type ClientOverrides = Partial<Pick<ClientOptions, 'rest' | 'ws' | 'waitGuildTimeout'>>;

/**
 * Builds (does not log in) the client with Pincer's intents and partials:
 * Guilds, GuildMessages, MessageContent, DirectMessages, GuildMessageReactions (Answer Overflow's
 * ✅ for issue 7); partials Channel (DM messageCreate) and Message (edits of uncached messages).
 * Mentions are off by default for every send (a pasted `@everyone` never pings), and every send
 * carries an enforced nonce (a retried send is not posted twice). Caches are bounded
 * (cache-options.ts): memory does not grow with the number of threads and messages seen.
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
    // Every send carries a nonce Discord enforces: a send retried after a timeout is not doubled.
    enforceNonce: true,
    makeCache,
    sweepers,
    ...(overrides.waitGuildTimeout !== undefined ? { waitGuildTimeout: overrides.waitGuildTimeout } : {}),
    rest: { ...REST_SWEEPS, ...overrides.rest },
    ...(overrides.ws ? { ws: overrides.ws } : {}),
  });
}
