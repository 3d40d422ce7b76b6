/**
 * Ids for the fake Discord. Real 17–19 digit snowflakes matter: @discordjs/rest derives its
 * rate-limit buckets from `\d{17,19}` ids, so short ids would serialise every channel into one
 * queue (fake-discord.md pitfall 6).
 */
import { randomBytes } from 'node:crypto';

const DISCORD_EPOCH = 1_420_070_400_000n;
let last = 0n;

/** A fresh snowflake for `at` (ms since epoch); strictly increasing within this process. */
export function snowflake(at: number = Date.now()): string {
  let next = ((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n);
  if (next <= last) next = last + 1n;
  last = next;
  return next.toString();
}

/** The creation time (ms since epoch) encoded in a snowflake. */
export function snowflakeTime(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}

/** Orders snowflakes numerically (they are strings of different lengths). */
export function compareSnowflakes(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** An opaque token (interaction tokens, session ids). */
export function token(bytes = 16): string {
  return randomBytes(bytes).toString('hex');
}
