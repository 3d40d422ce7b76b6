// Issue 7 end to end: /pincer status|stats|explain|pause|resume for moderators (checked on
// Pincer's side: the fake gives every member full permissions in interactions, so only the role
// check can refuse), and /pincer forget-me for everyone — with the rows in SQLite.
import { afterEach, describe, expect, it } from 'vitest';
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { MOD_TEXTS } from '../../../src/discord/workflow/moderator.ts';
import { ONLY_MODERATORS } from '../../../src/discord/workflow/roles.ts';
import { eventually } from '../../fake-discord/eventually.ts';
import { Scenario } from '../harness/scenario.ts';
import { answerOf, BILLING_ERROR, rows, TUI_401 } from './helpers.ts';

let sc: Scenario;
afterEach(async () => sc?.close());

const sub = (name: string, options: { name: string; type: number; value: string | number }[] = []) => ({
  options: [{ name, type: ApplicationCommandOptionType.Subcommand as const, options: options as never[] }],
});
const pincer = (who: keyof Scenario['people'], channelId: string, name: string, options?: Parameters<typeof sub>[1]) =>
  answerOf(sc.fake.act.slash(sc.people[who], 'pincer', channelId, sub(name, options)));

describe('/pincer for moderators', { timeout: 60_000 }, () => {
  it('status, stats and explain answer moderators only', async () => {
    sc = await Scenario.start();
    const { starter, thread } = sc.fake.act.forumPost(sc.people.alice, 'billing error', BILLING_ERROR);
    await sc.replyTo(starter);
    const general = sc.fake.state.generalChannel.id;

    for (const name of ['status', 'stats', 'pause']) {
      expect(await pincer('random', name === 'pause' ? thread.id : general, name)).toEqual({ content: ONLY_MODERATORS, ephemeral: true });
    }
    expect(await pincer('helper', general, 'status')).toEqual({ content: ONLY_MODERATORS, ephemeral: true });

    const status = await pincer('moderator', general, 'status');
    expect(status.ephemeral).toBe(true);
    expect(status.content).toMatch(/Uptime: .+\nGateway latency: .+\nDatabase: \d+ KB\nThreads: 1 open, 0 solved, 0 closed\nAnswers held by reply limits: 0/);

    const stats = await pincer('moderator', general, 'stats', [{ name: 'days', type: ApplicationCommandOptionType.Integer, value: 7 }]);
    expect(stats.content).toContain('last 7 days');
    expect(stats.content).toContain('Threads: 1');
    expect(stats.content).toContain('Branches answered: `credit_balance_low` ×1');

    const explained = await pincer('moderator', general, 'explain', [{ name: 'branch', type: ApplicationCommandOptionType.String, value: 'credit_balance_low' }]);
    expect(explained.content).toMatch(/^credit_balance_low — /);
  });

  it('pause and resume one thread: refused for a member, and the row and the replies follow a moderator', async () => {
    sc = await Scenario.start();
    const { alice } = sc.people;
    const { starter, thread } = sc.fake.act.forumPost(alice, 'billing error', BILLING_ERROR);
    await sc.replyTo(starter);
    expect(await pincer('alice', thread.id, 'pause')).toEqual({ content: ONLY_MODERATORS, ephemeral: true });
    expect(rows(sc, 'SELECT paused FROM threads WHERE id = ?', thread.id)).toEqual([{ paused: 0 }]);

    expect(await pincer('moderator', thread.id, 'pause')).toEqual({ content: MOD_TEXTS.paused, ephemeral: true });
    expect(rows(sc, 'SELECT paused FROM threads WHERE id = ?', thread.id)).toEqual([{ paused: 1 }]);
    const quiet = sc.fake.act.say(thread.id, alice, TUI_401);
    await eventually(() => rows(sc, 'SELECT 1 FROM messages WHERE message_id = ?', quiet.id).length === 1);
    await sc.settle();
    expect(sc.repliesTo(quiet)).toEqual([]);

    expect(await pincer('moderator', thread.id, 'resume')).toEqual({ content: MOD_TEXTS.resumed, ephemeral: true });
    expect(rows(sc, 'SELECT paused FROM threads WHERE id = ?', thread.id)).toEqual([{ paused: 0 }]);
  });
});

describe('/pincer forget-me', { timeout: 60_000 }, () => {
  it("deletes the caller's messages and evidence, keeps anonymous counts, and touches nobody else", async () => {
    sc = await Scenario.start();
    const { alice, bob } = sc.people;
    const a = sc.fake.act.forumPost(alice, 'billing error', BILLING_ERROR);
    await sc.replyTo(a.starter);
    const b = sc.fake.act.forumPost(bob, 'tui', TUI_401);
    await sc.replyTo(b.starter);
    const count = (sql: string, ...p: unknown[]) => rows(sc, sql, ...p)[0]!.n as number;
    expect(count('SELECT COUNT(*) AS n FROM messages WHERE author_id = ?', alice.id)).toBe(1);
    const bobFacts = count('SELECT COUNT(*) AS n FROM facts WHERE thread_id = ?', b.thread.id);
    const dm = sc.fake.act.dm(alice, TUI_401);
    await sc.replyTo(dm);
    expect(count('SELECT COUNT(*) AS n FROM threads WHERE id = ?', `dm:${alice.id}`)).toBe(1);

    const answer = await answerOf(sc.fake.act.slash(alice, 'pincer', sc.fake.state.generalChannel.id, sub('forget-me')));
    expect(answer.ephemeral).toBe(true);
    expect(answer.content).toMatch(/^Done\. I deleted 2 messages and \d+ pieces? of evidence/);
    expect(count('SELECT COUNT(*) AS n FROM threads WHERE id = ?', `dm:${alice.id}`)).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM messages WHERE author_id = ?', alice.id)).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM facts WHERE thread_id = ?', a.thread.id)).toBe(0);
    expect(rows(sc, 'SELECT author_id, status FROM threads WHERE id = ?', a.thread.id)).toEqual([{ author_id: 'forgotten', status: 'bot_answered' }]);
    expect(count('SELECT COUNT(*) AS n FROM suggestions WHERE thread_id = ?', a.thread.id)).toBe(1);
    expect(count("SELECT COUNT(*) AS n FROM threads WHERE author_id = ?", alice.id)).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM messages WHERE author_id = ?', bob.id)).toBe(1);
    expect(count('SELECT COUNT(*) AS n FROM facts WHERE thread_id = ?', b.thread.id)).toBe(bobFacts);
  });
});
