// Issue 8, scenario 5 (the part that holds without the issue-7 workflow): a full API key pasted
// in a forum post, a DM, an edit, the /diagnose modal and under "Diagnose with Pincer" appears
// nowhere afterwards — not in the SQLite file (-wal/-shm too), not in the bot's log output, not in
// anything the bot sent to Discord.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_CREDENTIALS } from '../fixtures/secrets/fake-credentials.ts';
import { eventually } from '../fake-discord/eventually.ts';
import { findTraces } from '../security/traces.ts';
import { Scenario } from './harness/scenario.ts';
import { seedText } from './harness/seed.ts';

const key = (type: string) => FAKE_CREDENTIALS.find((c) => c.credentialType === type)!;
const anthropic = key('anthropic_api_key');
const openai = key('openai_project_key');
const PASTE = `${seedText(0)}\nANTHROPIC_API_KEY=${anthropic.secret}`;

let sc: Scenario;
let sentToDiscord: string[];
let logs: string[];

beforeAll(async () => {
  sc = await Scenario.start();
  const { act, state } = sc.fake;
  const { starter } = act.forumPost(sc.people.alice, 'key inside', PASTE);
  await sc.replyTo(starter);
  const dm = act.dm(sc.people.bob, `my key is ${openai.secret} and I get ${seedText(0)}`);
  await sc.replyTo(dm);
  act.edit(starter, `${PASTE}\nOPENAI_API_KEY=${openai.secret}`);
  const cmd = act.slash(sc.people.bob, 'diagnose', state.generalChannel.id);
  await eventually(() => cmd.modal);
  const submit = act.submitModal(cmd, { [cmd.modal!.components[0].components[0].custom_id]: PASTE });
  await eventually(() => submit.original);
  const target = act.say(state.generalChannel.id, sc.people.random, PASTE);
  const menu = act.contextMenu(sc.people.helper, 'Diagnose with Pincer', target);
  await eventually(() => menu.original?.content);
  await sc.settle();
  const bot = sc.bot!;
  expect(await bot.stop()).toBe(0); // clean stop: the database is closed and checkpointed
  sc.bot = null;
  logs = bot.logs.raw;
  sentToDiscord = sc.fake.recorder.requests().map((r) => JSON.stringify(r.body) + r.files.map((f) => Buffer.from(f.bytes).toString('utf8')).join(''));
}, 120_000);
afterAll(async () => {
  await sc?.close();
}, 60_000);

describe('a pasted API key', () => {
  it('was really pasted and really handled (the check below could fail)', () => {
    expect(findTraces({ outputs: [PASTE] }, [anthropic]).length).toBeGreaterThan(0);
    expect(logs.length).toBeGreaterThan(3);
    expect(sentToDiscord.length).toBeGreaterThan(3);
  });

  it('appears nowhere: database file, log output, requests to Discord', () => {
    expect(findTraces({ dbPath: sc.dbPath, logs, outputs: sentToDiscord })).toEqual([]);
  });

  // Deletion, the public note and the rotation DM: test/e2e/workflow/leaked-keys.test.ts.
});
