/**
 * Where catch-up starts reading a help thread (pure; Discord ids are snowflakes whose top bits
 * are a millisecond timestamp since the Discord epoch 2015-01-01).
 *
 * Only messages processed before `boundaryMs` count as "the last processed message": a live
 * message answered while catch-up was still on its way (newer than the boundary) must not hide
 * the older ones posted while Pincer was down. Those older ones then arrive through catch-up;
 * anything already processed is a duplicate and a no-op.
 */

const DISCORD_EPOCH = 1_420_070_400_000n;
const SNOWFLAKE = /^\d{15,20}$/;

/** ms epoch a Discord snowflake was created at. */
export function snowflakeTime(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}

/** Snowflake just before `id` (fetching `after` it includes `id` itself). */
export function justBefore(id: string): string {
  return (BigInt(id) - 1n).toString();
}

export interface CatchUpStartInput {
  threadId: string;
  /** ms epoch the thread was created. */
  createdAt: number;
  /** Message ids the pipeline processed in this thread, or null when it never saw the thread. */
  processedIds: string[] | null;
  now: number;
  /** Threads never seen are read only if younger than this (ms). */
  maxAgeMs: number;
  /** Processed messages at or after this ms epoch are ignored when finding the start. */
  boundaryMs: number;
}

/** @returns the message id to read after, or null when the thread is to be left alone. */
export function catchUpStart(i: CatchUpStartInput): string | null {
  if (i.processedIds === null) return i.now - i.createdAt <= i.maxAgeMs ? justBefore(i.threadId) : null;
  let last: bigint | null = null;
  for (const id of i.processedIds) {
    if (!SNOWFLAKE.test(id) || snowflakeTime(id) >= i.boundaryMs) continue;
    const n = BigInt(id);
    if (last === null || n > last) last = n;
  }
  return last === null ? justBefore(i.threadId) : last.toString();
}
