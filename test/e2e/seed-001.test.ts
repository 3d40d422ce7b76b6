// Issue 8, scenario 1: seed 001 — the real help thread Pincer exists to end — replayed message
// by message in a forum post against the real bot. Pincer's replies must be the terminal replay's
// (`pincer replay --json`), in order, none twice, including the messages posted while the bot
// was stopped (caught up after the restart, answered once).
import type { APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scenario } from './harness/scenario.ts';
import { eventually } from '../fake-discord/eventually.ts';
import { seed001, terminalReplay, type ReplayLine } from './harness/seed.ts';
import { tagNames } from './workflow/helpers.ts';

/** Messages [STOP_AT, RESTART_AT) are posted while the bot is stopped. */
const STOP_AT = 24;
const RESTART_AT = 30;

let sc: Scenario;
let replay: ReplayLine[];
const posted: APIMessage[] = [];

/** Waits until the bot's pipeline has handled message `m` (its debug line names the event). */
const handled = (m: APIMessage) =>
  sc.bot!.logs.waitFor((l) => l.msg === 'event handled' && l.eventId === `message:${m.id}`, 20_000);

function post(i: number, silent = false): APIMessage {
  const { role, text } = seed001[i]!;
  const author = role === 'user' ? sc.people.alice : sc.people.oldBot;
  if (i === 0) return sc.fake.act.forumPost(author, text.slice(0, 100), text, { silent }).starter;
  return sc.fake.act.say(posted[0]!.channel_id, author, text, { silent });
}

beforeAll(async () => {
  replay = terminalReplay();
  sc = await Scenario.start();
  for (let i = 0; i < seed001.length; i++) {
    if (i === STOP_AT) await sc.bot!.stop();
    if (i === RESTART_AT) await sc.startBot(); // catch-up answers STOP_AT..RESTART_AT-1
    const m = post(i, i >= STOP_AT && i < RESTART_AT);
    posted.push(m);
    if (i < STOP_AT || i >= RESTART_AT) await handled(m);
  }
  await sc.settle();
}, 240_000);
afterAll(async () => {
  await sc?.close();
}, 60_000);

describe('seed 001 in a forum post', () => {
  it('posts exactly the replies of the terminal replay, in order, each to its message', () => {
    const expected = replay.filter((l) => l.reply !== null).map((l) => ({ to: posted[l.index]!.id, text: l.reply }));
    const actual = sc.botMessages(posted[0]!.channel_id).map((m) => ({ to: m.message_reference?.message_id, text: m.content }));
    expect(expected.length).toBeGreaterThan(10);
    expect(actual).toEqual(expected);
  });

  it('answered the messages posted while it was stopped, once each', () => {
    const missed = replay.filter((l) => l.index >= STOP_AT && l.index < RESTART_AT && l.reply !== null);
    expect(missed.length).toBeGreaterThan(0);
    for (const l of missed) expect(sc.repliesTo(posted[l.index]!)).toHaveLength(1);
  });

  it("mirrors the thread's state in its forum tags, as the terminal replay reports it", async () => {
    const stateTag: Record<string, string> = { needs_info: 'needs-info', bot_answered: 'bot-answered', needs_human: 'needs-human', solved: 'solved' };
    const expected = stateTag[replay.at(-1)!.state];
    expect(expected).toBeDefined();
    await eventually(() => tagNames(sc, posted[0]!.channel_id).includes(expected!), { timeout: 10_000, message: `no ${expected} tag` });
    const stateTags = tagNames(sc, posted[0]!.channel_id).filter((t) => Object.values(stateTag).includes(t));
    expect(stateTags).toEqual([expected]);
  });

  it('never posts the same reply text twice', () => {
    const texts = sc.botMessages(posted[0]!.channel_id).map((m) => m.content);
    expect(new Set(texts).size).toBe(texts.length);
  });
});
