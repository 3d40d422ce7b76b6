// Issue 7 end to end: reminders and auto-close run from the thread's due-timer rows by one
// scheduler loop. A timer that came due while Pincer was stopped runs once after it starts again.
import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../../fake-discord/eventually.ts';
import { Scenario } from '../harness/scenario.ts';
import { answerOf, rows, TUI_401, write } from './helpers.ts';

let sc: Scenario;
afterEach(async () => sc?.close());

const timersOf = (threadId: string) => rows(sc, 'SELECT kind FROM timers WHERE thread_id = ? ORDER BY kind', threadId).map((r) => r.kind);

/** Stops the bot, makes `kind` due in the past (time passed while Pincer was down), starts it again. */
async function comesDueWhileDown(threadId: string, kind: string): Promise<void> {
  await sc.bot!.stop();
  expect(write(sc, 'UPDATE timers SET due_at = 1 WHERE thread_id = ? AND kind = ?', threadId, kind)).toBe(1);
  await sc.startBot();
}

describe('due timers', { timeout: 60_000 }, () => {
  it('reminds the author once about an unanswered ask, after a restart', async () => {
    sc = await Scenario.start();
    const { thread, starter } = sc.fake.act.forumPost(sc.people.alice, '401 in the tui', TUI_401);
    await sc.replyTo(starter);
    await eventually(() => timersOf(thread.id).includes('remind_author'));
    const before = sc.botMessages(thread.id).length;

    await comesDueWhileDown(thread.id, 'remind_author');
    await eventually(() => sc.botMessages(thread.id).length === before + 1);
    await eventually(() => !timersOf(thread.id).includes('remind_author'));
    await sc.bot!.stop();
    await sc.startBot();
    await sc.settle();
    expect(sc.botMessages(thread.id)).toHaveLength(before + 1);
  });

  it('closes and archives a solved thread when its auto-close comes due', async () => {
    sc = await Scenario.start();
    const { thread, starter } = sc.fake.act.forumPost(sc.people.alice, '401 in the tui', TUI_401);
    await sc.replyTo(starter);
    await answerOf(sc.fake.act.slash(sc.people.alice, 'solved', thread.id));
    await eventually(() => timersOf(thread.id).includes('auto_close'));

    await comesDueWhileDown(thread.id, 'auto_close');
    await eventually(() => rows(sc, 'SELECT status FROM threads WHERE id = ?', thread.id)[0]?.status === 'closed');
    await eventually(() => (sc.fake.state.channel(thread.id) as { thread_metadata: { archived: boolean } }).thread_metadata.archived);
    expect(timersOf(thread.id)).toEqual([]);
  });
});
