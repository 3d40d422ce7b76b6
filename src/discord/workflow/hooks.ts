/**
 * The community workflow plugged into the bot (issue 7): the hooks effects.ts calls (forum tags,
 * helper alerts, pasted credentials) and what runs beside the event handlers (Answer Overflow's
 * ✅). bot.ts installs both; tests may still override single hooks. Reminders and auto-close run
 * from the bot's timer loop (../timers.ts).
 */
import { Events } from 'discord.js';
import { defaultHooks, type BotContext, type BotHooks } from '../context.ts';
import { onMessageReactionAdd } from './answer-overflow.ts';
import { postHelperAlert } from './escalation.ts';
import { handleLeakedCredentials } from './leaked-keys.ts';
import { applyStatusTags } from './tags.ts';

export const workflowHooks: BotHooks = {
  setStatus: applyStatusTags,
  escalate: postHelperAlert,
  // Timer rows are written by the store with the thread's state; ../timers.ts runs them.
  timer: defaultHooks.timer,
  secrets: handleLeakedCredentials,
};

/** Listens for reactions (Answer Overflow's ✅). Returns the stop function (call it first when stopping). */
export function startWorkflow(ctx: BotContext): () => void {
  const onReaction = onMessageReactionAdd(ctx);
  ctx.client.on(Events.MessageReactionAdd, onReaction);
  return () => void ctx.client.off(Events.MessageReactionAdd, onReaction);
}
