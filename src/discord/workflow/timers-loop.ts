/**
 * The one scheduler loop: every `intervalMs` (and once when started, after catch-up) it runs the
 * thread timers that are due (rows in the store's `timers` table: remind the author, auto-close a
 * solved thread) as `timer` events of the thread's memory, then carries out their effects. State
 * lives in rows, never in a setTimeout per thread, so a restart picks up what came due while
 * Pincer was down; the event id `timer:<thread>:<kind>:<dueAt>` makes a timer run once.
 */
import { createThreadStore } from '../../store/threads.ts';
import { createWorkflowStore } from '../../store/workflow.ts';
import type { BotContext } from '../context.ts';
import { describeError } from '../errors.ts';
import { runAction } from './run-action.ts';
import { targetOf } from './thread-of.ts';

export const TIMER_INTERVAL_MS = 30_000;

/** Runs every due timer once; returns how many ran. Never throws (each failure is logged). */
export async function runDueTimers(ctx: BotContext): Promise<number> {
  if (!ctx.db) return 0;
  const threads = createThreadStore(ctx.db);
  const workflow = createWorkflowStore(ctx.db);
  let ran = 0;
  for (const due of threads.dueTimers(ctx.now())) {
    if (ctx.stopping) break;
    const ids = { threadId: due.threadId, timer: due.timer, dueAt: due.dueAt };
    try {
      const state = ctx.pipeline.thread(due.threadId);
      const target = state ? await targetOf(ctx, due.threadId) : null;
      if (state && target) {
        const where = { threadId: due.threadId, channelKind: state.channelKind, threadAuthorId: state.authorId, target };
        await runAction(ctx, where, { type: 'timer', timer: due.timer }, `timer:${due.threadId}:${due.timer}:${due.dueAt}`);
        ran += 1;
        ctx.logger.info(ids, 'timer ran');
      } else ctx.logger.warn(ids, 'timer dropped: the thread or its channel is gone');
    } catch (err) {
      ctx.logger.error({ ...ids, err: describeError(err) }, 'timer failed');
    }
    // A timer the memory did not move (a no-op, or a channel that is gone) must not fire forever.
    workflow.dropTimerIfDue(due.threadId, due.timer, due.dueAt);
  }
  return ran;
}

/** Starts the loop; returns the function that stops it. `first` delays the first run (catch-up). */
export function startTimerLoop(ctx: BotContext, first: Promise<unknown>, intervalMs = TIMER_INTERVAL_MS): () => void {
  let busy = false;
  let stopped = false;
  const tick = (): void => {
    if (busy || stopped || ctx.stopping) return;
    busy = true;
    void ctx.inflight.track(runDueTimers(ctx)).finally(() => (busy = false));
  };
  const handle = setInterval(tick, intervalMs);
  handle.unref();
  void first.then(tick);
  return () => {
    stopped = true;
    clearInterval(handle);
  };
}
