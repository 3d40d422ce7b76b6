// Issue 8, scenarios 6 and 7: what Discord's delivery does to a bot — duplicates, gateway drops,
// rate limits, a revoked token, a crash — and what the user must still see: one answer each.
import { describe, expect, it } from 'vitest';
import { eventually } from '../fake-discord/eventually.ts';
import { scenarioPerTest, type Scenario } from './harness/scenario.ts';
import { seedText } from './harness/seed.ts';

const PASTE_401 = seedText(0); // "run error: HTTP 401 authentication_error: invalid x-api-key …"
const REPLY_PATH = /^\/channels\/\d+\/messages$/;

let sc: Scenario;
scenarioPerTest((s) => (sc = s));

describe('delivery faults', { timeout: 60_000 }, () => {
  it('the same MESSAGE_CREATE delivered twice, and again later, gets one reply', async () => {
    sc.fake.faults.gateway.duplicateNext(2); // THREAD_CREATE and the starter, each twice
    const { starter } = sc.fake.act.forumPost(sc.people.alice, 'invalid x-api-key', PASTE_401);
    const reply = await sc.replyTo(starter);
    expect(reply.content).toContain('openclaw models status');
    sc.fake.act.redeliver(starter);
    await sc.settle();
    expect(sc.repliesTo(starter)).toHaveLength(1);
  });

  it('a gateway drop mid-thread: the bot resumes and the post made during the drop is answered once', async () => {
    const first = sc.fake.act.forumPost(sc.people.alice, 'first', PASTE_401);
    await sc.replyTo(first.starter);
    sc.fake.gateway.closeAll(4000);
    const during = sc.fake.act.forumPost(sc.people.bob, 'during the drop', PASTE_401);
    await sc.replyTo(during.starter);
    await eventually(() => sc.fake.gateway.counts.resume === 1);
    await sc.settle();
    expect(sc.repliesTo(during.starter)).toHaveLength(1);
    expect(sc.repliesTo(first.starter)).toHaveLength(1);
    expect(sc.fake.gateway.counts.identify).toBe(1);
  });

  it('a 429 on the reply: delivered once, after the wait', async () => {
    sc.fake.faults.rest.inject({ method: 'POST', path: REPLY_PATH, fault: { kind: '429', retryAfter: 0.5 } });
    const { thread, starter } = sc.fake.act.forumPost(sc.people.alice, 'rate limited', PASTE_401);
    await sc.replyTo(starter);
    await sc.settle();
    expect(sc.fake.recorder.requests('POST', `/channels/${thread.id}/messages`).map((r) => r.status)).toEqual([429, 200]);
    expect(sc.repliesTo(starter)).toHaveLength(1);
  });

  it('a 4004 close (token reset) makes the process exit non-zero, saying why', async () => {
    const bot = sc.bot!;
    sc.fake.gateway.closeAll(4004);
    expect(await bot.exited).not.toBe(0);
    expect(bot.logs.text()).toContain('DISCORD_TOKEN');
    sc.bot = null;
  });

  it('killed between two messages and restarted on the same database: no repeat, the thread goes on', async () => {
    const { thread, starter } = sc.fake.act.forumPost(sc.people.alice, 'crash', PASTE_401);
    const firstReply = await sc.replyTo(starter);
    await sc.killBot();
    await sc.startBot();
    const again = sc.fake.act.say(thread.id, sc.people.alice, PASTE_401);
    await sc.settle();
    expect(sc.repliesTo(starter)).toHaveLength(1);
    const later = sc.botMessages(thread.id).filter((m) => m.id !== firstReply.id);
    expect(later.every((m) => m.content !== firstReply.content)).toBe(true);
    expect(sc.repliesTo(again).length).toBeLessThanOrEqual(1);
  });
});
