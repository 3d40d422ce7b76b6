/**
 * The community workflow plugged into the bot (issue 7): the hooks effects.ts calls (forum tags,
 * helper alerts, pasted credentials) and what runs beside the event handlers (Answer Overflow's
 * ✅, the timer loop). bot.ts installs both; tests may still override single hooks.
 */
import { Events } from 'discord.js';
import { defaultHooks, type BotContext, type BotHooks } from '../context.ts';
import { onMessageReactionAdd } from './answer-overflow.ts';
import { postHelperAlert } from './escalation.ts';
import { handleLeakedCredentials } from './leaked-keys.ts';
import { applyStatusTags } from './tags.ts';
import { startTimerLoop } from './timers-loop.ts';

export const workflowHooks: BotHooks = {
  setStatus: applyStatusTags,
  escalate: postHelperAlert,
  // Timer rows are written by the store with the thread's state; the loop below runs them.
  timer: defaultHooks.timer,
  secrets: handleLeakedCredentials,
};

/**
 * Listens for reactions and starts the timer loop once `caughtUp` settles. Returns the stop
 * function (call it first when stopping).
 */
export function startWorkflow(ctx: BotContext, caughtUp: Promise<unknown>): () => void {
  const onReaction = onMessageReactionAdd(ctx);
  ctx.client.on(Events.MessageReactionAdd, onReaction);
  const stopTimers = startTimerLoop(ctx, caughtUp);
  return () => {
    stopTimers();
    ctx.client.off(Events.MessageReactionAdd, onReaction);
  };
}
