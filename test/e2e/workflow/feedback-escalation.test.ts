// Issue 7 end to end: the Worked / Didn't work / Dismiss buttons, the helper-channel alert with
// its Acknowledge button, and /helper — permission cases and the rows written in SQLite.
import { afterEach, describe, expect, it } from 'vitest';
import { HELPER_TEXTS } from '../../../src/discord/commands/helper.ts';
import { ACK_TEXTS } from '../../../src/discord/workflow/escalation.ts';
import { ANSWERS } from '../../../src/discord/workflow/feedback.ts';
import { ONLY_AUTHOR_OR_HELPER } from '../../../src/discord/workflow/roles.ts';
import { eventually } from '../../fake-discord/eventually.ts';
import { Scenario } from '../harness/scenario.ts';
import { answerOf, BILLING_ERROR, botReactions, buttonId, rows, tagNames } from './helpers.ts';

let sc: Scenario;
afterEach(async () => sc?.close());

async function answeredPost() {
  const { thread, starter } = sc.fake.act.forumPost(sc.people.alice, 'billing error', BILLING_ERROR);
  const reply = await sc.replyTo(starter);
  return { thread, reply };
}
const click = (who: keyof Scenario['people'], m: { id: string; channel_id: string }, label: string) => {
  const current = sc.fake.state.channelMessages(m.channel_id).get(m.id)!;
  const id = buttonId(current, label);
  if (!id) throw new Error(`no ${label} button on message ${m.id}`);
  return sc.fake.act.click(sc.people[who], current, id);
};
const helperPosts = () => sc.botMessages(sc.fake.state.helperChannel.id);

describe('feedback buttons', { timeout: 60_000 }, () => {
  it("Didn't work: refused for a random member; from the author it is a failed fix that alerts the helpers once", async () => {
    sc = await Scenario.start();
    const { alice, helper } = sc.people;
    const { thread, reply } = await answeredPost();
    expect(['Worked', "Didn't work", 'Dismiss'].every((l) => buttonId(reply, l))).toBe(true);

    expect(await answerOf(click('random', reply, "Didn't work"))).toEqual({ content: ONLY_AUTHOR_OR_HELPER, ephemeral: true });
    expect(rows(sc, 'SELECT * FROM feedback')).toEqual([]);

    expect(await answerOf(click('alice', reply, "Didn't work"))).toEqual({ content: ANSWERS.didnt_work, ephemeral: true });
    expect(rows(sc, 'SELECT verdict, given_by FROM feedback WHERE thread_id = ?', thread.id)).toEqual([{ verdict: 'didnt_work', given_by: alice.id }]);
    expect(rows(sc, 'SELECT branch, outcome FROM suggestions WHERE thread_id = ?', thread.id)).toEqual([{ branch: 'credit_balance_low', outcome: 'failed' }]);
    expect(rows(sc, 'SELECT reason FROM escalations WHERE thread_id = ?', thread.id)).toEqual([{ reason: 'didnt_work' }]);
    const alert = await eventually(() => helperPosts()[0]);
    expect(alert.content).toContain(`https://discord.com/channels/${sc.fake.state.guildId}/${thread.id}`);
    expect(alert.content).toContain('`credit_balance_low`');
    expect(alert.content).toMatch(/Tried:\*\*\n- .*credit_balance_low.*failed/);
    expect(buttonId(alert, 'Acknowledge')).toBeDefined();
    await eventually(() => tagNames(sc, thread.id).includes('needs-human'));

    // A second "didn't work" does not alert the helpers again.
    click('alice', reply, "Didn't work");
    await sc.settle();
    expect(helperPosts()).toHaveLength(1);

    expect(await answerOf(click('random', alert, 'Acknowledge'))).toEqual({ content: ACK_TEXTS.onlyHelpers, ephemeral: true });
    expect(rows(sc, 'SELECT acknowledged_by FROM helper_alerts WHERE thread_id = ?', thread.id)).toEqual([{ acknowledged_by: null }]);
    const ack = click('helper', alert, 'Acknowledge');
    await eventually(() => ack.followups[0]?.content === ACK_TEXTS.done);
    const edited = sc.fake.state.channelMessages(alert.channel_id).get(alert.id)!;
    expect(edited.content).toContain(`Acknowledged by <@${helper.id}>`);
    expect(edited.components).toEqual([]);
    expect(rows(sc, 'SELECT reason, branch, posted_id, acknowledged_by FROM helper_alerts WHERE thread_id = ?', thread.id)).toEqual([
      { reason: 'didnt_work', branch: 'credit_balance_low', posted_id: alert.id, acknowledged_by: helper.id },
    ]);
  });

  it('Worked from the author solves the thread by Pincer’s reply; Dismiss from a helper deletes a reply', async () => {
    sc = await Scenario.start();
    const { alice } = sc.people;
    const first = await answeredPost();
    expect(await answerOf(click('alice', first.reply, 'Worked'))).toEqual({ content: ANSWERS.worked, ephemeral: true });
    expect(rows(sc, 'SELECT solved_by, pincer_reply, source, branch FROM solutions WHERE thread_id = ?', first.thread.id)).toEqual([
      { solved_by: alice.id, pincer_reply: 1, source: 'feedback', branch: 'credit_balance_low' },
    ]);
    await eventually(() => botReactions(sc, first.reply.id).includes('✅'));
    await eventually(() => tagNames(sc, first.thread.id).includes('solved'));

    const second = await answeredPost();
    expect(await answerOf(click('helper', second.reply, 'Dismiss'))).toEqual({ content: ANSWERS.dismiss, ephemeral: true });
    await eventually(() => !sc.fake.state.channelMessages(second.thread.id).has(second.reply.id));
    expect(rows(sc, 'SELECT deleted, posted_id FROM replies WHERE thread_id = ?', second.thread.id)).toEqual([{ deleted: 1, posted_id: second.reply.id }]);
    expect(rows(sc, 'SELECT verdict FROM feedback WHERE thread_id = ?', second.thread.id)).toEqual([{ verdict: 'dismiss' }]);
  });
});

describe('/helper', { timeout: 60_000 }, () => {
  it('refuses a random member, holds the author back right after a reply, and posts once for a helper', async () => {
    sc = await Scenario.start();
    const { thread } = await answeredPost();
    expect(await answerOf(sc.fake.act.slash(sc.people.random, 'helper', thread.id))).toEqual({ content: ONLY_AUTHOR_OR_HELPER, ephemeral: true });
    expect(await answerOf(sc.fake.act.slash(sc.people.alice, 'helper', thread.id))).toEqual({ content: HELPER_TEXTS.wait(30), ephemeral: true });
    expect(rows(sc, 'SELECT * FROM escalations')).toEqual([]);
    expect(helperPosts()).toEqual([]);

    expect(await answerOf(sc.fake.act.slash(sc.people.helper, 'helper', thread.id))).toEqual({ content: HELPER_TEXTS.called, ephemeral: true });
    expect(rows(sc, 'SELECT reason FROM escalations WHERE thread_id = ?', thread.id)).toEqual([{ reason: 'requested' }]);
    const alert = await eventually(() => helperPosts()[0]);
    expect(alert.content).toContain('/helper');
    expect(await answerOf(sc.fake.act.slash(sc.people.alice, 'helper', thread.id))).toEqual({ content: HELPER_TEXTS.already, ephemeral: true });
    await sc.settle();
    expect(helperPosts()).toHaveLength(1);
    expect(rows(sc, 'SELECT COUNT(*) AS n FROM helper_alerts')).toEqual([{ n: 1 }]);
  });
});
