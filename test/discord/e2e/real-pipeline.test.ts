// The bot over the real pipeline and a real SQLite database (in memory), against the fake Discord:
// the adapter and the pipeline agree on ids (event ids, posted reply ids, timers).
import { afterEach, describe, expect, it } from 'vitest';
import seed from '../../fixtures/threads/seed-001.json' with { type: 'json' };
import { createPipeline } from '../../../src/pipeline/pipeline.ts';
import { openDatabase } from '../../../src/store/db.ts';
import { eventually } from '../../fake-discord/eventually.ts';
import { addBot, posts, startHarness, type Harness } from './harness.ts';

let h: Harness;
afterEach(async () => h?.stop());

async function realHarness(): Promise<Harness> {
  const db = openDatabase(':memory:');
  return startHarness({ pipeline: createPipeline({ db }), bot: { onStop: () => void db.close() } });
}

describe('the bot over the real pipeline', () => {
  it("answers seed 001's first post in its thread and stores the posted reply's id", async () => {
    h = await realHarness();
    const alice = h.fake.state.addUser('alice');
    const { thread } = h.fake.act.forumPost(alice, 'run error', seed.messages[0]!.text);
    const [post] = await eventually(() => posts(h.fake, thread.id).length >= 1 && posts(h.fake, thread.id));
    expect(post!.body.content.length).toBeGreaterThan(0);
    expect(post!.body.content.length).toBeLessThanOrEqual(2000);
    expect(post!.body.allowed_mentions).toEqual({ parse: [] });
    const posted = h.fake.state.history(thread.id).find((m) => m.author.id === h.fake.state.bot.id)!;
    const state = await eventually(() => {
      const t = h.bot.ctx.pipeline.thread(thread.id);
      return t?.replies[0]?.postedId ? t : null;
    });
    expect(state.replies[0]!.postedId).toBe(posted.id);
    expect(state.messages[0]!.messageId).toBe(thread.id);
  });

  it('answers a DM paste, and the same message delivered again is not answered twice', async () => {
    h = await realHarness();
    const bob = h.fake.state.addUser('bob');
    h.fake.faults.gateway.duplicateNext(1);
    h.fake.act.dm(bob, seed.messages[0]!.text);
    const dm = h.fake.act.dmChannelId(bob);
    await eventually(() => posts(h.fake, dm).length >= 1);
    h.fake.act.dm(bob, 'marker: thanks');
    await eventually(() => h.bot.ctx.pipeline.thread(`dm:${bob.id}`)?.messages.length === 2);
    const answersToFirst = posts(h.fake, dm).filter((p) => p.body.message_reference?.message_id === h.fake.state.history(dm)[0]!.id);
    expect(answersToFirst).toHaveLength(1);
  });

  it('answers /diagnose from the modal with a one-off diagnosis', async () => {
    h = await realHarness();
    const bob = h.fake.state.addUser('bob');
    const shown = h.fake.act.slash(bob, 'diagnose', h.fake.state.generalChannel.id);
    await eventually(() => shown.modal);
    const submitted = h.fake.act.submitModal(shown, { paste: seed.messages[0]!.text });
    const answer = await eventually(() => submitted.original);
    expect(answer.content.length).toBeGreaterThan(0);
    expect(answer.flags! & 64).toBe(64);
  });
});

describe('after another answer bot, over the real pipeline', () => {
  it('stays quiet about a 401 the answer bot answered while Pincer was down, and asks when the author writes again', async () => {
    let krill = '';
    let thread = '';
    const db = openDatabase(':memory:');
    h = await startHarness({
      pipeline: createPipeline({ db }),
      bot: { onStop: () => void db.close(), catchUp: false },
      before: (fake) => {
        krill = addBot(fake, 'krill').id;
        const post = fake.act.forumPost(fake.state.addUser('alice'), 'run error', seed.messages[0]!.text, { silent: true });
        thread = post.thread.id;
        fake.act.say(thread, fake.state.users.get(krill)!, 'Have you tried openclaw doctor?', { silent: true, replyTo: post.starter.id });
      },
    });
    h.config.answerBotIds.push(krill);
    const { catchUp } = await import('../../../src/discord/catch-up.ts');
    await catchUp(h.bot.ctx, Date.now());
    expect(posts(h.fake, thread)).toHaveLength(0);
    const alice = [...h.fake.state.users.values()].find((u) => u.username === 'alice')!;
    h.fake.act.say(thread, alice, seed.messages[8]!.text); // the same 401 again, new request id
    const [ask] = await eventually(() => posts(h.fake, thread).length >= 1 && posts(h.fake, thread));
    expect(ask!.body.content).toContain('openclaw models status');
    expect(ask!.body.content).not.toMatch(/same error as before/i);
  });
});

describe('catch-up of DMs, over the real pipeline', () => {
  it('reads back the DM of a user Pincer talked with, answering what they sent while it was down, once', async () => {
    const db = openDatabase(':memory:');
    h = await startHarness({ pipeline: createPipeline({ db }), bot: { onStop: () => void db.close() } });
    const bob = h.fake.state.addUser('bob');
    const dm = h.fake.act.dmChannelId(bob);
    const first = h.fake.act.dm(bob, seed.messages[0]!.text);
    await eventually(() => h.fake.state.history(dm).some((m) => m.message_reference?.message_id === first.id));
    // Sent while Pincer was down: never dispatched through the gateway.
    const missed = h.fake.act.dm(bob, seed.messages[59]!.text, { silent: true });
    const { catchUp } = await import('../../../src/discord/catch-up.ts');
    await catchUp(h.bot.ctx, Date.now());
    const answer = h.fake.state.history(dm).find((m) => m.message_reference?.message_id === missed.id);
    expect(answer?.content.toLowerCase()).toContain('credit');
    await catchUp(h.bot.ctx, Date.now());
    expect(h.fake.state.history(dm).filter((m) => m.author.id === h.fake.state.bot.id)).toHaveLength(2);
  });
});
