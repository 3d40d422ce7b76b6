// /diagnose (modal and file), the "Diagnose with Pincer" context menu, and deploy-commands.
import { afterEach, describe, expect, it } from 'vitest';
import { deployCommands } from '../../../src/discord/deploy.ts';
import { RESERVED_COMMAND_NAMES } from '../../../src/discord/commands/index.ts';
import { eventually } from '../../fake-discord/eventually.ts';
import { loopbackOnlyAgent } from '../../fake-discord/guard.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
afterEach(async () => h?.stop());

const EPHEMERAL = 64;

describe('/diagnose', () => {
  it('opens a modal with one paragraph field of at most 4000 characters, and answers the paste only to the caller', async () => {
    h = await startHarness();
    const bob = h.fake.state.addUser('bob');
    const shown = h.fake.act.slash(bob, 'diagnose', h.fake.state.generalChannel.id);
    const modal = await eventually(() => shown.modal);
    const field = modal.components[0].components[0];
    expect(field).toMatchObject({ custom_id: 'paste', style: 2, max_length: 4000, required: true });
    const submitted = h.fake.act.submitModal(shown, { paste: 'Error: No API key found for provider "anthropic"' });
    const answer = await eventually(() => submitted.original);
    expect(answer.content).toBe('One-off: Error: No API key found for provider "anthropic"');
    expect(answer.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(h.fake.state.history(h.fake.state.generalChannel.id)).toHaveLength(0);
    expect(h.pipeline.messages).toHaveLength(0);
  });

  it('works in DMs too', async () => {
    h = await startHarness();
    const bob = h.fake.state.addUser('bob');
    const shown = h.fake.act.slash(bob, 'diagnose', h.fake.act.dmChannelId(bob));
    await eventually(() => shown.modal);
    const submitted = h.fake.act.submitModal(shown, { paste: 'invalid x-api-key' });
    expect((await eventually(() => submitted.original)).content).toBe('One-off: invalid x-api-key');
  });

  it('reads an attached file instead of opening the modal', async () => {
    h = await startHarness();
    const bob = h.fake.state.addUser('bob');
    const rec = h.fake.act.slash(bob, 'diagnose', h.fake.state.generalChannel.id, { files: { file: { name: 'output.log', text: 'OAuth token refresh failed for anthropic\nmore' } } });
    const answer = await eventually(() => (rec.original?.content ? rec.original : null));
    expect(rec.modal).toBeNull();
    expect(rec.callbacks[0]).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    expect(answer.content).toBe('One-off: OAuth token refresh failed for anthropic');
    expect(new TextDecoder().decode(h.pipeline.oneOffs[0]!.attachments[0]!.bytes)).toContain('OAuth token refresh failed');
  });
});

describe('"Diagnose with Pincer" context menu', () => {
  it("diagnoses someone's message, text and attachment, answering only the member who asked", async () => {
    h = await startHarness();
    const alice = h.fake.state.addUser('alice');
    const helper = h.fake.state.addUser('hana', [h.fake.state.roleIds.helper]);
    const target = h.fake.act.say(h.fake.state.generalChannel.id, alice, 'my bot says 401', { files: [{ name: 'message.txt', text: 'invalid x-api-key' }] });
    const rec = h.fake.act.contextMenu(helper, 'Diagnose with Pincer', target);
    const answer = await eventually(() => (rec.original?.content ? rec.original : null));
    expect(answer.content).toBe('One-off: my bot says 401');
    expect(answer.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(h.pipeline.oneOffs[0]!.attachments.map((a) => a.name)).toEqual(['message.txt']);
    expect(h.fake.recorder.requests('POST', `/channels/${h.fake.state.generalChannel.id}/messages`)).toHaveLength(0);
  });
});

describe('deploy-commands', () => {
  it('registers /diagnose and the context menu in one guild, without taking Answer Overflow\'s names', async () => {
    h = await startHarness();
    const names = await deployCommands({
      token: 'fake-token.for-tests.only',
      applicationId: h.fake.state.applicationId,
      guildId: h.fake.state.guildId,
      rest: { api: `${h.fake.baseUrl}/api`, agent: loopbackOnlyAgent() },
    });
    expect(names.sort()).toEqual(['Diagnose with Pincer', 'Pincer: Mark solution', 'diagnose', 'helper', 'pincer', 'solved', 'unsolve']);
    const [put] = h.fake.recorder.requests('PUT', `/applications/${h.fake.state.applicationId}/guilds/${h.fake.state.guildId}/commands`);
    expect(put!.body.find((c: { name: string }) => c.name === 'diagnose').contexts).toEqual([0, 1]);
    for (const reserved of RESERVED_COMMAND_NAMES) expect(names.map((n) => n.toLowerCase())).not.toContain(reserved.toLowerCase());
  });

  it('registers globally without a guild', async () => {
    h = await startHarness();
    await deployCommands({ token: 'fake-token.for-tests.only', applicationId: h.fake.state.applicationId, rest: { api: `${h.fake.baseUrl}/api`, agent: loopbackOnlyAgent() } });
    expect(h.fake.recorder.requests('PUT', `/applications/${h.fake.state.applicationId}/commands`)).toHaveLength(1);
  });
});
