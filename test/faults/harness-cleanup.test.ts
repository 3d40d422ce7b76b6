// Issue 15 #10: the e2e harness leaked the bot child when a scenario failed to start (one stayed
// alive for 42 minutes, blocked on a full stderr pipe). A bot that never becomes ready is now
// killed as soon as its start fails, not left for a close() the failing caller never reaches.
import { afterEach, describe, expect, it } from 'vitest';
import { Scenario } from '../e2e/harness/scenario.ts';

let sc: Scenario | undefined;
afterEach(async () => sc?.close(), 60_000);

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('a bot that never becomes ready', { timeout: 60_000 }, () => {
  it('the failed start rejects and its child process is gone', async () => {
    sc = await Scenario.start({ bot: false });
    sc.fake.faults.rest.inject({ method: 'GET', path: /^\/guilds\/\d+\/threads\/active$/, times: 10, fault: { kind: 'hang' } });
    let pid = 0;
    const start = sc.startBot({ readyTimeoutMs: 4_000 });
    pid = sc.bot!.child.pid!;
    await expect(start).rejects.toThrow(/catch-up done/);
    expect(pid).toBeGreaterThan(0);
    expect(alive(pid)).toBe(false);
  });
});
