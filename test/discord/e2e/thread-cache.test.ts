// Issue 17: discord.js keeps only the most recently active threads (src/discord/thread-cache.ts).
// A thread it has forgotten must still get everything Pincer promises: a new message answered,
// an edit re-read, Answer Overflow's ✅ recorded, each exactly once.
import type { APIThreadChannel, APIUser } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../../fake-discord/eventually.ts';
import { addBot, posts, startHarness, type Harness } from './harness.ts';

let h: Harness;
afterEach(async () => h?.stop());

const cached = (id: string) => h.bot.ctx.client.channels.cache.has(id);

/** A forum post by `author`, once Pincer has answered it. */
async function answered(author: APIUser, text: string): Promise<{ thread: APIThreadChannel; starter: ReturnType<Harness['fake']['act']['forumPost']>['starter'] }> {
  const post = h.fake.act.forumPost(author, text, text);
  await eventually(() => posts(h.fake, post.thread.id).length === 1);
  return post;
}

/** Posts (and waits for the answers to) enough new threads that `ids` are swept from the cache. */
async function pushOut(author: APIUser, ...ids: string[]): Promise<void> {
  for (let i = 0; i < 4; i++) await answered(author, `newer post ${i}`);
  await eventually(() => ids.every((id) => !cached(id)), { message: 'old threads still cached' });
}

describe('threads discord.js no longer caches', { timeout: 60_000 }, () => {
  it('keeps at most the budget of threads, and still handles an edit, a ✅ and a new message in a swept one, once each', async () => {
    h = await startHarness({ bot: { cachedThreads: 2 } });
    const alice = h.fake.state.addUser('alice');
    const bob = h.fake.state.addUser('bob');
    const answerOverflow = addBot(h.fake, 'Answer Overflow');
    h.config.otherBotIds.push(answerOverflow.id);

    const first = await answered(alice, 'invalid x-api-key');
    const second = await answered(alice, 'No API key found for provider anthropic');
    const fix = h.fake.act.say(second.thread.id, bob, 'top up the balance, that fixed it for me');
    await eventually(() => h.pipeline.messages.some((m) => m.messageId === fix.id));
    await pushOut(bob, first.thread.id, second.thread.id);
    const threadsCached = [...h.bot.ctx.client.channels.cache.values()].filter((c) => c.isThread()).length;
    expect(threadsCached).toBeLessThanOrEqual(4);

    // An edit in a swept thread: read back by REST, Pincer's reply edited once.
    const postedId = h.pipeline.posted.find((p) => p.threadId === first.thread.id)!.postedId;
    h.fake.act.edit(first.starter, 'HTTP 401: OAuth token has expired');
    const [patch] = await eventually(() => {
      const p = h.fake.recorder.requests('PATCH', `/channels/${first.thread.id}/messages/${postedId}`);
      return p.length === 1 && p;
    });
    expect(patch!.body.content).toBe('Pincer read (edited): HTTP 401: OAuth token has expired');

    // Answer Overflow's ✅ in the other swept thread: recorded as the solution.
    expect(cached(second.thread.id)).toBe(false);
    h.fake.act.react(answerOverflow, fix, '✅');
    await eventually(() => h.pipeline.actions.length === 1);
    expect(h.pipeline.actions[0]).toMatchObject({ threadId: second.thread.id, type: 'solved', by: answerOverflow.id, messageId: fix.id, source: 'answer_overflow' });

    // A new message in a swept thread is answered too.
    await pushOut(bob, first.thread.id);
    const again = h.fake.act.say(first.thread.id, alice, 'still invalid x-api-key after the new key');
    await eventually(() => posts(h.fake, first.thread.id).length === 2);
    expect(posts(h.fake, first.thread.id)[1]!.body.message_reference.message_id).toBe(again.id);

    // Exactly once: discord.js did not handle any of them as well.
    await new Promise((r) => setTimeout(r, 500));
    expect(h.pipeline.edits.filter((e) => e.threadId === first.thread.id)).toHaveLength(1);
    expect(h.pipeline.actions).toHaveLength(1);
    expect(h.pipeline.duplicates).toBe(0);
    expect(h.fake.recorder.requests('PATCH', `/channels/${first.thread.id}/messages/${postedId}`)).toHaveLength(1);
  });

  it('handles an edit and a ✅ in a cached thread once (not also through the read-back)', async () => {
    h = await startHarness();
    const alice = h.fake.state.addUser('alice');
    const answerOverflow = addBot(h.fake, 'Answer Overflow');
    h.config.otherBotIds.push(answerOverflow.id);
    const { thread, starter } = await answered(alice, 'invalid x-api-key');
    expect(cached(thread.id)).toBe(true);
    h.fake.act.edit(starter, 'HTTP 401: OAuth token has expired');
    h.fake.act.react(answerOverflow, starter, '✅');
    await eventually(() => h.pipeline.edits.length === 1 && h.pipeline.actions.length === 1);
    await new Promise((r) => setTimeout(r, 500));
    expect([h.pipeline.edits.length, h.pipeline.actions.length]).toEqual([1, 1]);
  });
});
