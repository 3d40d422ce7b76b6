// What a bench child needs to reach the fake Discord, in plain JavaScript so that the child runs
// without tsx (as production does): the same options as test/fake-discord/client-options.ts and
// a loopback-only undici agent (REST and `fetch` alike), discord.js's 50 requests/s cap lifted by
// FAKE_DISCORD_GLOBAL_RPS. The agent is a plain Agent, as in production, whose connector refuses
// any host but loopback: test/fake-discord/guard.ts's MockAgent gives the same guarantee but first
// tries to match every request against its (empty) mock table and builds a MockNotMatchedError
// for each, ~7% of Pincer's CPU under load (twice as much for two REST calls as for one).
// Also answers `{ type: 'memory' }` over IPC with process.memoryUsage() after a GC (with --expose-gc) and
// process.cpuUsage() (µs, all threads), and v8's heap space statistics (committed and used
// per space: what makes heapTotal larger than heapUsed).
import { getHeapSpaceStatistics } from 'node:v8';
import { Agent, buildConnector, setGlobalDispatcher } from 'undici';

/** discord.js ClientOptions overrides for FAKE_DISCORD_URL. @throws when it is not loopback. */
export function benchClientOptions(env = process.env) {
  const url = env.FAKE_DISCORD_URL;
  if (!url || !/^http:\/\/127\.0\.0\.1:\d+$/.test(url)) throw new Error(`FAKE_DISCORD_URL must be http://127.0.0.1:<port>, got ${url}`);
  const connect = buildConnector({});
  const agent = new Agent({
    // The fake Discord asks for 60 s keep-alive: thousands of idle sockets opened under load would
    // still be open when the memory section measures at rest (~2 KB of heap each, and native
    // memory). Discord's real API is reached by far fewer connections; close idle ones after 1 s.
    keepAliveMaxTimeout: 1_000,
    connect(opts, callback) {
      if (!/^(127\.|localhost$|\[::1\]$|::1$)/.test(opts.hostname)) return callback(new Error(`bench: connection to ${opts.hostname} refused (loopback only)`), null);
      return connect(opts, callback);
    },
  });
  setGlobalDispatcher(agent);
  const rps = Number(env.FAKE_DISCORD_GLOBAL_RPS) || undefined;
  return {
    rest: { api: `${url}/api`, cdn: `${url}/cdn`, mediaProxy: `${url}/media`, offset: 0, timeout: 5_000, retries: 3, agent, ...(rps ? { globalRequestsPerSecond: rps } : {}) },
    ws: { buildIdentifyThrottler: () => Promise.resolve({ waitForIdentify: async () => {} }) },
    waitGuildTimeout: 1_000,
  };
}

export function answerMemoryRequests() {
  process.on('message', (m) => {
    if (m?.type !== 'memory') return;
    const cpu = process.cpuUsage();
    if (m.gc !== false) globalThis.gc?.();
    process.send?.({ type: 'memory', usage: process.memoryUsage(), cpu, spaces: getHeapSpaceStatistics() });
  });
}
