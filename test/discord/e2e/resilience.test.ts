// Long replies, Discord-side failures, fatal gateway closes, catch-up, coexistence, clean stop.
import { afterEach, describe, expect, it } from 'vitest';
import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { registry } from '../../../src/discord/commands/index.ts';
import { eventually } from '../../fake-discord/eventually.ts';
import { rendered } from '../recording-pipeline.ts';
import { addBot, posts, startHarness, type Harness } from './harness.ts';

let h: Harness;
afterEach(async () => h?.stop());

describe('replies', () => {
  it('splits a reply over 2000 characters at line boundaries; only the first part quotes the message', async () => {
    h = await startHarness();
    const lines = Array.from({ length: 90 }, (_, i) => `step ${i}: ${'openclaw models status '.repeat(2)}`);
    h.pipeline.respond = () => rendered(lines.join('\n'));
    const alice = h.fake.state.addUser('alice');
    const { thread } = h.fake.act.forumPost(alice, 'auth', 'long please');
    const parts = await eventually(() => posts(h.fake, thread.id).length === 3 && posts(h.fake, thread.id));
    for (const p of parts) expect(p.body.content.length).toBeLessThanOrEqual(2000);
    expect(parts.map((p) => p.body.content).join('\n')).toBe(lines.join('\n'));
    expect(parts.map((p) => Boolean(p.body.message_reference))).toEqual([true, false, false]);
    for (const p of parts) expect(p.body.allowed_mentions).toEqual({ parse: [] });
    await eventually(() => h.pipeline.posted.length === 1);
    expect(h.pipeline.posted[0]!.postedId).toBe(h.fake.state.history(thread.id).find((m) => m.content === parts[0]!.body.content)!.id);
  });
});

describe('Discord-side failures', () => {
  it('logs a 50013 on reply with thread and event ids (never the text) and still answers the next message', async () => {
    h = await startHarness();
    const alice = h.fake.state.addUser('alice');
    const { thread, starter } = h.fake.act.forumPost(alice, 'auth', 'secret words here', { silent: true });
    h.fake.faults.rest.inject({ method: 'POST', path: `/channels/${thread.id}/messages`, fault: { kind: 'status', status: 403, code: 50013, message: 'Missing Permissions' } });
    h.fake.gateway.dispatch('THREAD_CREATE', { ...thread, newly_created: true });
    const failure = await eventually(() => h.logs.find((l) => l.err?.code === 50013));
    expect(failure).toMatchObject({ level: 40, threadId: thread.id, eventId: `message:${starter.id}` });
    expect(JSON.stringify(h.logs)).not.toContain('secret words here');
    h.fake.act.say(thread.id, alice, 'still there?');
    await eventually(() => h.fake.state.history(thread.id).some((m) => m.content === 'Pincer read: still there?'));
  });

  it('answers a failing interaction handler with an ephemeral note, as a follow-up when already deferred', async () => {
    const boom = {
      kind: 'chat_input' as const,
      data: new SlashCommandBuilder().setName('boom').setDescription('fails'),
      async execute(i: import('discord.js').ChatInputCommandInteraction) {
        await i.deferReply({ flags: MessageFlags.Ephemeral });
        throw new Error('handler bug');
      },
    };
    h = await startHarness({ bot: { registry: { ...registry, commands: [...registry.commands, boom] } } });
    const rec = h.fake.act.slash(h.fake.state.addUser('bob'), 'boom', h.fake.state.generalChannel.id);
    const note = await eventually(() => rec.followups[0]);
    expect(note.content).toContain('Pincer could not finish that');
    expect(note.flags! & 64).toBe(64);
    expect(h.logs.find((l) => l.command === 'boom')).toMatchObject({ level: 50, interactionId: rec.payload.id });
  });

  it('answers a handler that outlives its time limit with an ephemeral note', async () => {
    const stuck = {
      kind: 'chat_input' as const,
      timeoutMs: 50,
      data: new SlashCommandBuilder().setName('stuck').setDescription('never answers'),
      execute: () => new Promise<void>(() => undefined),
    };
    h = await startHarness({ bot: { registry: { ...registry, commands: [...registry.commands, stuck] } } });
    const rec = h.fake.act.slash(h.fake.state.addUser('bob'), 'stuck', h.fake.state.generalChannel.id);
    const note = await eventually(() => rec.original);
    expect(note.content).toContain('Pincer could not finish that');
    expect(rec.callbacks[0]).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(h.logs.find((l) => l.command === 'stuck')?.err.name).toBe('HandlerTimeout');
  });
});

describe('gateway lifecycle', () => {
  it('calls the fatal handler on close 4004 (authentication failed) instead of staying alive but dead', async () => {
    h = await startHarness();
    h.fake.gateway.closeAll(4004);
    await eventually(() => h.fatal.length === 1);
    expect(h.fatal).toEqual([4004]);
    expect(h.logs.find((l) => l.level === 60)?.msg).toContain('DISCORD_TOKEN');
  });

  it('on stop, finishes the work in flight, then closes (onStop runs last)', async () => {
    const order: string[] = [];
    h = await startHarness({ bot: { onStop: () => void order.push('db closed') } });
    const alice = h.fake.state.addUser('alice');
    h.fake.faults.rest.inject({ method: 'POST', path: /^\/channels\/\d+\/messages$/, fault: { kind: 'delay', ms: 300 } });
    const { thread } = h.fake.act.forumPost(alice, 'auth', 'invalid x-api-key');
    await eventually(() => h.pipeline.messages.length === 1);
    await h.bot.stop('SIGTERM');
    order.push('stopped');
    expect(posts(h.fake, thread.id)).toHaveLength(1);
    expect(h.pipeline.posted).toHaveLength(1);
    expect(order).toEqual(['db closed', 'stopped']);
    h.fake.act.say(thread.id, alice, 'after stop');
    await new Promise((r) => setTimeout(r, 50));
    expect(h.pipeline.messages.map((m) => m.text)).not.toContain('after stop');
  });
});

describe('catch-up', () => {
  it('answers, once, messages posted while Pincer was down', async () => {
    h = await startHarness({
      before: (fake) => {
        const alice = fake.state.addUser('alice');
        const { thread } = fake.act.forumPost(alice, 'while down', 'invalid x-api-key', { silent: true });
        fake.act.say(thread.id, alice, 'anyone?', { silent: true });
      },
    });
    const thread = h.fake.state.activeThreads()[0]!;
    expect(posts(h.fake, thread.id).map((p) => p.body.content)).toEqual(['Pincer read: invalid x-api-key', 'Pincer read: anyone?']);
    const alice = [...h.fake.state.users.values()].find((u) => u.username === 'alice')!;
    h.fake.act.say(thread.id, alice, 'posted during the restart', { silent: true });
    await h.restart();
    expect(posts(h.fake, thread.id).map((p) => p.body.content)).toEqual([
      'Pincer read: invalid x-api-key',
      'Pincer read: anyone?',
      'Pincer read: posted during the restart',
    ]);
  });

  it('leaves alone old threads it has never seen (a first deployment does not answer last month)', async () => {
    h = await startHarness({
      env: { PINCER_CATCHUP_MAX_AGE_HOURS: '6' },
      bot: { now: () => Date.now() + 7 * 3_600_000 },
      before: (fake) => void fake.act.forumPost(fake.state.addUser('alice'), 'old', 'invalid x-api-key', { silent: true }),
    });
    expect(h.pipeline.messages).toHaveLength(0);
    expect(h.logs.find((l) => l.msg === 'catch-up done')).toMatchObject({ threads: 1, messages: 0 });
  });
});

describe('coexistence with other answer bots', () => {
  it("does not add an ask to a message another answer bot already answered, but still gives a confirmed diagnosis", async () => {
    let botId = '';
    h = await startHarness({
      env: {},
      before: (fake, pipeline) => {
        const krill = addBot(fake, 'krill');
        botId = krill.id;
        const alice = fake.state.addUser('alice');
        const a = fake.act.forumPost(alice, 'one', 'ask me', { silent: true });
        fake.act.say(a.thread.id, krill, 'Have you tried openclaw doctor?', { silent: true, replyTo: a.starter.id });
        const b = fake.act.forumPost(alice, 'two', 'diagnose me', { silent: true });
        fake.act.say(b.thread.id, krill, 'Maybe restart?', { silent: true });
        pipeline.respond = (input) => (input.role !== 'author' ? null : input.text === 'diagnose me' ? rendered('Run: openclaw models auth paste-token', 'diagnosis') : rendered('Which provider?'));
      },
      bot: { catchUp: false },
    });
    h.config.answerBotIds.push(botId);
    const { catchUp } = await import('../../../src/discord/catch-up.ts');
    await catchUp(h.bot.ctx, Date.now());
    const [one, two] = h.fake.state.activeThreads();
    expect(posts(h.fake, one!.id)).toHaveLength(0);
    expect(posts(h.fake, two!.id).map((p) => p.body.content)).toEqual(['Run: openclaw models auth paste-token']);
    expect(h.pipeline.messages.filter((m) => m.role === 'other_bot')).toHaveLength(2);
    // The adapter tells the pipeline; what is then said is the reducer's call (test/conversation/coexistence.test.ts).
    expect(h.pipeline.messages.filter((m) => m.role === 'author').map((m) => m.answeredElsewhere)).toEqual([true, true]);
  });
});

describe('new gateway session', () => {
  it('catches up on messages sent while the session was invalid (a re-IDENTIFY replays nothing)', async () => {
    h = await startHarness();
    const alice = h.fake.state.addUser('alice');
    const { thread } = h.fake.act.forumPost(alice, 'auth', 'first');
    await eventually(() => posts(h.fake, thread.id).length === 1);
    h.fake.act.say(thread.id, alice, 'during the outage', { silent: true });
    h.fake.gateway.invalidateSessions(false);
    await eventually(() => posts(h.fake, thread.id).length === 2);
    expect(posts(h.fake, thread.id).map((p) => p.body.content)).toEqual(['Pincer read: first', 'Pincer read: during the outage']);
  });
});

describe('catch-up racing live messages', () => {
  it('still reads messages missed before a live message that was answered first', async () => {
    h = await startHarness();
    const alice = h.fake.state.addUser('alice');
    const { thread } = h.fake.act.forumPost(alice, 'auth', 'first');
    await eventually(() => posts(h.fake, thread.id).length === 1);
    h.fake.act.say(thread.id, alice, 'missed while down', { silent: true });
    await new Promise((r) => setTimeout(r, 5)); // the outage ends after the missed message
    const outageEnded = Date.now();
    await new Promise((r) => setTimeout(r, 5));
    h.fake.act.say(thread.id, alice, 'live after the restart');
    await eventually(() => posts(h.fake, thread.id).length === 2);
    const { catchUp } = await import('../../../src/discord/catch-up.ts');
    await catchUp(h.bot.ctx, outageEnded);
    expect(posts(h.fake, thread.id).map((p) => p.body.content)).toEqual([
      'Pincer read: first',
      'Pincer read: live after the restart',
      'Pincer read: missed while down',
    ]);
  });
});
