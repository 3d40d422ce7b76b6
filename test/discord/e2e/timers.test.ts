// Due timers (reminders, auto-close) fired from the pipeline's rows into the right channel.
import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../../fake-discord/eventually.ts';
import { posts, startHarness, type Harness } from './harness.ts';

let h: Harness;
afterEach(async () => h?.stop());

describe('due timers', () => {
  it('fires a due reminder once, in the forum thread, and leaves timers not yet due alone', async () => {
    h = await startHarness({ bot: { timerIntervalMs: 20 } });
    const alice = h.fake.state.addUser('alice');
    const { thread } = h.fake.act.forumPost(alice, 'auth', 'invalid x-api-key');
    await eventually(() => h.pipeline.posted.length === 1);
    const now = Date.now();
    h.pipeline.timers.push({ threadId: thread.id, timer: 'remind_author', dueAt: now - 1 }, { threadId: thread.id, timer: 'auto_close', dueAt: now + 3_600_000 });
    await eventually(() => posts(h.fake, thread.id).length === 2);
    await eventually(() => h.pipeline.posted.length === 2);
    expect(posts(h.fake, thread.id).map((p) => p.body.content)).toEqual(['Pincer read: invalid x-api-key', 'Timer: remind_author']);
    expect(h.pipeline.actions.filter((a) => a.type === 'timer')).toEqual([
      expect.objectContaining({ type: 'timer', timer: 'remind_author', threadId: thread.id, channelKind: 'forum_post', threadAuthorId: alice.id }),
    ]);
  });

  it('fires a DM thread timer in the user\'s DM channel', async () => {
    h = await startHarness({ bot: { timerIntervalMs: 20 } });
    const bob = h.fake.state.addUser('bob');
    h.fake.act.dm(bob, 'hello');
    await eventually(() => h.pipeline.posted.length === 1);
    h.pipeline.timers.push({ threadId: `dm:${bob.id}`, timer: 'remind_author', dueAt: Date.now() - 1 });
    const dm = h.fake.act.dmChannelId(bob);
    await eventually(() => posts(h.fake, dm).length === 2);
    expect(posts(h.fake, dm)[1]!.body.content).toBe('Timer: remind_author');
  });
});
