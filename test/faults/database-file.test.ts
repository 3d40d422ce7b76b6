// Issue 15 #7 and #8, with the real bot process and its SQLite file:
// - the file deleted (or emptied) while the bot runs: it used to carry on with a file nobody
//   would open again, and after a restart answered every open thread a second time; now it says
//   so loudly and exits non-zero;
// - a new, empty store beside recent Discord history does not answer old messages again;
// - a corrupt page: the bot used to run and never answer; now it exits non-zero at start with
//   one line naming the file and how to restore a backup.
import { spawnSync } from 'node:child_process';
import { openSync, rmSync, truncateSync, writeSync, closeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnBot } from '../e2e/harness/bot-process.ts';
import { Scenario } from '../e2e/harness/scenario.ts';
import { seedText } from '../e2e/harness/seed.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let sc: Scenario;
afterEach(async () => sc?.close(), 60_000);

const within = <T>(p: Promise<T>, ms: number) => Promise.race([p, new Promise<'still running'>((r) => setTimeout(() => r('still running'), ms))]);

/** Scribbles over the first page of the `messages` table, as a failing disk would. */
function corrupt(dbPath: string): void {
  const db = new Database(dbPath, { readonly: true });
  const { rootpage } = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'messages'").get() as { rootpage: number };
  const pageSize = Number(db.pragma('page_size', { simple: true }));
  db.close();
  const fd = openSync(dbPath, 'r+');
  writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, (rootpage - 1) * pageSize);
  closeSync(fd);
}

describe('the database file fails', { timeout: 120_000 }, () => {
  it.each(['deleted', 'emptied'] as const)('%s while the bot runs: a fatal log line and a non-zero exit', async (how) => {
    sc = await Scenario.start();
    const { starter } = sc.fake.act.forumPost(sc.people.alice, 'before', seedText(0));
    await sc.replyTo(starter);
    const bot = sc.bot!;
    if (how === 'deleted') for (const s of ['', '-wal', '-shm']) rmSync(`${sc.dbPath}${s}`, { force: true });
    else truncateSync(sc.dbPath, 0);
    const code = await within(bot.exited, 20_000);
    expect(code).not.toBe('still running');
    expect(code).not.toBe(0);
    expect(bot.logs.raw.join('\n')).toMatch(new RegExp(`"level":60.*the database file .*pincer\\.db was (replaced|emptied|vanished)|the database file .*pincer\\.db (vanished|was emptied|was replaced)`));
    sc.bot = null;
  });

  it('a new, empty store beside recent Discord history does not answer the old posts; new posts are answered', async () => {
    sc = await Scenario.start({ bot: false });
    const { starter: old } = sc.fake.act.forumPost(sc.people.alice, 'answered by the lost store', seedText(0));
    await sc.startBot();
    await sc.settle(1_000);
    expect(sc.repliesTo(old)).toEqual([]);
    const { starter: fresh } = sc.fake.act.forumPost(sc.people.bob, 'after', seedText(0));
    await sc.replyTo(fresh);
  });

  it('a corrupt page: the bot exits non-zero at start, naming the file and how to restore a backup', async () => {
    sc = await Scenario.start();
    const { starter } = sc.fake.act.forumPost(sc.people.alice, 'before', seedText(0));
    await sc.replyTo(starter);
    expect(await sc.bot!.stop()).toBe(0);
    sc.bot = null;
    corrupt(sc.dbPath);
    const bot = spawnBot(sc.env);
    const code = await within(bot.exited, 20_000);
    if (code === 'still running') await bot.kill();
    expect(code).not.toBe('still running');
    expect(code).not.toBe(0);
    expect(bot.logs.raw.join('\n')).toContain(`the database ${sc.dbPath} is corrupt`);
    // The CLI says it in one line.
    const env: Record<string, string | undefined> = { ...process.env, PINCER_DB: sc.dbPath };
    delete env.DISCORD_TOKEN;
    const cli = spawnSync(process.execPath, ['bin/pincer.mjs', 'console'], { cwd: ROOT, env, input: 'hello\n', encoding: 'utf8', timeout: 60_000 });
    expect(cli.status).not.toBe(0);
    const lines = cli.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^pincer: the database ${sc.dbPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is corrupt \\(.+\\): stop Pincer, then restore a backup`));
  });
});
