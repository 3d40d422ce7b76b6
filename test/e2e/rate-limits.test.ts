// Issue 5, "timers as rows": the per-thread reply limit as a user in a forum post meets it, in the
// real bot against the fake Discord. Past the limit Pincer says once when it will answer, stays
// quiet while more arrives, then answers everything in one reply when the window ends.
import { describe, expect, it } from 'vitest';
import { eventually } from '../fake-discord/eventually.ts';
import { scenarioPerTest, type Scenario } from './harness/scenario.ts';
import { seedText } from './harness/seed.ts';

let sc: Scenario;
// Two replies per thread per 12 s: wide enough that three round trips fit on a loaded machine.
scenarioPerTest((s) => (sc = s), { env: { PINCER_THREAD_REPLY_LIMIT: '2', PINCER_THREAD_REPLY_WINDOW_SECONDS: '12' } });

describe('per-thread reply limit in a forum post', { timeout: 60_000 }, () => {
  it('holds the third answer, says when it comes, and answers everything held in one reply', async () => {
    const { starter } = sc.fake.act.forumPost(sc.people.alice, 'invalid x-api-key', seedText(0));
    const thread = starter.channel_id;
    await sc.replyTo(starter);
    const order = sc.fake.act.say(thread, sc.people.alice, seedText(24));
    await sc.replyTo(order);

    const status = sc.fake.act.say(thread, sc.people.alice, seedText(26)); // the altered key
    const note = await sc.replyTo(status);
    expect(note.content).toMatch(/answer all of it in one reply in about \d+ seconds/);
    const question = sc.fake.act.say(thread, sc.people.alice, seedText(27)); // "what do I do next?"
    await sc.settle();
    expect(sc.repliesTo(question)).toEqual([]);
    expect(sc.botMessages(thread)).toHaveLength(3);

    const answer = await eventually(() => sc.repliesTo(question)[0], { timeout: 30_000, message: 'the held answer never came' });
    expect(answer.content).toContain('The stored API key was edited or pasted with extra text');
    await sc.settle();
    expect(sc.botMessages(thread)).toHaveLength(4);
  });

  it('a crash while an answer is held loses nothing: after the restart it is answered once', async () => {
    const { starter } = sc.fake.act.forumPost(sc.people.alice, 'invalid x-api-key', seedText(0));
    const thread = starter.channel_id;
    await sc.replyTo(starter);
    await sc.replyTo(sc.fake.act.say(thread, sc.people.alice, seedText(24)));
    const status = sc.fake.act.say(thread, sc.people.alice, seedText(26));
    await sc.replyTo(status); // the note: the answer is held
    await sc.killBot();
    await sc.startBot();
    const answer = await eventually(() => sc.repliesTo(status)[1], { timeout: 30_000, message: 'the held answer never came after the restart' });
    expect(answer.content).toContain('The stored API key was edited or pasted with extra text');
    await sc.settle();
    expect(sc.botMessages(thread)).toHaveLength(4);
  });
});
