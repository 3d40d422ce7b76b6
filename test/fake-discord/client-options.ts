/**
 * discord.js Client options that point at a fake Discord at `baseUrl` (fake-discord.md §1): REST
 * base URLs, no rate-limit offset, a no-op identify throttler (pitfall 12), a short guild wait.
 * `globalRequestsPerSecond` stays at discord.js's 50/s unless given (pitfall 8). Used by the fake
 * in-process and by the bot's child process, which only knows the URL.
 */
import type { Dispatcher } from 'undici';

export interface FakeClientOptions {
  globalRequestsPerSecond?: number;
  /** REST request timeout, ms (default 5 000). */
  timeout?: number;
  /** The loopback-only agent (guard.ts); required wherever a real bot runs. */
  agent?: Dispatcher;
}

export function clientOptionsFor(baseUrl: string, o: FakeClientOptions = {}) {
  return {
    rest: {
      api: `${baseUrl}/api`,
      cdn: `${baseUrl}/cdn`,
      mediaProxy: `${baseUrl}/media`,
      offset: 0,
      timeout: o.timeout ?? 5_000,
      retries: 3,
      ...(o.globalRequestsPerSecond ? { globalRequestsPerSecond: o.globalRequestsPerSecond } : {}),
      ...(o.agent ? { agent: o.agent } : {}),
    },
    ws: { buildIdentifyThrottler: () => Promise.resolve({ waitForIdentify: async () => {} }) },
    waitGuildTimeout: 1_000,
  };
}
