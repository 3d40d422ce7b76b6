/**
 * Messages whose save failed on a database error (a full disk): kept in memory and handled
 * again by the timer loop until the save succeeds (issue 15 #4). What a restart loses from this
 * list, catch-up finds again: it reads back from the processed marks, not from the newest one.
 */
import type { BotContext } from './context.ts';
import { isDatabaseError } from './db-health.ts';
import { logFailure } from './errors.ts';

/** Most messages held for a retry; past this the oldest is left to catch-up (logged). */
const MAX_HELD = 10_000;

const held = new WeakMap<BotContext, Map<string, () => Promise<void>>>();
const heldIn = (ctx: BotContext) => {
  let map = held.get(ctx);
  if (!map) held.set(ctx, (map = new Map()));
  return map;
};

/** Holds `run` (handling event `eventId` again) for the next retry pass. */
export function retryLater(ctx: BotContext, eventId: string, run: () => Promise<void>): void {
  const map = heldIn(ctx);
  map.delete(eventId);
  map.set(eventId, run);
  if (map.size > MAX_HELD) {
    const oldest = map.keys().next().value as string;
    map.delete(oldest);
    ctx.logger.warn({ eventId: oldest }, 'save retry list full: left to catch-up at the next start');
  }
}

/** Handles every held event again, oldest first (a failure holds it again). Never throws. */
export async function retryFailedSaves(ctx: BotContext): Promise<number> {
  const map = heldIn(ctx);
  const runs = [...map.entries()];
  map.clear();
  for (const [eventId, run] of runs) {
    if (ctx.stopping) {
      map.set(eventId, run);
      continue;
    }
    await run().catch((err) => logFailure(ctx, 'save retry', { eventId }, err)); // held again by the handler
  }
  return runs.length;
}

/**
 * Runs `save` (the pipeline call of event `eventId`). A database error holds `again` for the next
 * retry pass and is rethrown (the caller's guard logs it); a success ends a run of failures.
 */
export function saveOrHold<T>(ctx: BotContext, eventId: string, again: () => Promise<void>, save: () => T): T {
  try {
    const result = save();
    ctx.dbHealth?.succeeded();
    return result;
  } catch (err) {
    if (isDatabaseError(err)) retryLater(ctx, eventId, again);
    throw err;
  }
}
