// A reply the pipeline committed but Discord never got (a crash between commit and post, or an
// outage past discord.js's retries) is delivered later by the scheduler loop, exactly once; one
// Discord refuses for good is given up. Real pipeline, real SQLite (in memory), fake Discord.
import { afterEach, describe, expect, it } from 'vitest';
import seed from '../../fixtures/threads/seed-001.json' with { type: 'json' };
import { createPipeline } from '../../../src/pipeline/pipeline.ts';
import type { Pipeline } from '../../../src/pipeline/types.ts';
import { openDatabase } from '../../../src/store/db.ts';
import { eventually } from '../../fake-discord/eventually.ts';
import type { FakeDiscord } from '../../fake-discord/index.ts';
import { startHarness, type Harness } from './harness.ts';

const PASTE_401 = seed.messages[0]!.text;
const FAST = { timerIntervalMs: 50, redeliverAfterMs: 200 };

let h: Harness;
afterEach(async () => h?.stop());

function realPipeline(): { pipeline: Pipeline; close: () => void } {
  const db = openDatabase(':memory:');
  return { pipeline: createPipeline({ db, trackDelivery: true }), close: () => db.close() };
}

const botReplies = (fake: FakeDiscord, threadId: string, to: string) =>
  fake.state.history(threadId).filter((m) => m.author.id === fake.state.bot.id && m.message_reference?.message_id === to);

/**
 * Starts the bot over what a crashed process left: a forum post handled and its reply committed;
 * `posted` = Discord had already taken the reply before the crash (the confirmation was lost).
 */
async function startAfterCrash(posted: boolean): Promise<{ pipeline: Pipeline; threadId: string; starterId: string }> {
  const { pipeline, close } = realPipeline();
  const ids = { threadId: '', starterId: '' };
  h = await startHarness({
    pipeline,
    bot: { ...FAST, onStop: close },
    before: (fake) => {
      const { thread, starter } = fake.act.forumPost(fake.state.addUser('alice'), 'invalid x-api-key', PASTE_401, { silent: true });
      Object.assign(ids, { threadId: thread.id, starterId: starter.id });
      const author = starter.author.id;
      const input = { threadId: thread.id, channelKind: 'forum_post' as const, threadAuthorId: author, eventId: `message:${starter.id}`, messageId: starter.id, authorId: author, role: 'author' as const, addressed: false, text: PASTE_401 };
      const effect = pipeline.message(input, Date.now() - 60_000).effects.find((e) => e.type === 'reply');
      if (posted && effect?.type === 'reply') fake.act.say(thread.id, fake.state.bot, effect.reply.markdown, { silent: true, replyTo: starter.id });
    },
  });
  return { pipeline, ...ids };
}

describe('replies committed but never posted', () => {
  it('during a Discord outage: the post fails past the retries, then goes out once when Discord is back', async () => {
    const { pipeline, close } = realPipeline();
    h = await startHarness({ pipeline, bot: { ...FAST, onStop: close } });
    const alice = h.fake.state.addUser('alice');
    h.fake.faults.rest.inject({ method: 'POST', path: /^\/channels\/\d+\/messages$/, times: 4, fault: { kind: 'status', status: 503 } });
    const { thread, starter } = h.fake.act.forumPost(alice, 'invalid x-api-key', PASTE_401);
    await eventually(() => h.logs.find((l) => l.msg?.includes('effect reply')), { timeout: 10_000 });
    expect(botReplies(h.fake, thread.id, starter.id)).toEqual([]);
    const [reply] = await eventually(() => botReplies(h.fake, thread.id, starter.id).length === 1 && botReplies(h.fake, thread.id, starter.id), { timeout: 10_000 });
    expect(reply!.content).toContain('openclaw models status');
    expect(await eventually(() => pipeline.thread(thread.id)?.replies[0]?.postedId)).toBe(reply!.id);
    await new Promise((r) => setTimeout(r, 500)); // several more loop ticks
    expect(botReplies(h.fake, thread.id, starter.id)).toHaveLength(1);
    expect(pipeline.undelivered!(0)).toEqual([]);
  });

  it('after a crash between commit and post: the restarted bot posts it once (catch-up does not answer twice)', async () => {
    const { threadId, starterId } = await startAfterCrash(false);
    const [reply] = await eventually(() => botReplies(h.fake, threadId, starterId).length === 1 && botReplies(h.fake, threadId, starterId), { timeout: 10_000 });
    expect(reply!.content).toContain('openclaw models status');
    await new Promise((r) => setTimeout(r, 500));
    expect(botReplies(h.fake, threadId, starterId)).toHaveLength(1);
  });

  it('after a crash once Discord had it: the reply found in the channel is recorded, not posted again', async () => {
    const { pipeline, threadId, starterId } = await startAfterCrash(true);
    const posted = await eventually(() => pipeline.thread(threadId)?.replies[0]?.postedId, { timeout: 10_000 });
    expect(posted).toBe(botReplies(h.fake, threadId, starterId)[0]!.id);
    expect(botReplies(h.fake, threadId, starterId)).toHaveLength(1);
    expect(h.fake.recorder.requests('POST', `/channels/${threadId}/messages`)).toEqual([]);
  });

  it('refused for good (Missing Permissions): tried once more, then given up and logged', async () => {
    const { pipeline, close } = realPipeline();
    h = await startHarness({ pipeline, bot: { ...FAST, onStop: close } });
    const alice = h.fake.state.addUser('alice');
    h.fake.faults.rest.inject({ method: 'POST', path: /^\/channels\/\d+\/messages$/, times: 2, fault: { kind: 'status', status: 403, code: 50013, message: 'Missing Permissions' } });
    const { thread } = h.fake.act.forumPost(alice, 'invalid x-api-key', PASTE_401);
    await eventually(() => h.logs.find((l) => l.msg === 'undelivered reply given up'), { timeout: 10_000 });
    expect(pipeline.undelivered!(0)).toEqual([]);
    await new Promise((r) => setTimeout(r, 500));
    expect(h.fake.recorder.requests('POST', `/channels/${thread.id}/messages`)).toHaveLength(2);
  });

  it('an edit lost to an outage is applied later, so the old answer does not stand', async () => {
    const { pipeline, close } = realPipeline();
    h = await startHarness({ pipeline, bot: { ...FAST, onStop: close } });
    const alice = h.fake.state.addUser('alice');
    const { thread, starter } = h.fake.act.forumPost(alice, 'invalid x-api-key', PASTE_401);
    const [first] = await eventually(() => botReplies(h.fake, thread.id, starter.id).length === 1 && botReplies(h.fake, thread.id, starter.id));
    h.fake.faults.rest.inject({ method: 'PATCH', path: /^\/channels\/\d+\/messages\/\d+$/, times: 4, fault: { kind: 'status', status: 503 } });
    h.fake.act.edit(starter, seed.messages[59]!.text); // now the credit-balance error
    await eventually(() => h.logs.find((l) => l.msg?.includes('effect edit_reply')), { timeout: 10_000 });
    expect(h.fake.state.history(thread.id).find((m) => m.id === first!.id)?.content).toBe(first!.content);
    await eventually(() => h.fake.state.history(thread.id).find((m) => m.id === first!.id)?.content.toLowerCase().includes('credit'), { timeout: 10_000 });
    await eventually(() => pipeline.unedited!(0).length === 0); // confirmed right after Discord answered
    expect(botReplies(h.fake, thread.id, starter.id)).toHaveLength(1);
  });
});
