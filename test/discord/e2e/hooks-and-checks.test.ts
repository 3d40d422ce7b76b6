// Start-up checks on the real client's view, issue 7's hooks, repeated deliveries, addressing.
import { afterEach, describe, expect, it } from 'vitest';
import type { ThreadStatus } from '../../../src/conversation/types.ts';
import { eventually } from '../../fake-discord/eventually.ts';
import { posts, startHarness, type Harness } from './harness.ts';

let h: Harness;
afterEach(async () => h?.stop());

describe('start-up check against the guild the bot sees', () => {
  it('names a configured role and tag that do not exist', async () => {
    h = await startHarness({ env: { PINCER_HELPER_ROLE_IDS: '123456789012345678', PINCER_TAG_SOLVED: 'answered' } });
    const setup = h.logs.filter((l) => l.check === 'setup').map((l) => l.msg);
    expect(setup).toEqual([
      `PINCER_TAG_SOLVED: forum #help has no tag named "answered"`,
      'PINCER_HELPER_ROLE_IDS: role 123456789012345678 not found',
    ]);
  });

  it('names the permissions the bot lacks in the help forum', async () => {
    h = await startHarness({
      before: (fake) => {
        const everyone = fake.state.roles.get(fake.state.guildId)!;
        const botRole = [...fake.state.roles.values()].find((r) => r.name === 'Pincer')!;
        botRole.permissions = everyone.permissions; // no Administrator, no Manage Threads/Messages
      },
    });
    const setup = h.logs.filter((l) => l.check === 'setup').map((l) => l.msg);
    expect(setup).toContain('permissions: in #help the bot lacks Manage Threads, Manage Messages');
  });

  it('reports a complete setup as ok', async () => {
    h = await startHarness();
    expect(h.logs.filter((l) => l.check === 'setup').map((l) => l.msg)).toEqual(['setup ok: forums, tags, roles, channels and permissions']);
  });
});

describe('hooks for the community workflow (issue 7)', () => {
  it('hands status effects and pasted credentials to the hooks, with the thread and message', async () => {
    const statuses: [string, ThreadStatus][] = [];
    const secrets: [string, string[]][] = [];
    h = await startHarness({
      bot: {
        hooks: {
          setStatus: async (_ctx, target, status) => void statuses.push([target.threadId, status]),
          secrets: async (_ctx, message, findings) => void secrets.push([message.id, findings.map((f) => f.credentialType)]),
        },
      },
    });
    const original = h.pipeline.message.bind(h.pipeline);
    h.pipeline.message = (input, now) => ({ ...original(input, now), secrets: [{ credentialType: 'anthropic_api_key', masked: 'sk-ant-api03-…AbCd' }] });
    const alice = h.fake.state.addUser('alice');
    const { thread, starter } = h.fake.act.forumPost(alice, 'auth', 'my key is (masked)');
    await eventually(() => statuses.length === 1);
    expect(statuses).toEqual([[thread.id, 'needs_info']]);
    expect(secrets).toEqual([[starter.id, ['anthropic_api_key']]]);
  });

  it('a failing hook is logged and the reply still goes out', async () => {
    h = await startHarness({ bot: { hooks: { setStatus: async () => Promise.reject(new Error('tags broke')) } } });
    const alice = h.fake.state.addUser('alice');
    const { thread } = h.fake.act.forumPost(alice, 'auth', 'invalid x-api-key');
    await eventually(() => posts(h.fake, thread.id).length === 1);
    await eventually(() => h.logs.find((l) => l.msg === 'effect set_status failed' && l.threadId === thread.id));
  });
});

describe('deliveries and addressing', () => {
  it('answers a message the gateway delivers twice only once', async () => {
    h = await startHarness();
    const alice = h.fake.state.addUser('alice');
    const { thread } = h.fake.act.forumPost(alice, 'auth', 'first');
    await eventually(() => posts(h.fake, thread.id).length === 1);
    h.fake.faults.gateway.duplicateNext(1);
    h.fake.act.say(thread.id, alice, 'twice');
    h.fake.act.say(thread.id, alice, 'marker');
    await eventually(() => posts(h.fake, thread.id).length === 3);
    // discord.js drops a second MESSAGE_CREATE of a message it has cached; the event id covers the rest.
    expect(posts(h.fake, thread.id).map((p) => p.body.content)).toEqual(['Pincer read: first', 'Pincer read: twice', 'Pincer read: marker']);
  });

  it("treats a member's reply to Pincer's message as addressed", async () => {
    h = await startHarness();
    const alice = h.fake.state.addUser('alice');
    const bob = h.fake.state.addUser('bob');
    const { thread } = h.fake.act.forumPost(alice, 'auth', 'invalid x-api-key');
    await eventually(() => h.pipeline.posted.length === 1);
    h.fake.act.say(thread.id, bob, 'does this apply to me?', { replyTo: h.pipeline.posted[0]!.postedId });
    h.fake.act.say(thread.id, bob, 'just chatting');
    await eventually(() => h.pipeline.messages.length === 3);
    expect(h.pipeline.messages.slice(1).map((m) => [m.role, m.addressed])).toEqual([
      ['member', true],
      ['member', false],
    ]);
  });
});

describe('start-up', () => {
  it('catches up once at start-up', async () => {
    h = await startHarness();
    expect(h.logs.filter((l) => l.msg === 'catch-up done')).toHaveLength(1);
  });
});
