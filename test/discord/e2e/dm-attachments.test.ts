// DMs and attachments through the real discord.js client and the fake Discord.
import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../../fake-discord/eventually.ts';
import { IMAGE_ASK } from '../../../src/discord/image-ask.ts';
import { posts, startHarness, type Harness } from './harness.ts';

let h: Harness;
afterEach(async () => h?.stop());

const PNG = { name: 'screenshot.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]), contentType: 'image/png' };

describe('DMs', () => {
  it('answers a DM in the DM channel: one private help thread per user, always addressed', async () => {
    h = await startHarness();
    const bob = h.fake.state.addUser('bob');
    const dm = h.fake.act.dm(bob, 'openclaw says: No API key found for provider "anthropic"');
    const dmChannel = h.fake.act.dmChannelId(bob);
    const [post] = await eventually(() => posts(h.fake, dmChannel).length === 1 && posts(h.fake, dmChannel));
    expect(post!.body.content).toBe('Pincer read: openclaw says: No API key found for provider "anthropic"');
    expect(post!.body.allowed_mentions).toEqual({ parse: [] });
    expect(h.pipeline.messages[0]).toMatchObject({ threadId: `dm:${bob.id}`, channelKind: 'dm', threadAuthorId: bob.id, role: 'author', addressed: true, eventId: `message:${dm.id}` });
  });

  it('edits the DM reply when the user edits their message', async () => {
    h = await startHarness();
    const bob = h.fake.state.addUser('bob');
    const dm = h.fake.act.dm(bob, 'first try');
    await eventually(() => h.pipeline.posted.length === 1);
    h.fake.act.edit(dm, 'second try');
    const dmChannel = h.fake.act.dmChannelId(bob);
    const [patch] = await eventually(() => {
      const p = h.fake.recorder.requests('PATCH', `/channels/${dmChannel}/messages/${h.pipeline.posted[0]!.postedId}`);
      return p.length === 1 && p;
    });
    expect(patch!.body.content).toBe('Pincer read (edited): second try');
  });
});

describe('attachments', () => {
  it("reads Discord's message.txt from the CDN and hands the bytes to the pipeline", async () => {
    h = await startHarness();
    const alice = h.fake.state.addUser('alice');
    const paste = 'HTTP 401 authentication_error: invalid x-api-key\n(request_id: req_123)\n';
    const { thread } = h.fake.act.forumPost(alice, 'auth', '', { files: [{ name: 'message.txt', text: paste, contentType: '' }] });
    const [post] = await eventually(() => posts(h.fake, thread.id).length === 1 && posts(h.fake, thread.id));
    const input = h.pipeline.messages[0]!;
    expect(input.text).toBe('');
    expect(input.attachments).toHaveLength(1);
    expect(input.attachments![0]!.name).toBe('message.txt');
    expect(new TextDecoder().decode(input.attachments![0]!.bytes)).toBe(paste);
    expect(post!.body.content).toBe('Pincer read: HTTP 401 authentication_error: invalid x-api-key');
  });

  it('marks a file over 1 MB as cut and reads only its first megabyte', async () => {
    h = await startHarness();
    const alice = h.fake.state.addUser('alice');
    const big = `gateway.log start\n${'x'.repeat(1_500_000)}`;
    h.fake.act.forumPost(alice, 'logs', 'here is the log', { files: [{ name: 'gateway.log', text: big }] });
    await eventually(() => h.pipeline.messages.length === 1);
    const file = h.pipeline.messages[0]!.attachments![0]!;
    expect(file.cut).toBe(true);
    expect(file.bytes.byteLength).toBe(1024 * 1024);
  });

  it('asks once for the text output when a post has only a screenshot', async () => {
    h = await startHarness();
    const alice = h.fake.state.addUser('alice');
    const { thread } = h.fake.act.forumPost(alice, 'help', '', { files: [PNG] });
    const [ask] = await eventually(() => posts(h.fake, thread.id).length === 1 && posts(h.fake, thread.id));
    expect(ask!.body.content).toBe(IMAGE_ASK);
    h.fake.act.say(thread.id, alice, '', { files: [PNG] });
    h.fake.act.say(thread.id, alice, 'marker');
    await eventually(() => h.pipeline.messages.some((m) => m.text === 'marker'));
    await eventually(() => posts(h.fake, thread.id).length === 2);
    expect(posts(h.fake, thread.id).map((p) => p.body.content)).toEqual([IMAGE_ASK, 'Pincer read: marker']);
    expect(h.pipeline.messages.map((m) => m.text)).toEqual(['marker']);
  });
});
