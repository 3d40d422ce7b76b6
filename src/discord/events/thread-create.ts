/**
 * A new forum post in a configured help forum. The starter message can reach the bot before or
 * after THREAD_CREATE (and discord.js drops a starter that arrives first), so Pincer fetches the
 * starter here, retrying while Discord answers 10008 Unknown Message; `messageCreate` may also
 * deliver it, and the shared event id `message:<id>` makes the second delivery a no-op.
 */
import { DiscordAPIError, RESTJSONErrorCodes, type AnyThreadChannel, type Message } from 'discord.js';
import type { BotContext } from '../context.ts';
import { guardEvent } from '../errors.ts';
import { handleMessage } from './message-create.ts';

/** Delays (ms) between attempts to fetch the starter message. */
export const STARTER_RETRY_DELAYS = [250, 750, 2000];

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

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
  return (thread: AnyThreadChannel, newlyCreated: boolean): void => {
    if (!newlyCreated || !thread.parentId || !ctx.config.helpForumIds.includes(thread.parentId)) return;
    void guardEvent(ctx, 'threadCreate', { threadId: thread.id, eventId: `message:${thread.id}` }, async () => {
      if (ctx.stopping) return;
      const starter = await fetchStarter(thread);
      if (!starter) {
        ctx.logger.warn({ threadId: thread.id }, 'forum post without a starter message (deleted?)');
        return;
      }
      await handleMessage(ctx, starter);
    });
  };
}
