/**
 * Where catch-up starts reading a help thread (pure; Discord ids are snowflakes whose top bits
 * are a millisecond timestamp since the Discord epoch 2015-01-01).
 *
 * Catch-up works from the processed marks, not from the newest processed message: a message whose
 * save failed (a full disk) may sit before later ones that were saved. So a thread is read from
 * the start of the catch-up window, and every message already processed is skipped by id. The
 * window starts at the latest of: the thread's creation, `now - maxAgeMs`, and the store's
 * creation (a new, empty store does not answer the history it never saw).
 */

const DISCORD_EPOCH = 1_420_070_400_000n;

/** ms epoch a Discord snowflake was created at. */
export function snowflakeTime(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}

/** Snowflake just before `id` (fetching `after` it includes `id` itself). */
export function justBefore(id: string): string {
  return (BigInt(id) - 1n).toString();
}

/** The smallest snowflake of ms epoch `ms` minus one: fetching `after` it reads from `ms` on. */
export function snowflakeBefore(ms: number): string {
  return ((BigInt(Math.floor(ms)) - DISCORD_EPOCH) * (1n << 22n) - 1n).toString();
}

export interface CatchUpStartInput {
  threadId: string;
  /** ms epoch the thread was created. */
  createdAt: number;
  /** Whether the pipeline has seen the thread. */
  known: boolean;
  now: number;
  /** Only messages younger than this (ms) are read; threads never seen only if younger too. */
  maxAgeMs: number;
  /** When the store was created (ms epoch), null when unknown (in-memory). */
  storeCreatedAt: number | null;
}

/** @returns the message id to read after, or null when the thread is to be left alone. */
export function catchUpStart(i: CatchUpStartInput): string | null {
  if (!i.known && i.now - i.createdAt > i.maxAgeMs) return null;
  const from = Math.max(i.now - i.maxAgeMs, i.storeCreatedAt ?? -Infinity);
  return from <= i.createdAt ? justBefore(i.threadId) : snowflakeBefore(from);
}
