// Fault controls of the fake, observed through a bare discord.js client (fake-discord.md §6).
import { once } from 'node:events';
import { REST } from 'discord.js';
import type { Client, Message, ThreadChannel } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { fakePerTest, startBareClient } from '../fake-discord/bare-client.ts';
import { eventually } from '../fake-discord/eventually.ts';
import { loopbackOnlyAgent } from '../fake-discord/guard.ts';
import type { FakeDiscord } from '../fake-discord/index.ts';

let fake: FakeDiscord;
let client: Client | undefined;

fakePerTest((f) => {
  fake = f;
  client = undefined;
}, () => client);

/** Opens a post and waits until the client has it cached; returns the thread id and its author. */
async function openPost(c: Client) {
  const author = fake.state.addUser(`user${fake.state.users.size}`);
  const seen = once(c, 'messageCreate');
  const { thread } = fake.act.forumPost(author, 'help', 'first');
  await seen;
  return { threadId: thread.id, author };
}

const messagesSeen = (c: Client) => {
  const seen: string[] = [];
  c.on('messageCreate', (m: Message) => seen.push(m.content));
  return seen;
};

describe('loopback guard', () => {
  it('refuses a request to a non-loopback host before it leaves the machine', async () => {
    const rest = new REST({ api: 'https://discord.com/api', agent: loopbackOnlyAgent(), retries: 0, timeout: 2_000 }).setToken('x');
    await expect(rest.get('/gateway')).rejects.toThrow(/not allowed|MockNotMatched|Net connect/i);
  });

  it('lets requests to the fake through', async () => {
    const rest = new REST({ api: `${fake.baseUrl}/api`, agent: loopbackOnlyAgent() }).setToken('x');
    expect(await rest.get('/gateway/bot')).toMatchObject({ url: fake.wsUrl });
  });
});

describe('gateway faults', () => {
  it('close 4000: the client resumes and the message sent during the drop is replayed once', async () => {
    client = await startBareClient(fake);
    const { threadId, author } = await openPost(client);
    const seen = messagesSeen(client);
    const resumed = once(client, 'shardResume');
    fake.gateway.closeAll(4000);
    fake.act.say(threadId, author, 'during the drop');
    await resumed;
    await eventually(() => expect(seen).toEqual(['during the drop']));
    expect(fake.gateway.counts.resume).toBe(1);
    expect(fake.gateway.counts.identify).toBe(1);
  });

  it('TCP drop (1006) and op 7 RECONNECT both resume', async () => {
    client = await startBareClient(fake);
    const { threadId, author } = await openPost(client);
    const seen = messagesSeen(client);
    fake.gateway.closeAll(1006);
    fake.act.say(threadId, author, 'after 1006');
    await once(client, 'shardResume');
    fake.gateway.reconnect();
    fake.act.say(threadId, author, 'after op 7');
    await once(client, 'shardResume');
    await eventually(() => expect(seen).toEqual(['after 1006', 'after op 7']));
    expect(fake.gateway.counts.identify).toBe(1);
  });

  it('op 9 (not resumable) and close 1000 make the client identify again', async () => {
    client = await startBareClient(fake);
    fake.gateway.invalidateSessions(false);
    await eventually(() => fake.gateway.counts.identify === 2 && fake.gateway.liveSessions() === 1);
    fake.gateway.closeAll(1000);
    await eventually(() => fake.gateway.counts.identify === 3 && fake.gateway.liveSessions() === 1);
  });

  it('a missed heartbeat ACK makes the client resume (zombie connection)', async () => {
    fake.gateway.heartbeatInterval = 300;
    client = await startBareClient(fake);
    fake.faults.gateway.missAcks(1);
    await once(client, 'shardResume');
    expect(fake.gateway.counts.resume).toBe(1);
  });

  it('close 4004 disconnects for good: no reconnect', async () => {
    client = await startBareClient(fake);
    const disconnected = once(client, 'shardDisconnect');
    fake.gateway.closeAll(4004);
    const [event] = (await disconnected) as [{ code: number }];
    expect(event.code).toBe(4004);
    expect(fake.gateway.counts.identify + fake.gateway.counts.resume).toBe(1);
  });

  it('delivers an armed duplicate twice with new sequence numbers', async () => {
    client = await startBareClient(fake);
    const { threadId, author } = await openPost(client);
    const raw: number[] = [];
    client.on('raw', (p: { t: string; s: number }) => p.t === 'MESSAGE_CREATE' && raw.push(p.s));
    fake.faults.gateway.duplicateNext();
    fake.act.say(threadId, author, 'twice');
    await eventually(() => raw.length === 2);
    expect(raw[1]).toBe(raw[0]! + 1);
  });
});

describe('REST faults', () => {
  it('429 with Retry-After: discord.js waits it out and the reply is posted once', async () => {
    client = await startBareClient(fake);
    const { threadId } = await openPost(client);
    const limited = once(client.rest, 'rateLimited');
    fake.faults.rest.inject({ method: 'POST', path: `/channels/${threadId}/messages`, fault: { kind: '429', retryAfter: 0.3 } });
    const thread = client.channels.cache.get(threadId) as ThreadChannel;
    await thread.send('after the wait');
    const [info] = (await limited) as [{ method: string; global: boolean }];
    expect(info).toMatchObject({ method: 'POST', global: false });
    expect(fake.recorder.requests('POST', `/channels/${threadId}/messages`).map((r) => r.status)).toEqual([429, 200]);
    expect(fake.state.history(threadId).filter((m) => m.content === 'after the wait')).toHaveLength(1);
  });

  it('5xx is retried; a hung request is aborted at the client timeout and retried', async () => {
    client = await startBareClient(fake, { rest: { timeout: 300 } as never });
    const { threadId } = await openPost(client);
    const path = `/channels/${threadId}/messages`;
    fake.faults.rest.inject({ method: 'POST', path, fault: { kind: 'status', status: 502 } });
    fake.faults.rest.inject({ method: 'POST', path, fault: { kind: 'hang' } });
    const thread = client.channels.cache.get(threadId) as ThreadChannel;
    await thread.send('eventually');
    expect(fake.recorder.requests('POST', path).map((r) => r.status)).toEqual([502, 0, 200]);
  });

  it('answers an unknown route with a Discord-shaped 404', async () => {
    const rest = new REST({ api: `${fake.baseUrl}/api`, agent: loopbackOnlyAgent() }).setToken('x');
    await expect(rest.get('/no/such/route')).rejects.toMatchObject({ status: 404, code: 0 });
  });
});
