/**
 * The loopback-only safety net (fake-discord.md pitfall 24): an undici MockAgent that refuses
 * every host but 127.x / localhost / [::1]. Pass it as discord.js's `rest.agent`; `installGlobal`
 * also makes it the global dispatcher so `fetch` (attachment downloads) is covered too.
 */
import { MockAgent, getGlobalDispatcher, setGlobalDispatcher, type Dispatcher } from 'undici';

const LOOPBACK = /^(127\.|localhost|\[::1\])/;

export function loopbackOnlyAgent(): MockAgent {
  const agent = new MockAgent();
  agent.disableNetConnect();
  agent.enableNetConnect((host: string) => LOOPBACK.test(host));
  return agent;
}

/** Makes `agent` the process-wide undici dispatcher; returns a function restoring the old one. */
export function installGlobal(agent: Dispatcher): () => void {
  const previous = getGlobalDispatcher();
  setGlobalDispatcher(agent);
  return () => setGlobalDispatcher(previous);
}
