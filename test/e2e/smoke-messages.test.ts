// A bare discord.js client against the fake: the message flows a help bot relies on.
import { once } from 'node:events';
import type { Client, DMChannel, Message, ThreadChannel } from 'discord.js';
import { GatewayIntentBits as I, Partials } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { fakePerTest, startBareClient } from '../fake-discord/bare-client.ts';
import { eventually } from '../fake-discord/eventually.ts';
import type { FakeDiscord } from '../fake-discord/index.ts';

let fake: FakeDiscord;
let client: Client | undefined;

fakePerTest((f) => {
  fake = f;
  client = undefined;
}, () => client);

describe('fake Discord with a bare discord.js client', () => {
  it('logs in and caches the guild, the forum with its tags, roles and the bot member', async () => {
    client = await startBareClient(fake);
    const guild = client.guilds.cache.get(fake.state.guildId)!;
    expect(guild.name).toBe('OpenClaw');
    const forum = guild.channels.cache.get(fake.state.forum.id);
    expect(forum?.isThreadOnly()).toBe(true);
    expect((forum as any).availableTags.map((t: { name: string }) => t.name)).toContain('solved');
    expect(guild.members.me?.id).toBe(fake.state.bot.id);
    expect(fake.recorder.requests('GET', '/gateway/bot')).toHaveLength(1);
  });

  it('delivers a forum post to messageCreate and records message.reply', async () => {
    client = await startBareClient(fake);
    const seen = once(client, 'messageCreate') as Promise<[Message]>;
    const alice = fake.state.addUser('alice');
    const { thread } = fake.act.forumPost(alice, 'No API key found', 'No API key found for provider "anthropic"');
    const [msg] = await seen;
    expect(msg.channel.isThread() && msg.channel.parentId).toBe(fake.state.forum.id);
    expect(msg.content).toContain('No API key found');
    await msg.reply({ content: 'Run `openclaw models status`', allowedMentions: { parse: [] } });
    const [post] = fake.recorder.requests('POST', `/channels/${thread.id}/messages`);
    expect(post?.body.message_reference.message_id).toBe(thread.id);
    expect(fake.state.history(thread.id).map((m) => m.author.id)).toEqual([alice.id, fake.state.bot.id]);
  });

  it('serves attachment bytes over loopback http', async () => {
    client = await startBareClient(fake);
    const seen = once(client, 'messageCreate') as Promise<[Message]>;
    const bob = fake.state.addUser('bob');
    fake.act.forumPost(bob, 'long paste', '', { files: [{ name: 'message.txt', text: 'HTTP 401 invalid x-api-key\n'.repeat(300) }] });
    const [msg] = await seen;
    const file = msg.attachments.first()!;
    expect(file.name).toBe('message.txt');
    const text = await (await fetch(file.url)).text();
    expect(text.split('\n')).toHaveLength(301);
  });

  it('delivers an edit of an uncached message to messageUpdate (Partials.Message)', async () => {
    client = await startBareClient(fake);
    const carol = fake.state.addUser('carol');
    const { thread } = fake.act.forumPost(carol, 'help', 'first', { silent: true });
    await (client.channels.fetch(thread.id) as Promise<ThreadChannel>);
    const older = fake.act.say(thread.id, carol, 'before the bot saw it', { silent: true });
    const updated = once(client, 'messageUpdate') as Promise<[Message, Message]>;
    fake.act.edit(older, 'after the edit');
    const [before, after] = await updated;
    expect(before.partial).toBe(true);
    expect(after.content).toBe('after the edit');
  });

  it('keeps a thread cached after setAppliedTags (the PATCH answers the full channel)', async () => {
    client = await startBareClient(fake);
    const dave = fake.state.addUser('dave');
    const first = once(client, 'messageCreate') as Promise<[Message]>;
    const { thread } = fake.act.forumPost(dave, 'tags', 'hello');
    const [msg] = await first;
    await (msg.channel as ThreadChannel).setAppliedTags([fake.state.tags['needs-info']]);
    const patch = fake.recorder.requests('PATCH', `/channels/${thread.id}`)[0];
    expect(patch?.body).toEqual({ applied_tags: [fake.state.tags['needs-info']] });
    expect((client.channels.cache.get(thread.id) as ThreadChannel).appliedTags).toEqual([fake.state.tags['needs-info']]);
    const second = once(client, 'messageCreate') as Promise<[Message]>;
    fake.act.say(thread.id, dave, 'still there?');
    expect((await second)[0].content).toBe('still there?');
  });

  it('refuses more than five tags, and tags the forum does not have, like Discord', async () => {
    client = await startBareClient(fake);
    const erin = fake.state.addUser('erin');
    const first = once(client, 'messageCreate') as Promise<[Message]>;
    fake.act.forumPost(erin, 'tags', 'hello');
    const thread = (await first)[0].channel as ThreadChannel;
    await expect(thread.setAppliedTags(Object.values(fake.state.tags))).rejects.toThrow(/Invalid Form Body/);
    await expect(thread.setAppliedTags(['1234567890123456789'])).rejects.toThrow(/Invalid Form Body/);
  });

  it('blanks message content for a client without the MessageContent intent, but not in DMs', async () => {
    client = await startBareClient(fake, { intents: [I.Guilds, I.GuildMessages, I.DirectMessages] });
    const frank = fake.state.addUser('frank');
    const inGuild = once(client, 'messageCreate') as Promise<[Message]>;
    fake.act.forumPost(frank, 'secret?', 'you cannot read this');
    expect((await inGuild)[0].content).toBe('');
    const inDm = once(client, 'messageCreate') as Promise<[Message]>;
    fake.act.dm(frank, 'but this you can');
    expect((await inDm)[0].content).toBe('but this you can');
  });

  it('delivers DMs (Partials.Channel) and records the reply in the DM channel', async () => {
    client = await startBareClient(fake);
    const gina = fake.state.addUser('gina');
    const seen = once(client, 'messageCreate') as Promise<[Message]>;
    const dm = fake.act.dm(gina, 'HTTP 401: invalid x-api-key');
    const [msg] = await seen;
    expect(msg.channel.isDMBased()).toBe(true);
    await (msg.channel as DMChannel).send("noted");
    await eventually(() => fake.recorder.requests('POST', `/channels/${dm.channel_id}/messages`).length === 1);
  });
});

describe('reactions', () => {
  it('delivers a user\'s reaction to messageReactionAdd (Partials for an uncached message)', async () => {
    client = await startBareClient(fake, {
      intents: [I.Guilds, I.GuildMessages, I.GuildMessageReactions],
      partials: [Partials.Channel, Partials.Message, Partials.Reaction],
    });
    const helen = fake.state.addUser('helen');
    const { thread } = fake.act.forumPost(helen, 'solved?', 'works now', { silent: true });
    await client.channels.fetch(thread.id);
    const answer = fake.act.say(thread.id, helen, 'the answer', { silent: true });
    const reacted = once(client, 'messageReactionAdd') as Promise<[{ emoji: { name: string }; message: { id: string } }, { id: string }]>;
    fake.act.react(helen, answer, '✅');
    const [reaction, user] = await reacted;
    expect([reaction.emoji.name, reaction.message.id, user.id]).toEqual(['✅', answer.id, helen.id]);
  });

  it('keeps the bot\'s own reaction on the message, as users would see it', async () => {
    client = await startBareClient(fake);
    const ivy = fake.state.addUser('ivy');
    const seen = once(client, 'messageCreate') as Promise<[Message]>;
    const { starter } = fake.act.forumPost(ivy, 'fixed', 'works now');
    const [msg] = await seen;
    await msg.react('✅');
    expect(fake.state.channelMessages(starter.channel_id).get(starter.id)?.reactions?.map((r) => [r.emoji.name, r.me])).toEqual([['✅', true]]);
  });
});
