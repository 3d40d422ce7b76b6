/**
 * Fires the threads' due timers (reminders, auto-close, held answers): the timers are rows in the database
 * (they survive restarts); this loop polls `pipeline.dueTimers(now)` every `intervalMs`, hands
 * each to the pipeline as a `timer` action in the thread's queue, and carries out the effects
 * in the thread. The event id includes the due time, so a timer fires once even if two polls see it.
 */
import type { DueTimer } from '../pipeline/types.ts';
import type { BotContext } from './context.ts';
import { carryOut } from './effects.ts';
import { guardEvent, logFailure } from './errors.ts';
import { redeliver } from './redeliver.ts';
import { resolveTarget } from './targets.ts';
import { retryLeakWork } from './workflow/leaked-keys.ts';
import { retryFailedSaves } from './save-retry.ts';

async function fire(ctx: BotContext, due: DueTimer): Promise<void> {
  const eventId = `timer:${due.timer}:${due.threadId}:${due.dueAt}`;
  await ctx.queue.run(due.threadId, async () => {
    const thread = ctx.pipeline.thread(due.threadId);
    if (!thread || ctx.stopping) return;
    const ref = { threadId: due.threadId, channelKind: thread.channelKind, threadAuthorId: thread.authorId, eventId };
    const result = ctx.pipeline.action({ ...ref, type: 'timer', timer: due.timer }, ctx.now());
    if (result.duplicate || result.effects.length === 0) return;
    const target = await resolveTarget(ctx, due.threadId);
    if (!target) {
      ctx.logger.warn({ threadId: due.threadId, eventId }, 'timer: the thread is gone');
      return;
    }
    await carryOut(ctx, target, result.effects, eventId);
  });
}

/**
 * One poll: fires every due timer. Never throws: a database error reading the timers (read-only,
 * full, corrupt file) is logged and the poll fires nothing; the next poll tries again.
 * @returns how many timers were due (0 after an error).
 */
export async function fireDueTimers(ctx: BotContext): Promise<number> {
  if (ctx.stopping || !ctx.pipeline.dueTimers) return 0;
  let due: DueTimer[];
  try {
    due = ctx.pipeline.dueTimers(ctx.now());
  } catch (err) {
    logFailure(ctx, 'timer loop: reading due timers', { threadId: null }, err);
    return 0;
  }
  await Promise.all(due.map((d) => guardEvent(ctx, 'timer', { threadId: d.threadId, eventId: `timer:${d.timer}` }, () => fire(ctx, d))));
  return due.length;
}

/**
 * Starts polling; returns the function that stops it. Polls never overlap. Each poll handles
 * again the messages whose save failed (./save-retry.ts), fires the due timers, then delivers replies committed but never posted once they are `redeliverAfterMs`
 * old (./redeliver.ts), then retries pending leaked-key work (./workflow/leaked-keys.ts). `first` (catch-up) triggers one poll as soon as it settles, so what came
 * due while Pincer was down runs at start-up rather than one interval later.
 */
export function startTimerLoop(ctx: BotContext, intervalMs: number, first?: Promise<unknown>, redeliverAfterMs = 30_000): () => void {
  let busy = false;
  const tick = (): void => {
    if (busy) return;
    busy = true;
    void retryFailedSaves(ctx)
      .then(() => fireDueTimers(ctx))
      .then(() => redeliver(ctx, redeliverAfterMs))
      .then(() => retryLeakWork(ctx))
      .catch((err) => logFailure(ctx, 'timer loop', { threadId: null }, err))
      .finally(() => (busy = false));
  };
  const handle = setInterval(tick, intervalMs);
  handle.unref();
  void first?.then(tick, tick);
  return () => clearInterval(handle);
}
