// Issue 15 #1: a pasted key stayed public after a crash. Discord hung the deletion, the bot was
// killed (-9) and restarted: the event was marked processed before the deletion ran, so nothing
// retried it, and no note, DM or mod-log line was sent. The workflow is now durable work, retried
// until done. Also a key added by an edit made while Pincer was down: catch-up sees it.
import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_CREDENTIALS } from '../fixtures/secrets/fake-credentials.ts';
import { eventually } from '../fake-discord/eventually.ts';
import { Scenario } from '../e2e/harness/scenario.ts';
import { seedText } from '../e2e/harness/seed.ts';

let sc: Scenario;
afterEach(async () => sc?.close(), 60_000);

const key = FAKE_CREDENTIALS.find((c) => c.credentialType === 'anthropic_api_key')!;
const paste = `my config:\nexport ANTHROPIC_API_KEY="${key.secret}"\nrun error: HTTP 401 authentication_error: invalid x-api-key`;

/** The key gone from the thread, one note, one DM, one mod-log line: what the user and mods see. */
async function handledOnce(threadId: string, messageId: string): Promise<void> {
  await eventually(() => !sc.fake.state.channelMessages(threadId).has(messageId), { timeout: 40_000, message: 'the key is still visible' });
  await eventually(() => sc.botMessages(sc.fake.state.modLogChannel.id).length > 0, { timeout: 20_000, message: 'no mod-log line' });
  await sc.settle(1_000, 20_000);
  expect(sc.botMessages(threadId).filter((m) => m.content.includes('full credential'))).toHaveLength(1);
  expect(sc.botMessages(sc.fake.act.dmChannelId(sc.people.alice)).filter((m) => m.content.includes('revoke'))).toHaveLength(1);
  expect(sc.botMessages(sc.fake.state.modLogChannel.id)).toHaveLength(1);
}

describe('a pasted key and a crash', { timeout: 120_000 }, () => {
  it('Discord hangs the deletion, the bot is killed -9 and restarted: the key is removed, noted, DMed and logged once', async () => {
    sc = await Scenario.start();
    sc.fake.faults.rest.inject({ method: 'DELETE', path: /^\/channels\/\d+\/messages\/\d+$/, times: 50, fault: { kind: 'hang' } });
    const { thread, starter } = sc.fake.act.forumPost(sc.people.alice, 'key problem', paste);
    await eventually(() => sc.fake.recorder.requests('DELETE').length > 0, { timeout: 20_000 });
    await sc.killBot();
    expect(sc.fake.state.channelMessages(thread.id).has(starter.id)).toBe(true); // still public: the fault held
    sc.fake.faults.rest.clear();
    await sc.startBot();
    await handledOnce(thread.id, starter.id);
  });

  it('a key added by an edit while Pincer was down: catch-up reads the edit and handles the key', async () => {
    sc = await Scenario.start();
    const { thread, starter } = sc.fake.act.forumPost(sc.people.alice, 'help', seedText(0));
    await sc.replyTo(starter);
    await sc.settle();
    await sc.killBot();
    sc.fake.act.edit(starter, `${seedText(0)}\n${paste}`);
    await sc.startBot();
    await handledOnce(thread.id, starter.id);
  });
});
