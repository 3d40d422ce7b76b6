/**
 * Gateway close codes after which discord.js never reconnects yet keeps the process alive with
 * `ws.status` still "Ready" (fake-discord.md pitfall 14): Pincer exits non-zero instead, so a
 * supervisor (systemd `Restart=on-failure`) restarts it, and says what to fix.
 */

export const FATAL_CLOSE_CODES: Record<number, string> = {
  4004: 'authentication failed: DISCORD_TOKEN is wrong or was reset',
  4010: 'invalid shard',
  4011: 'sharding required: the bot is in too many guilds for one shard',
  4012: 'invalid gateway API version',
  4013: 'invalid intents',
  4014: 'disallowed intents: enable the Message Content intent in the Developer Portal (Bot → Privileged Gateway Intents)',
};

/** True for the close codes after which discord.js never reconnects (4004, 4010–4014). */
export function isFatalCloseCode(code: number): boolean {
  return FATAL_CLOSE_CODES[code] !== undefined;
}

/** Resolves after `ms` with `fallback`, or with `work`'s value if it settles first (never rejects). */
export async function withTimeout<T>(work: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(fallback), ms)));
  try {
    return await Promise.race([work.catch(() => fallback), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
