/**
 * Load through the fake Discord: a bot child process on a temp SQLite file, forum posts sent
 * at a steady rate or with a fixed number in flight, and message-to-reply latency measured from
 * the dispatch to the reply's POST (matched by `message_reference`). Loopback only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { APIUser } from 'discord-api-types/v10';
import { FakeDiscord } from '../test/fake-discord/index.ts';
import { botEnv } from '../test/e2e/harness/bot-env.ts';
import { spawnBot, type BotProcess, type SpawnOptions } from '../test/e2e/harness/bot-process.ts';
import { sleep } from './stats.ts';
import { START_NODE_FLAGS } from '../bin/start-flags.mjs';

/** Pincer's bot child, bench/pincer-bot.mjs: started with the node flags `npm start` passes. */
const PINCER_BOT = fileURLToPath(new URL('./pincer-bot.mjs', import.meta.url));
/** The node flags of `entry`'s child: START_NODE_FLAGS first for Pincer (BENCH_NO_START_FLAGS=1: none, to compare). */
function nodeArgsOf(entry: string | undefined, extra: string[] = []): string[] {
  const pincer = entry === PINCER_BOT && process.env.BENCH_NO_START_FLAGS !== '1';
  return [...(pincer ? START_NODE_FLAGS : []), ...extra];
}

const REPLY = /^\/channels\/\d+\/messages$/;

export interface Rig {
  fake: FakeDiscord;
  bot: BotProcess;
  dbPath: string;
  authors: APIUser[];
  tracker: ReplyTracker;
  close(): Promise<void>;
}

/** Latency of replies to tracked messages (ms, from dispatch to the reply's POST). */
export class ReplyTracker {
  readonly latencies: number[] = [];
  private readonly sentAt = new Map<string, number>();
  private wake: (() => void) | null = null;

  constructor(fake: FakeDiscord) {
    fake.recorder.onRequest((r) => {
      if (r.method !== 'POST' || r.status !== 200 || !REPLY.test(r.path)) return;
      const t = this.sentAt.get(r.body?.message_reference?.message_id);
      if (t === undefined) return;
      this.sentAt.delete(r.body.message_reference.message_id);
      this.latencies.push(performance.now() - t);
      this.wake?.();
    });
  }

  sent(messageId: string): void {
    this.sentAt.set(messageId, performance.now());
  }

  get pending(): number {
    return this.sentAt.size;
  }

  /** Resolves on the next reply, or after `ms`. */
  next(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.wake = null;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(t);
        this.wake = null;
        resolve();
      };
    });
  }

  reset(): void {
    this.latencies.length = 0;
    this.sentAt.clear();
  }
}

/** Starts the fake (request bodies not retained) and a bot child with discord.js's cap lifted. */
export async function startRig(entry: string | undefined, o: SpawnOptions & { authors?: number } = {}): Promise<Rig> {
  const fake = await FakeDiscord.start();
  fake.recorder.retain = false;
  const dir = mkdtempSync(join(tmpdir(), 'pincer-bench-'));
  const dbPath = join(dir, 'pincer.db');
  const env = { ...botEnv(fake, { LOG_LEVEL: 'info', FAKE_DISCORD_GLOBAL_RPS: '100000' }), PINCER_DB: dbPath };
  const bot = spawnBot(env, { ...o, nodeArgs: nodeArgsOf(entry, o.nodeArgs), ...(entry ? { entry } : {}) });
  const tracker = new ReplyTracker(fake);
  const authors = Array.from({ length: o.authors ?? 100 }, (_, i) => fake.state.addUser(`user${i}`));
  const close = async () => {
    await bot.stop().catch(() => bot.kill());
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await Promise.race([
      bot.logs.waitFor('catch-up done', 30_000),
      bot.exited.then((code) => {
        throw new Error(`bot exited (${code}) before ready: ${bot.logs.raw.slice(-5).join(' | ')}`);
      }),
    ]);
  } catch (err) {
    await close();
    throw err;
  }
  return { fake, bot, dbPath, authors, tracker, close };
}

/** Opens forum post `i` (a new thread) with `text`, tracked for latency. */
export function post(rig: Rig, i: number, text: string): string {
  const { starter } = rig.fake.act.forumPost(rig.authors[i % rig.authors.length]!, `bench ${i}`, text);
  rig.tracker.sent(starter.id);
  return starter.id;
}

/** Sends `count` posts at `perSec`, then waits (bounded) for the replies. */
export async function steady(rig: Rig, text: string, perSec: number, count: number): Promise<{ latencies: number[]; missing: number }> {
  rig.tracker.reset();
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const due = t0 + (i * 1000) / perSec;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    post(rig, i, text);
  }
  // Drain (bounded): a backlog left here would slow down whatever is measured next.
  const deadline = performance.now() + 180_000;
  while (rig.tracker.pending > 0 && performance.now() < deadline) await rig.tracker.next(1_000);
  return { latencies: [...rig.tracker.latencies], missing: rig.tracker.pending };
}

/** Sends `count` posts keeping `inFlight` unanswered; returns replies/s over the whole run. */
export async function saturate(rig: Rig, text: string, inFlight: number, count: number): Promise<{ perSec: number; latencies: number[]; missing: number }> {
  rig.tracker.reset();
  const t0 = performance.now();
  let sent = 0;
  const deadline = t0 + 120_000;
  while (performance.now() < deadline) {
    while (sent < count && rig.tracker.pending < inFlight) post(rig, sent++, text);
    if (sent >= count && rig.tracker.pending === 0) break;
    await rig.tracker.next(2_000);
  }
  const seconds = (performance.now() - t0) / 1000;
  return { perSec: rig.tracker.latencies.length / seconds, latencies: [...rig.tracker.latencies], missing: rig.tracker.pending };
}

/**
 * Resolves once the fake Discord has seen no request from the bot for `quietMs` (the bot is at
 * rest: replies, tag edits and catch-up done), or after `maxMs`.
 */
export async function quiet(rig: Rig, quietMs: number, maxMs: number): Promise<void> {
  const end = performance.now() + maxMs;
  let last = rig.fake.recorder.count;
  let since = performance.now();
  while (performance.now() < end) {
    await sleep(50);
    if (rig.fake.recorder.count !== last) {
      last = rig.fake.recorder.count;
      since = performance.now();
    } else if (performance.now() - since >= quietMs) return;
  }
}
