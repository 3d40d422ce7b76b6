// Issue 15 #6: two processes on one database. A second bot on the same file is refused with a
// clear message (one bot per database); `pincer console` writing to the file while the bot runs
// waits its turn instead of failing with "database is locked", and no message is lost or doubled.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { APIMessage } from 'discord-api-types/v10';
import { eventually } from '../fake-discord/eventually.ts';
import { spawnBot } from '../e2e/harness/bot-process.ts';
import { Scenario } from '../e2e/harness/scenario.ts';
import { seedText } from '../e2e/harness/seed.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let sc: Scenario;
afterEach(async () => sc?.close(), 60_000);

describe('two processes on one database', { timeout: 120_000 }, () => {
  it('a second bot on the same file exits non-zero saying another bot runs there; the first answers once', async () => {
    sc = await Scenario.start();
    const second = spawnBot(sc.env);
    const code = await Promise.race([second.exited, new Promise<'running'>((r) => setTimeout(() => r('running'), 20_000))]);
    if (code === 'running') await second.kill();
    expect(code).not.toBe('running');
    expect(code).not.toBe(0);
    expect(second.logs.raw.join('\n')).toMatch(/another Pincer bot \(pid \d+\) is already running on .*pincer\.db/);
    const { starter } = sc.fake.act.forumPost(sc.people.alice, 'after the second bot', seedText(0));
    await sc.replyTo(starter);
    await sc.settle(1_000);
    expect(sc.repliesTo(starter)).toHaveLength(1);
  });

  it('pincer console writing to the file while the bot answers: no "database is locked", every post answered once', async () => {
    sc = await Scenario.start();
    const env: Record<string, string | undefined> = { ...process.env, PINCER_DB: sc.dbPath, LOG_LEVEL: 'error' };
    delete env.DISCORD_TOKEN;
    const consoles = Array.from({ length: 2 }, () => {
      const child = spawn(process.execPath, ['bin/pincer.mjs', 'console', '--new'], { cwd: ROOT, env, stdio: ['pipe', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
      const pastes = Array.from({ length: 300 }, (_, i) => `${seedText(i % 3)}\nrun ${i}\n.\n`).join('');
      child.stdin!.end(pastes);
      const exited = new Promise<number | null>((r) => child.on('exit', r));
      return { child, exited, stderr: () => stderr };
    });
    const starters: APIMessage[] = [];
    for (let i = 0; i < 10; i++) starters.push(sc.fake.act.forumPost(i % 2 ? sc.people.bob : sc.people.alice, `busy ${i}`, seedText(0)).starter);
    const codes = await Promise.all(consoles.map((c) => c.exited));
    for (const s of starters) await sc.replyTo(s, 30_000);
    await sc.settle(1_000);
    expect(starters.map((s) => sc.repliesTo(s).length)).toEqual(Array(10).fill(1));
    expect(codes, consoles.map((c) => c.stderr().slice(-2_000)).join('\n')).toEqual([0, 0]);
    const errors = [sc.bot!.logs.raw.join('\n'), ...consoles.map((c) => c.stderr())].join('\n');
    expect(errors.match(/database is locked/g) ?? []).toEqual([]);
  });
});
