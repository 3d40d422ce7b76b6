// Issue 15 #5: Discord created the reply but answered after 6 s, past the client's 5 s timeout;
// discord.js sent the request again and the reply came out twice (3 of 5 before the fix). Replies
// now carry a nonce with `enforce_nonce`, so Discord drops the repeat: each answered once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIMessage } from 'discord-api-types/v10';
import { Scenario } from '../e2e/harness/scenario.ts';
import { seedText } from '../e2e/harness/seed.ts';

let sc: Scenario;
const starters: APIMessage[] = [];

beforeAll(async () => {
  sc = await Scenario.start();
  sc.fake.faults.rest.inject({ method: 'POST', path: /^\/channels\/\d+\/messages$/, times: 5, fault: { kind: 'late', ms: 6_000 } });
  for (const who of ['alice', 'bob', 'alice', 'bob', 'alice'] as const) {
    starters.push(sc.fake.act.forumPost(sc.people[who], `slow ${starters.length}`, seedText(0)).starter);
  }
  for (const s of starters) await sc.replyTo(s, 30_000);
  await sc.settle(8_000, 40_000);
}, 90_000);
afterAll(async () => {
  await sc?.close();
}, 60_000);

describe('Discord answers a reply after the client gave up on it', () => {
  it('the fault hit every first send (the check below could fail)', () => {
    const sends = sc.fake.recorder.requests('POST').filter((r) => /\/channels\/\d+\/messages$/.test(r.path));
    expect(sends.length).toBeGreaterThanOrEqual(10); // each reply was sent again after the timeout
  });

  it('each post is answered exactly once', () => {
    const counts = starters.map((s) => sc.repliesTo(s).length);
    expect(counts).toEqual([1, 1, 1, 1, 1]);
  });
});
