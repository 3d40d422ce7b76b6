/**
 * A bare discord.js Client (not the bot) logged in to the fake, with the loopback-only agent —
 * what the smoke tests use to prove the fake speaks Discord well enough for discord.js.
 */
import { once } from 'node:events';
import { Client, GatewayIntentBits as I, Partials, type ClientOptions } from 'discord.js';
import { afterEach, beforeEach } from 'vitest';
import { withTimeout } from './eventually.ts';
import { loopbackOnlyAgent } from './guard.ts';
import { FakeDiscord } from './index.ts';

export const BOT_INTENTS = [I.Guilds, I.GuildMessages, I.MessageContent, I.DirectMessages];

export async function startBareClient(fake: FakeDiscord, o: Partial<ClientOptions> = {}): Promise<Client> {
  const base = fake.clientOptions();
  const client = new Client({
    intents: BOT_INTENTS,
    partials: [Partials.Channel, Partials.Message],
    ...base,
    ...o,
    rest: { ...base.rest, agent: loopbackOnlyAgent(), ...o.rest },
  });
  const ready = once(client, 'clientReady');
  await client.login('fake.token');
  await withTimeout(ready, 5_000, 'clientReady');
  return client;
}

/** `client.destroy()` can hang between IDENTIFY and READY (pitfall 13): always bounded. */
export async function stopClient(client: Client | undefined): Promise<void> {
  if (!client) return;
  await withTimeout(client.destroy(), 3_000, 'client.destroy').catch(() => {});
}

/**
 * A fresh fake for every test of a file (`use` receives it); afterwards stops the test's client
 * (`current()`, bounded) and the fake.
 */
export function fakePerTest(use: (fake: FakeDiscord) => void, current: () => Client | undefined): void {
  let fake: FakeDiscord | undefined;
  beforeEach(async () => {
    fake = await FakeDiscord.start();
    use(fake);
  });
  afterEach(async () => {
    await stopClient(current());
    await fake?.stop();
  });
}
