/**
 * One end-to-end scenario: a fake Discord, a temp dir with the bot's SQLite file, the people of
 * the guild, and Pincer as a child process (restartable on the same database). Helpers read
 * what the bot did the way a user sees it: the messages it posted and edited in the fake.
 *
 *   const sc = await Scenario.start();           // fake + bot, caught up
 *   const { starter } = sc.fake.act.forumPost(sc.people.alice, 'title', 'paste');
 *   const reply = await sc.replyTo(starter);     // Pincer's reply (message_reference = starter)
 *   await sc.close();                            // always (afterEach), bounded
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIMessage, APIUser } from 'discord-api-types/v10';
import { afterEach, beforeEach } from 'vitest';
import { eventually, withTimeout } from '../../fake-discord/eventually.ts';
import { FakeDiscord } from '../../fake-discord/index.ts';
import { botEnv } from './bot-env.ts';
import { spawnBot, type BotProcess, type SpawnOptions } from './bot-process.ts';

export interface People {
  /** Thread authors. */
  alice: APIUser;
  bob: APIUser;
  /** A member with the configured helper role. */
  helper: APIUser;
  moderator: APIUser;
  /** A member who is neither author nor helper. */
  random: APIUser;
  /** The server's other answer bot (configured in PINCER_OTHER_BOT_IDS): context only. */
  oldBot: APIUser;
}

export class Scenario {
  readonly fake: FakeDiscord;
  readonly dir: string;
  readonly dbPath: string;
  readonly people: People;
  readonly env: Record<string, string>;
  bot: BotProcess | null = null;

  private constructor(fake: FakeDiscord, env: Record<string, string>) {
    this.fake = fake;
    this.dir = mkdtempSync(join(tmpdir(), 'pincer-e2e-'));
    this.dbPath = join(this.dir, 'pincer.db');
    const s = fake.state;
    const oldBot = s.addUser('OldAnswerBot');
    oldBot.bot = true;
    this.people = {
      alice: s.addUser('alice'),
      bob: s.addUser('bob'),
      helper: s.addUser('helena', [s.roleIds.helper]),
      moderator: s.addUser('mo', [s.roleIds.moderator]),
      random: s.addUser('randall'),
      oldBot,
    };
    this.env = { ...botEnv(fake, { PINCER_OTHER_BOT_IDS: oldBot.id, ...env }), PINCER_DB: this.dbPath };
  }

  /**
   * Starts the fake and (unless `bot: false`) the bot, waiting until it has caught up. If the bot
   * fails to start, everything is closed (bot child, fake, temp dir) before the error is thrown.
   */
  static async start(o: { env?: Record<string, string>; bot?: boolean } = {}): Promise<Scenario> {
    const sc = new Scenario(await FakeDiscord.start(), o.env ?? {});
    if (o.bot !== false) {
      try {
        await sc.startBot();
      } catch (err) {
        await sc.close();
        throw err;
      }
    }
    return sc;
  }

  /**
   * (Re)starts the bot on the same database and waits for its readiness signal, the "catch-up
   * done" line; `readyTimeoutMs` (default 120 s) is only a backstop against a bot that never
   * gets there. On failure (exit, backstop) the child is killed before the error is thrown.
   */
  async startBot(o: SpawnOptions & { readyTimeoutMs?: number } = {}): Promise<BotProcess> {
    const bot = spawnBot(this.env, o);
    this.bot = bot;
    try {
      await Promise.race([
        bot.logs.waitFor('catch-up done', o.readyTimeoutMs ?? 120_000),
        bot.exited.then((code) => {
          throw new Error(`the bot exited (${code}) before it was ready:\n${bot.logs.raw.slice(-15).join('\n')}`);
        }),
      ]);
    } catch (err) {
      await bot.kill();
      this.bot = null;
      throw err;
    }
    return bot;
  }

  /** Kills the bot without any cleanup (SIGKILL), as a crash would. */
  async killBot(): Promise<void> {
    await this.bot?.kill();
    this.bot = null;
  }

  /** Messages the bot posted in a channel, oldest first, as users see them now (copies: a later edit does not change them). */
  botMessages(channelId: string): APIMessage[] {
    return this.fake.state.history(channelId).filter((m) => m.author.id === this.fake.state.bot.id).map((m) => structuredClone(m));
  }

  /** Bot messages replying to `m` (Discord's reply reference), oldest first. */
  repliesTo(m: APIMessage): APIMessage[] {
    return this.botMessages(m.channel_id).filter((b) => b.message_reference?.message_id === m.id);
  }

  /** Waits for the bot's reply to `m`. */
  async replyTo(m: APIMessage, timeout = 10_000): Promise<APIMessage> {
    return eventually(() => this.repliesTo(m)[0], { timeout, message: `no reply to message ${m.id}` });
  }

  /**
   * Waits until the bot has been quiet (no REST call) for `quietMs`: used before asserting that
   * something did NOT happen (a second reply). Bounded by `timeout`.
   */
  async settle(quietMs = 400, timeout = 10_000): Promise<void> {
    let last = this.fake.recorder.count;
    let since = Date.now();
    await eventually(() => {
      if (this.fake.recorder.count !== last) {
        last = this.fake.recorder.count;
        since = Date.now();
      }
      return Date.now() - since >= quietMs;
    }, { timeout, interval: 25 });
  }

  /** Stops the bot (SIGTERM, bounded), the fake, and removes the temp dir. Never throws. */
  async close(): Promise<void> {
    await withTimeout(this.bot?.stop() ?? Promise.resolve(null), 16_000, 'bot stop').catch(() => this.bot?.kill());
    await this.fake.stop().catch(() => {});
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * Gives every test of a file a fresh Scenario (`use` receives it) and closes it afterwards.
 * The bounds are generous: a real bot process per test on a shared 2-core machine.
 */
export function scenarioPerTest(use: (sc: Scenario) => void, o: Parameters<typeof Scenario.start>[0] = {}): void {
  let current: Scenario | undefined;
  beforeEach(async () => {
    current = await Scenario.start(o);
    use(current);
  }, 60_000);
  afterEach(async () => {
    await current?.close();
    current = undefined;
  }, 60_000);
}
