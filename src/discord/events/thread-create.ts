/**
 * A new forum post in a configured help forum. The starter message can reach the bot before or
 * after THREAD_CREATE (and discord.js drops a starter that arrives first). When the gateway
 * delivers the starter within STARTER_WAIT_MS of THREAD_CREATE, `messageCreate` handles it and
 * nothing is fetched (one REST call less per post); otherwise Pincer fetches the starter here,
 * retrying while Discord answers 10008 Unknown Message. Should both paths deliver it, the shared
 * event id `message:<id>` makes the second a no-op.
 */
import { DiscordAPIError, Events, RESTJSONErrorCodes, type AnyThreadChannel, type Message } from 'discord.js';
import type { BotContext } from '../context.ts';
import { guardEvent } from '../errors.ts';
import { handleMessage } from './message-create.ts';

/** Delays (ms) between attempts to fetch the starter message. */
export const STARTER_RETRY_DELAYS = [250, 750, 2000];

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** How long a new post waits for its starter on the gateway before fetching it (ms). */
export const STARTER_WAIT_MS = 500;

/** True when the gateway delivers the thread's starter within `ms` (or already has: it is cached). */
function starterArrives(ctx: BotContext, thread: AnyThreadChannel, waiting: Map<string, () => void>, ms: number): Promise<boolean> {
  if (thread.messages.cache.has(thread.id)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      waiting.delete(thread.id);
      resolve(false);
    }, ms);
    waiting.set(thread.id, () => {
      clearTimeout(timer);
      waiting.delete(thread.id);
      resolve(true);
    });
  });
}

/** The starter message, or null when it still does not exist after the retries (deleted post). */
export async function fetchStarter(thread: AnyThreadChannel, delays = STARTER_RETRY_DELAYS): Promise<Message | null> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await thread.fetchStarterMessage({ force: true });
    } catch (err) {
      const unknown = err instanceof DiscordAPIError && err.code === RESTJSONErrorCodes.UnknownMessage;
      const delay = delays[attempt];
      if (!unknown || delay === undefined) {
        if (unknown) return null;
        throw err;
      }
      await sleep(delay);
    }
  }
}

/** `threadCreate` listener. */
export function onThreadCreate(ctx: BotContext) {
  // Posts waiting for their starter (in flight only: each entry leaves on arrival or time-out).
  const waiting = new Map<string, () => void>();
  ctx.client.on(Events.MessageCreate, (message) => waiting.get(message.id)?.());
  return (thread: AnyThreadChannel, newlyCreated: boolean): void => {
    if (!newlyCreated || !thread.parentId || !ctx.config.helpForumIds.includes(thread.parentId)) return;
    void guardEvent(ctx, 'threadCreate', { threadId: thread.id, eventId: `message:${thread.id}` }, async () => {
      if (ctx.stopping || (await starterArrives(ctx, thread, waiting, STARTER_WAIT_MS))) return;
      const starter = await fetchStarter(thread);
      if (!starter) {
        ctx.logger.warn({ threadId: thread.id }, 'forum post without a starter message (deleted?)');
        return;
      }
      await handleMessage(ctx, starter);
    });
  };
}
