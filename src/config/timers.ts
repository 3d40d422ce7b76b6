/** The thread timers, rate limits and retention the operator configured, in ms. */
import type { RateLimits } from '../store/rate-windows.ts';
import type { CoreConfig } from './env.ts';

const HOUR_MS = 3_600_000;

export function timerSettings(config: CoreConfig): { remindAfterMs: number; autoCloseAfterMs: number } {
  return { remindAfterMs: config.PINCER_REMIND_AFTER_HOURS * HOUR_MS, autoCloseAfterMs: config.PINCER_AUTO_CLOSE_AFTER_HOURS * HOUR_MS };
}

/** Message text older than this is purged (facts and counts stay). */
export const retentionMs = (config: CoreConfig): number => config.PINCER_RETENTION_DAYS * 24 * HOUR_MS;

/** Reply limits per user and per thread (a limit of 0 is none). */
export function rateLimitSettings(config: CoreConfig): RateLimits {
  const limits: RateLimits = {};
  if (config.PINCER_USER_REPLY_LIMIT > 0) {
    limits.perUser = { replies: config.PINCER_USER_REPLY_LIMIT, windowMs: config.PINCER_USER_REPLY_WINDOW_MINUTES * 60_000 };
  }
  if (config.PINCER_THREAD_REPLY_LIMIT > 0) {
    limits.perThread = { replies: config.PINCER_THREAD_REPLY_LIMIT, windowMs: config.PINCER_THREAD_REPLY_WINDOW_SECONDS * 1000 };
  }
  return limits;
}
