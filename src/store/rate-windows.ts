/**
 * Rate limits on Pincer's replies, per user (across all their threads and DMs) and per thread,
 * in fixed windows: the first reply opens a window of `windowMs`; once `replies` replies were
 * counted in it, the window is spent until it ends (its due time). Pure; the rows are kept by
 * ./rate-limits.ts.
 */

/** At most `replies` replies per `windowMs` ms. */
export interface RateLimit {
  replies: number;
  windowMs: number;
}

/** The configured limits; an absent one does not limit (the terminal thread has none). */
export interface RateLimits {
  perUser?: RateLimit;
  perThread?: RateLimit;
}

export type RateScope = 'user' | 'thread';

/** One window: when it started, the replies counted in it, when it ends (ms epoch). */
export interface RateWindow {
  windowStart: number;
  replies: number;
  dueAt: number;
}

/** The limit of a scope, if configured. */
export const limitOf = (limits: RateLimits, scope: RateScope): RateLimit | undefined =>
  scope === 'user' ? limits.perUser : limits.perThread;

/** The window's end when it is spent at `now` (no reply may go out before then), else undefined. */
export function spentUntil(w: RateWindow | undefined, limit: RateLimit, now: number): number | undefined {
  return w && w.dueAt > now && w.replies >= limit.replies ? w.dueAt : undefined;
}

/** The window after counting `n` more replies at `now` (a new one when the old has ended). */
export function counted(w: RateWindow | undefined, limit: RateLimit, n: number, now: number): RateWindow {
  if (!w || w.dueAt <= now) return { windowStart: now, replies: n, dueAt: now + limit.windowMs };
  return { ...w, replies: w.replies + n };
}
