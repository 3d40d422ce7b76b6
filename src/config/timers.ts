/** The thread timers and retention the operator configured, in the units the code uses (ms). */
import type { CoreConfig } from './env.ts';

const HOUR_MS = 3_600_000;

export function timerSettings(config: CoreConfig): { remindAfterMs: number; autoCloseAfterMs: number } {
  return { remindAfterMs: config.PINCER_REMIND_AFTER_HOURS * HOUR_MS, autoCloseAfterMs: config.PINCER_AUTO_CLOSE_AFTER_HOURS * HOUR_MS };
}

/** Message text older than this is purged (facts and counts stay). */
export const retentionMs = (config: CoreConfig): number => config.PINCER_RETENTION_DAYS * 24 * HOUR_MS;
