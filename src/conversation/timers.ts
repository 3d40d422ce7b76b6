/**
 * Timers as state: the due times a thread wants after an event, and the schedule/cancel effects
 * that move the store's timer rows there. Derived, so a restart cannot lose or double them.
 * - remind_author: `remindAfterMs` (24 h) after Pincer asked something the author has not answered
 *   (no author message since), at most once per ask;
 * - auto_close: `autoCloseAfterMs` idle time after the thread was solved (a message resets it);
 * - answer_held: when the rate limit holding the author's messages lifts (`held.until`).
 */
import { openAsk } from './asks.ts';
import { TIMER_KINDS, type Effect, type ThreadState, type TimerKind } from './types.ts';

export interface TimerConfig {
  /** ms after an unanswered ask; default 24 h. */
  remindAfterMs: number;
  /** ms of idle time before a solved thread is closed; default 72 h. */
  autoCloseAfterMs: number;
}

export const DEFAULT_TIMERS: TimerConfig = { remindAfterMs: 24 * 3_600_000, autoCloseAfterMs: 72 * 3_600_000 };

/**
 * The due times the thread should have now. `activity` = this event was a message or an edit
 * (resets the idle clock of a solved thread). Pure.
 */
export function desiredTimers(s: ThreadState, now: number, cfg: TimerConfig, activity: boolean): Partial<Record<TimerKind, number>> {
  const out: Partial<Record<TimerKind, number>> = {};
  const ask = openAsk(s);
  if (s.status === 'needs_info' && ask && !ask.reminded && !s.paused) {
    const askReply = s.replies.find((r) => r.replyId === ask.replyId);
    const lastAsking = s.replies.filter((r) => r.askId === ask.askId && r.episode === s.episode && !r.deleted).at(-1) ?? askReply;
    const authorSpokeSince = lastAsking
      ? s.messages.some((m) => m.role === 'author' && m.seq > lastAsking.seq)
      : true;
    if (lastAsking && !authorSpokeSince) out.remind_author = lastAsking.at + cfg.remindAfterMs;
  }
  if (s.held) out.answer_held = s.held.until;
  if (s.status === 'solved') {
    const kept = s.timers.auto_close;
    out.auto_close = activity || kept === undefined ? now + cfg.autoCloseAfterMs : kept;
  }
  return out;
}

/** Effects that turn `before` timers into `after` ones (cancel first, then schedule). */
export function timerEffects(before: Partial<Record<TimerKind, number>>, after: Partial<Record<TimerKind, number>>): Effect[] {
  const effects: Effect[] = [];
  const kinds = TIMER_KINDS;
  for (const k of kinds) if (before[k] !== undefined && after[k] === undefined) effects.push({ type: 'cancel_timer', timer: k });
  for (const k of kinds) {
    const due = after[k];
    if (due !== undefined && due !== before[k]) effects.push({ type: 'schedule', timer: k, dueAt: due });
  }
  return effects;
}
