// Issue 7 / 9 end to end: a message holding a full credential. Deleted where Pincer may (Manage
// Messages, guild only), else the helpers are alerted; a public note without the secret says
// which; rotation steps by DM; a mod-log line; a row without the secret. The key appears nowhere
// in the database file or the log output.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_CREDENTIALS, tracesIn } from '../../fixtures/secrets/fake-credentials.ts';
import { eventually } from '../../fake-discord/eventually.ts';
import { Scenario } from '../harness/scenario.ts';
import { rows } from './helpers.ts';

let sc: Scenario;
afterEach(async () => sc?.close());

const key = FAKE_CREDENTIALS.find((c) => c.credentialType === 'anthropic_api_key')!;
const paste = `my config:\nexport ANTHROPIC_API_KEY="${key.secret}"\nrun error: HTTP 401 authentication_error: invalid x-api-key`;

/** Everything the bot left behind: the SQLite files (db, -wal, -shm) and its log output. */
function traces(): string[] {
  const files = readdirSync(sc.dir).map((f) => readFileSync(join(sc.dir, f)).toString('latin1'));
  return tracesIn([...files, sc.bot!.logs.text()].join('\n'), [key]);
}
const deletes = (channelId: string) => sc.fake.recorder.requests('DELETE', new RegExp(`^/channels/${channelId}/messages/\\d+$`));
const leakRows = () => rows(sc, 'SELECT thread_id, author_id, credential_types, in_guild, removed, alerted_helpers FROM leaked_credentials');

/** Takes Manage Messages (and Administrator) away from Pincer's role before it starts. */
function withoutManageMessages(s: Scenario): void {
  const st = s.fake.state;
  const botRole = st.roles.get(st.members.get(st.bot.id)!.roles[0]!)!;
  botRole.permissions = String(BigInt(botRole.permissions) & ~(8n | (1n << 13n)));
}

describe('a full credential in a message', { timeout: 60_000 }, () => {
  it('in a forum post: removed, public note without it, rotation steps by DM, mod-log line, no trace anywhere', async () => {
    sc = await Scenario.start();
    const { alice } = sc.people;
    const { thread, starter } = sc.fake.act.forumPost(alice, 'key problem', paste);
    await eventually(() => deletes(thread.id).length === 1);
    expect(sc.fake.state.channelMessages(thread.id).has(starter.id)).toBe(false);
    const note = await eventually(() => sc.botMessages(thread.id).find((m) => m.content.includes('full credential')));
    expect(note.content).toContain('anthropic api key');
    expect(note.content).toContain('I removed the message');
    // One warning: Pincer's answer to the 401 does not repeat it, nor show the key even masked.
    const answer = await eventually(() => sc.botMessages(thread.id).find((m) => m.content.includes('openclaw models status')));
    expect(answer.content).not.toMatch(/full credential|sk-ant-api03-/);
    const dm = await eventually(() => sc.botMessages(sc.fake.act.dmChannelId(alice))[0]);
    expect(dm.content).toContain('https://console.anthropic.com/settings/keys');
    const modlog = await eventually(() => sc.botMessages(sc.fake.state.modLogChannel.id)[0]);
    expect(modlog.content).toBe(
      `Credential removed: anthropic api key posted by <@${alice.id}> (${alice.id}) in https://discord.com/channels/${sc.fake.state.guildId}/${thread.id}.`,
    );
    await eventually(() => leakRows().length === 1);
    expect(leakRows()).toEqual([{ thread_id: thread.id, author_id: alice.id, credential_types: 'anthropic_api_key', in_guild: 1, removed: 1, alerted_helpers: 0 }]);
    expect(sc.botMessages(sc.fake.state.helperChannel.id)).toEqual([]);
    await sc.settle();
    const everything = [thread.id, sc.fake.state.modLogChannel.id, sc.fake.state.helperChannel.id, sc.fake.act.dmChannelId(alice)]
      .flatMap((c) => sc.botMessages(c).map((m) => m.content))
      .join('\n');
    expect(tracesIn(everything, [key])).toEqual([]);
    expect(traces()).toEqual([]);
  });

  it('without Manage Messages: nothing deleted, the helpers are alerted and the note says so', async () => {
    sc = await Scenario.start({ bot: false });
    withoutManageMessages(sc);
    await sc.startBot();
    const { alice } = sc.people;
    const { thread } = sc.fake.act.forumPost(alice, 'key problem', paste);
    const note = await eventually(() => sc.botMessages(thread.id).find((m) => m.content.includes('full credential')));
    expect(note.content).toContain('I could not remove the message, so I asked the helpers');
    const alert = await eventually(() => sc.botMessages(sc.fake.state.helperChannel.id)[0]);
    expect(alert.content).toContain('Pincer lacks Manage Messages here');
    expect(alert.content).toContain(`https://discord.com/channels/${sc.fake.state.guildId}/${thread.id}/`);
    await eventually(() => leakRows().length === 1);
    expect(leakRows()).toEqual([{ thread_id: thread.id, author_id: alice.id, credential_types: 'anthropic_api_key', in_guild: 1, removed: 0, alerted_helpers: 1 }]);
    expect(deletes(thread.id)).toEqual([]);
    expect((await eventually(() => sc.botMessages(sc.fake.state.modLogChannel.id)[0])).content).toMatch(/^Credential NOT removed/);
    await sc.settle();
    expect(traces()).toEqual([]);
  });

  it('in a DM: a bot cannot delete it, and the note says so with the rotation steps', async () => {
    sc = await Scenario.start();
    const { alice } = sc.people;
    sc.fake.act.dm(alice, paste);
    const dmId = sc.fake.act.dmChannelId(alice);
    const note = await eventually(() => sc.botMessages(dmId).find((m) => m.content.includes('full credential')));
    expect(note.content).toContain('A bot cannot delete messages in DMs');
    expect(note.content).toContain('openclaw models status');
    await eventually(() => leakRows().length === 1);
    expect(leakRows()).toEqual([{ thread_id: `dm:${alice.id}`, author_id: alice.id, credential_types: 'anthropic_api_key', in_guild: 0, removed: 0, alerted_helpers: 0 }]);
    expect(deletes(dmId)).toEqual([]);
    expect(sc.botMessages(sc.fake.state.modLogChannel.id)).toEqual([]);
    await sc.settle();
    expect(traces()).toEqual([]);
  });

  it('in a channel Pincer does not watch, found by "Diagnose with Pincer": removed, noted, DMed and logged once', async () => {
    sc = await Scenario.start();
    const { alice, helper } = sc.people;
    const general = sc.fake.state.generalChannel.id;
    const target = sc.fake.act.say(general, alice, paste);
    await sc.settle();
    expect(sc.botMessages(general)).toEqual([]); // not a help channel: Pincer did not read it
    const menu = sc.fake.act.contextMenu(helper, 'Diagnose with Pincer', target);
    const answer = await eventually(() => (menu.original?.content ? menu.original : undefined));
    expect(answer.content).toContain('full credential');
    await eventually(() => deletes(general).length === 1);
    const note = await eventually(() => sc.botMessages(general).find((m) => m.content.includes('full credential')));
    expect(note.content).toContain('I removed the message');
    expect((await eventually(() => sc.botMessages(sc.fake.state.modLogChannel.id)[0])).content).toMatch(/^Credential removed: anthropic api key posted by/);
    await eventually(() => sc.botMessages(sc.fake.act.dmChannelId(alice)).length === 1);
    await eventually(() => leakRows().length === 1);
    expect(leakRows()).toEqual([{ thread_id: null, author_id: alice.id, credential_types: 'anthropic_api_key', in_guild: 1, removed: 1, alerted_helpers: 0 }]);
    await sc.settle();
    expect(tracesIn(answer.content, [key])).toEqual([]);
    expect(traces()).toEqual([]);
  });

  it('"Diagnose with Pincer" on a message Pincer already handled does not note or log it twice', async () => {
    sc = await Scenario.start({ bot: false });
    withoutManageMessages(sc); // the message stays, so the menu can still be used on it
    await sc.startBot();
    const { alice, helper } = sc.people;
    const { thread, starter } = sc.fake.act.forumPost(alice, 'key problem', paste);
    await eventually(() => leakRows().length === 1);
    await sc.settle();
    const notes = () => sc.botMessages(thread.id).filter((m) => m.content.includes('full credential'));
    const before = { notes: notes().length, modlog: sc.botMessages(sc.fake.state.modLogChannel.id).length };
    const menu = sc.fake.act.contextMenu(helper, 'Diagnose with Pincer', starter);
    await eventually(() => menu.original?.content);
    await sc.settle();
    expect({ notes: notes().length, modlog: sc.botMessages(sc.fake.state.modLogChannel.id).length }).toEqual(before);
    expect(leakRows()).toHaveLength(1);
  });
});
