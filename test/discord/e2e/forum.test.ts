// Forum posts, thread messages and edits through the real discord.js client and the fake Discord.
import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../../fake-discord/eventually.ts';
import { addBot, posts, startHarness, type Harness } from './harness.ts';

let h: Harness;
afterEach(async () => h?.stop());

describe('help forum posts', () => {
  it('answers a new forum post in its thread, as a reply to the starter, pinging nobody', async () => {
    h = await startHarness();
    const alice = h.fake.state.addUser('alice');
    const { thread, starter } = h.fake.act.forumPost(alice, 'auth broken', 'HTTP 401 authentication_error: invalid x-api-key @everyone');
    const [post] = await eventually(() => posts(h.fake, thread.id).length === 1 && posts(h.fake, thread.id));
    expect(post!.body.content).toBe('Pincer read: HTTP 401 authentication_error: invalid x-api-key @everyone');
    expect(post!.body.message_reference.message_id).toBe(starter.id);
    expect(post!.body.allowed_mentions).toEqual({ parse: [] });
    expect(h.pipeline.messages[0]).toMatchObject({
      threadId: thread.id,
      channelKind: 'forum_post',
      threadAuthorId: alice.id,
      eventId: `message:${starter.id}`,
      messageId: starter.id,
      authorId: alice.id,
      role: 'author',
      addressed: false,
    });
    await eventually(() => h.pipeline.posted.length === 1);
    expect(h.pipeline.posted[0]!.threadId).toBe(thread.id);
  });

  it('answers a post whose starter message arrives before the thread (discord.js then never emits threadCreate), exactly once', async () => {
    h = await startHarness();
    const alice = h.fake.state.addUser('alice');
    const { thread } = h.fake.act.forumPost(alice, 'auth', 'No API key found for provider anthropic', { order: 'message-first' });
    await eventually(() => posts(h.fake, thread.id).length === 1);
    const { thread: second } = h.fake.act.forumPost(alice, 'again', 'No API key found for provider openai');
    await eventually(() => posts(h.fake, second.id).length === 1);
    expect(posts(h.fake, thread.id)).toHaveLength(1);
  });

  it('does not listen in forums that are not configured', async () => {
    h = await startHarness({ env: { PINCER_HELP_FORUM_IDS: '123456789012345678' } });
    const alice = h.fake.state.addUser('alice');
    h.fake.act.forumPost(alice, 'auth', 'invalid x-api-key');
    const bob = h.fake.state.addUser('bob');
    h.fake.act.dm(bob, 'marker');
    await eventually(() => h.pipeline.messages.length === 1);
    expect(h.pipeline.messages.map((m) => m.text)).toEqual(['marker']);
  });

  it('gives each author their role: helper, member, configured bot; ignores unconfigured bots', async () => {
    const answerBot = { id: '' };
    h = await startHarness({
      before: (fake) => {
        answerBot.id = addBot(fake, 'krill').id;
      },
    });
    h.config.answerBotIds.push(answerBot.id);
    const alice = h.fake.state.addUser('alice');
    const helper = h.fake.state.addUser('hana', [h.fake.state.roleIds.helper]);
    const bob = h.fake.state.addUser('bob');
    const stray = addBot(h.fake, 'stray');
    const { thread } = h.fake.act.forumPost(alice, 'auth', 'invalid x-api-key');
    h.fake.act.say(thread.id, h.fake.state.users.get(answerBot.id)!, 'Try openclaw doctor');
    h.fake.act.say(thread.id, stray, 'beep');
    h.fake.act.say(thread.id, helper, 'what does models status say?');
    h.fake.act.say(thread.id, bob, 'same here', { mentionBot: true });
    await eventually(() => h.pipeline.messages.length === 4);
    expect(h.pipeline.messages.map((m) => [m.role, m.addressed])).toEqual([
      ['author', false],
      ['other_bot', false],
      ['helper', false],
      ['member', true],
    ]);
  });

  it('edits its earlier reply when the author edits the message it answered', async () => {
    h = await startHarness();
    const alice = h.fake.state.addUser('alice');
    const { thread, starter } = h.fake.act.forumPost(alice, 'auth', 'invalid x-api-key');
    await eventually(() => h.pipeline.posted.length === 1);
    const postedId = h.pipeline.posted[0]!.postedId;
    const edited = h.fake.act.edit(starter, 'HTTP 401: OAuth token has expired');
    const [patch] = await eventually(() => {
      const p = h.fake.recorder.requests('PATCH', `/channels/${thread.id}/messages/${postedId}`);
      return p.length === 1 && p;
    });
    expect(patch!.body.content).toBe('Pincer read (edited): HTTP 401: OAuth token has expired');
    expect(h.pipeline.edits[0]).toMatchObject({ eventId: `edit:${starter.id}:${Date.parse(edited.edited_timestamp!)}`, messageId: starter.id, threadId: thread.id });
    expect(posts(h.fake, thread.id)).toHaveLength(1);
  });
});

describe('a reply over 2000 characters', () => {
  const lines = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `${tag} line ${i} `.padEnd(99, '.')).join('\n');
  const botMessages = (channelId: string) => h.fake.state.history(channelId).filter((m) => m.author.id === h.fake.state.bot.id);

  it('is posted in parts; an edit rewrites every part, adds or removes parts, and keeps the buttons on the last', async () => {
    h = await startHarness();
    h.pipeline.respond = () => ({ kind: 'diagnosis', markdown: lines(30, 'first'), buttons: ['worked', 'didnt_work', 'dismiss'], branch: null, nextCommand: null, askId: null });
    const alice = h.fake.state.addUser('alice');
    const { thread, starter } = h.fake.act.forumPost(alice, 'auth', 'a paste');
    await eventually(() => h.pipeline.posted.length === 1);
    expect(h.pipeline.posted[0]!.parts).toHaveLength(1); // 3000 characters: two messages

    // The edited reply (the recording pipeline quotes the first line) is three messages long.
    h.fake.act.edit(starter, Array.from({ length: 450 }, (_, i) => `word${i}`).join(' ').padEnd(4500, ' x'));
    await eventually(() => h.pipeline.posted.length === 2);
    const three = botMessages(thread.id);
    expect(three).toHaveLength(3);
    expect(three.map((m) => m.content).join('')).toContain('Pincer read (edited): word0 word1');
    expect(three.map((m) => (m.components?.length ?? 0) > 0)).toEqual([false, false, true]);

    h.fake.act.edit(starter, 'short now');
    await eventually(() => botMessages(thread.id).length === 1);
    const [only] = botMessages(thread.id);
    expect(only!.id).toBe(h.pipeline.posted[0]!.postedId);
    expect(only!.content).toBe('Pincer read (edited): short now');
    expect((only!.components?.length ?? 0) > 0).toBe(true);
  });
});

describe('message text', () => {
  it('drops the mention of Pincer from the text it reads', async () => {
    h = await startHarness();
    const alice = h.fake.state.addUser('alice');
    const { thread } = h.fake.act.forumPost(alice, 'auth', 'first');
    h.fake.act.say(thread.id, alice, 'invalid x-api-key', { mentionBot: true });
    await eventually(() => h.pipeline.messages.length === 2);
    expect(h.pipeline.messages[1]).toMatchObject({ text: 'invalid x-api-key', addressed: true });
  });

  it("reads a configured answer bot's embed as its text", async () => {
    let botId = '';
    h = await startHarness({ before: (fake) => void (botId = addBot(fake, 'krill').id) });
    h.config.answerBotIds.push(botId);
    const alice = h.fake.state.addUser('alice');
    const { thread } = h.fake.act.forumPost(alice, 'auth', 'first');
    const m = h.fake.act.say(thread.id, h.fake.state.users.get(botId)!, '', { silent: true });
    h.fake.gateway.dispatch('MESSAGE_CREATE', {
      ...m,
      guild_id: h.fake.state.guildId,
      embeds: [{ title: 'Suggested fix', description: 'Run openclaw doctor', fields: [{ name: 'Docs', value: 'auth page' }] }],
    });
    await eventually(() => h.pipeline.messages.length === 2);
    expect(h.pipeline.messages[1]).toMatchObject({ role: 'other_bot', text: 'Suggested fix\nRun openclaw doctor\nDocs: auth page' });
  });
});
