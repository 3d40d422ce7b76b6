/**
 * What a bot child process needs to reach the fake Discord: the loopback-only agent installed
 * for discord.js REST and for `fetch` (attachment downloads), and the client options built from
 * FAKE_DISCORD_URL. FAKE_DISCORD_GLOBAL_RPS lifts discord.js's 50 requests/s cap (bench only).
 * Also answers `{ type: 'memory' }` over IPC with the process's memory usage (bench).
 */
import { clientOptionsFor } from '../../fake-discord/client-options.ts';
import { installGlobal, loopbackOnlyAgent } from '../../fake-discord/guard.ts';

export function childClientOptions(env: NodeJS.ProcessEnv = process.env) {
  const url = env.FAKE_DISCORD_URL;
  if (!url || !/^http:\/\/127\.0\.0\.1:\d+$/.test(url)) throw new Error(`FAKE_DISCORD_URL must be http://127.0.0.1:<port>, got ${url}`);
  const agent = loopbackOnlyAgent();
  installGlobal(agent);
  const rps = Number(env.FAKE_DISCORD_GLOBAL_RPS) || undefined;
  return clientOptionsFor(url, { agent, globalRequestsPerSecond: rps });
}

/** Lets the parent ask for memory figures over IPC (only when spawned with an IPC channel). */
export function answerMemoryRequests(): void {
  process.on('message', (m: { type?: string }) => {
    if (m?.type !== 'memory') return;
    (globalThis as { gc?: () => void }).gc?.();
    process.send?.({ type: 'memory', usage: process.memoryUsage() });
  });
}
