/**
 * The conversation as a pure reducer: `(thread state, event, now) → (new state, effects, outcome)`.
 *
 * No I/O, no clock but `now` (ms epoch), no randomness: reply ids derive from message ids
 * (`<messageId>:r1`), so replaying the same events gives the same replies — across restarts too.
 * What each event does is in ./reduce-message.ts (messages), ./reduce-edit.ts (edits) and
 * ./reduce-actions.ts (buttons, solved marks, timers, pause); the speak/stay-silent policy is in
 * ./respond.ts. Effects are carried out by the adapters; the store persists `state`.
 */
import type { ReducerDeps } from './deps.ts';
import { DEFAULT_TIMERS, desiredTimers, timerEffects } from './timers.ts';
import type { Turn } from './post.ts';
import { onAction } from './reduce-actions.ts';
import { onEdit } from './reduce-edit.ts';
import { onMessage } from './reduce-message.ts';
import type { Outcome, Reduction, ThreadEvent, ThreadState } from './types.ts';

export type { ReducerDeps } from './deps.ts';
export { newThread } from './thread.ts';

/**
 * Applies one event. `deps` holds the rules engine and renderer (pipeline/default-deps.ts has the real ones). Never throws for a
 * well-typed event; an event about an unknown message or reply is a no-op (no effects).
 */
export function reduce(state: ThreadState, event: ThreadEvent, now: number, deps: ReducerDeps): Reduction {
  const t: Turn = { state, effects: [], now, posted: null };
  let outcome: Outcome | null = null;
  if (event.type === 'message') outcome = onMessage(t, event, deps);
  else if (event.type === 'edit') outcome = onEdit(t, event, deps);
  else outcome = onAction(t, event, deps);
  if (t.state === state && (event.type === 'message' || event.type === 'edit')) return { state, effects: [], outcome };
  const cfg = { ...DEFAULT_TIMERS, ...deps.timers };
  const timers = desiredTimers(t.state, now, cfg, event.type === 'message' || event.type === 'edit');
  const effects = [...t.effects, ...timerEffects(state.timers, timers)];
  return { state: { ...t.state, timers, updatedAt: now }, effects, outcome };
}
