// Issue 8, scenarios 2 and 3: where users meet Pincer besides forum posts — DMs, /diagnose with
// its modal, "Diagnose with Pincer" on someone's message — and how pastes arrive: a long paste
// as Discord's message.txt, an edited paste.
import { describe, expect, it } from 'vitest';
import { eventually } from '../fake-discord/eventually.ts';
import { scenarioPerTest, type Scenario } from './harness/scenario.ts';
import { seedText } from './harness/seed.ts';

const PASTE_401 = seedText(0); // the TUI's 401: Pincer asks for `!openclaw models status`
const EPHEMERAL = 64;

let sc: Scenario;
scenarioPerTest((s) => (sc = s));

describe('conversations', { timeout: 60_000 }, () => {
  it('answers a DM in the DM channel', async () => {
    const dm = sc.fake.act.dm(sc.people.alice, PASTE_401);
    const reply = await sc.replyTo(dm);
    expect(reply.channel_id).toBe(dm.channel_id);
    expect(reply.content).toContain('openclaw models status');
  });

  it('/diagnose opens a modal; the submitted paste is answered only to the caller', async () => {
    const cmd = sc.fake.act.slash(sc.people.bob, 'diagnose', sc.fake.state.generalChannel.id);
    await eventually(() => cmd.modal);
    const submit = sc.fake.act.submitModal(cmd, { [cmd.modal!.components[0].components[0].custom_id]: PASTE_401 });
    const answer = await eventually(() => submit.original);
    expect(answer.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(answer.content).toContain('openclaw models status');
    expect(sc.fake.state.history(sc.fake.state.generalChannel.id)).toHaveLength(0);
  });

  it('"Diagnose with Pincer" on someone else\'s message answers the caller ephemerally', async () => {
    const target = sc.fake.act.say(sc.fake.state.generalChannel.id, sc.people.alice, PASTE_401);
    const menu = sc.fake.act.contextMenu(sc.people.helper, 'Diagnose with Pincer', target);
    const answer = await eventually(() => (menu.original?.content ? menu.original : undefined));
    expect(answer.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(answer.content).toContain('openclaw models status');
    expect(sc.botMessages(target.channel_id)).toHaveLength(0);
  });

  it('reads a long paste that Discord turned into message.txt', async () => {
    const noise = Array.from({ length: 3000 }, (_, i) => `12:00:${String(i % 60).padStart(2, '0')} [gateway] heartbeat ok`).join('\n');
    const { starter } = sc.fake.act.forumPost(sc.people.alice, 'long log', '', {
      files: [{ name: 'message.txt', text: `${noise}\n${PASTE_401}\n` }],
    });
    const reply = await sc.replyTo(starter);
    expect(reply.content).toContain('openclaw models status');
  });

  it('an edited paste edits the earlier reply instead of posting a new one', async () => {
    const { starter } = sc.fake.act.forumPost(sc.people.alice, 'help', PASTE_401);
    const reply = await sc.replyTo(starter);
    const firstAnswer = reply.content; // the fake edits its stored message in place
    sc.fake.act.edit(starter, seedText(59)); // now the paste is the credit-balance error
    const edited = await eventually(() => sc.repliesTo(starter).find((m) => m.edited_timestamp !== null));
    await sc.settle();
    expect(edited.id).toBe(reply.id);
    expect(edited.content).not.toBe(firstAnswer);
    expect(edited.content.toLowerCase()).toContain('credit');
    expect(sc.botMessages(starter.channel_id)).toHaveLength(1);
  });
});
