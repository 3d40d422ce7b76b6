// Issue 7 end to end: "Pincer: Mark solution", /solved, /unsolve and Answer Overflow's ✅, with
// the permission cases and the rows the bot writes in its SQLite file.
import { afterEach, describe, expect, it } from 'vitest';
import { ONLY_AUTHOR_OR_HELPER } from '../../../src/discord/workflow/roles.ts';
import { SOLUTION_TEXTS } from '../../../src/discord/workflow/solutions.ts';
import { eventually } from '../../fake-discord/eventually.ts';
import { Scenario } from '../harness/scenario.ts';
import { answerOf, BILLING_ERROR, botReactions, reactAs, rows, tagNames } from './helpers.ts';

let sc: Scenario;
afterEach(async () => sc?.close());

const solutionsOf = (threadId: string) =>
  rows(sc, 'SELECT message_id, solved_by, branch, pincer_reply, source FROM solutions WHERE thread_id = ? ORDER BY ord', threadId);
const statusOf = (threadId: string) => rows(sc, 'SELECT status FROM threads WHERE id = ?', threadId)[0]?.status;

async function answeredPost() {
  const { alice } = sc.people;
  const { thread, starter } = sc.fake.act.forumPost(alice, 'billing error', BILLING_ERROR, { tags: [sc.fake.state.tags.windows] });
  const reply = await sc.replyTo(starter);
  await eventually(() => tagNames(sc, thread.id).includes('bot-answered'));
  return { thread, starter, reply };
}

describe('marking a solution', { timeout: 60_000 }, () => {
  it('"Pincer: Mark solution": refused for a random member, done for the author (ephemeral, ✅, solved tag, row)', async () => {
    sc = await Scenario.start();
    const { alice, random } = sc.people;
    const { thread, reply } = await answeredPost();

    const refused = sc.fake.act.contextMenu(random, 'Pincer: Mark solution', reply);
    expect(await answerOf(refused)).toEqual({ content: ONLY_AUTHOR_OR_HELPER, ephemeral: true });
    expect(solutionsOf(thread.id)).toEqual([]);
    expect(botReactions(sc, reply.id)).toEqual([]);

    const marked = sc.fake.act.contextMenu(alice, 'Pincer: Mark solution', reply);
    expect(await answerOf(marked)).toEqual({ content: SOLUTION_TEXTS.marked, ephemeral: true });
    await eventually(() => botReactions(sc, reply.id).includes('✅'));
    await eventually(() => tagNames(sc, thread.id).includes('solved'));
    expect(tagNames(sc, thread.id).sort()).toEqual(['solved', 'windows']);
    expect(solutionsOf(thread.id)).toEqual([
      { message_id: reply.id, solved_by: alice.id, branch: 'credit_balance_low', pincer_reply: 1, source: 'pincer' },
    ]);
    expect(statusOf(thread.id)).toBe('solved');
    expect(sc.botMessages(thread.id)).toHaveLength(1); // confirmations were ephemeral: nothing in the thread
  });

  it('/solved by a helper, /unsolve refused for a random member and done by the author', async () => {
    sc = await Scenario.start();
    const { alice, helper, random } = sc.people;
    const { thread } = await answeredPost();

    expect(await answerOf(sc.fake.act.slash(random, 'solved', thread.id))).toEqual({ content: ONLY_AUTHOR_OR_HELPER, ephemeral: true });
    expect(await answerOf(sc.fake.act.slash(helper, 'solved', thread.id))).toEqual({ content: SOLUTION_TEXTS.markedNoMessage, ephemeral: true });
    expect(solutionsOf(thread.id)).toEqual([{ message_id: null, solved_by: helper.id, branch: 'credit_balance_low', pincer_reply: 0, source: 'pincer' }]);
    await eventually(() => tagNames(sc, thread.id).includes('solved'));

    expect(await answerOf(sc.fake.act.slash(random, 'unsolve', thread.id))).toEqual({ content: ONLY_AUTHOR_OR_HELPER, ephemeral: true });
    expect(solutionsOf(thread.id)).toHaveLength(1);
    expect(await answerOf(sc.fake.act.slash(alice, 'unsolve', thread.id))).toEqual({ content: SOLUTION_TEXTS.unsolved, ephemeral: true });
    expect(solutionsOf(thread.id)).toEqual([]);
    expect(statusOf(thread.id)).toBe('bot_answered');
    await eventually(() => tagNames(sc, thread.id).includes('bot-answered'));
    expect(tagNames(sc, thread.id).sort()).toEqual(['bot-answered', 'windows']);
  });

  it("records Answer Overflow's ✅ as a solution, once, and ignores a ✅ from a member", async () => {
    sc = await Scenario.start();
    const { bob, oldBot } = sc.people;
    const { thread } = await answeredPost();
    const answer = sc.fake.act.say(thread.id, bob, 'top up the balance in the console, that fixed it for me');
    await sc.settle();
    reactAs(sc, bob, answer, '✅');
    reactAs(sc, oldBot, answer, '✅');
    reactAs(sc, oldBot, answer, '✅');
    await eventually(() => solutionsOf(thread.id).length === 1);
    await sc.settle();
    expect(solutionsOf(thread.id)).toEqual([
      { message_id: answer.id, solved_by: oldBot.id, branch: 'credit_balance_low', pincer_reply: 0, source: 'answer_overflow' },
    ]);
    await eventually(() => tagNames(sc, thread.id).includes('solved'));
  });
});
