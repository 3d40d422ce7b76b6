/**
 * Rate limits as a user meets them (issue 5, "timers as rows"): past the per-thread or per-user
 * reply limit, messages are still read at once, the user is told once when the answer comes, and
 * everything is answered in one reply when the window ends — across a restart too. Real pastes
 * from seed 001.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelKind, Effect } from '../../src/conversation/types.ts';
import { createPipeline } from '../../src/pipeline/pipeline.ts';
import type { Pipeline, PipelineResult } from '../../src/pipeline/types.ts';
import { openDatabase, type Database } from '../../src/store/db.ts';
import type { RateLimits } from '../../src/store/rate-windows.ts';

const seed = (JSON.parse(readFileSync(new URL('../fixtures/threads/seed-001.json', import.meta.url), 'utf8')) as { messages: { text: string }[] }).messages;
const T0 = Date.UTC(2026, 10, 1);
const SECOND = 1000;
const dm = (user: string) => ({ threadId: `dm:${user}`, channelKind: 'dm' as const, threadAuthorId: user });

const replies = (r: PipelineResult) => r.effects.flatMap((e: Effect) => (e.type === 'reply' ? [e] : []));

/** Seed 001 #i, sent by `user` in their DM at `at`. */
function send(p: Pipeline, user: string, i: number, at: number, thread: { threadId: string; channelKind: ChannelKind; threadAuthorId: string } = dm(user)): PipelineResult {
  return p.message({ ...thread, eventId: `message:${thread.threadId}:${i}`, messageId: `${thread.threadId}/${i}`, authorId: user, role: 'author', addressed: true, text: seed[i]!.text }, at);
}

/** Fires every timer due at `at` the way the Discord adapter's loop does. */
function fireDue(p: Pipeline, at: number): PipelineResult[] {
  return p.dueTimers!(at).map((d) => {
    const thread = p.thread(d.threadId)!;
    return p.action({ threadId: d.threadId, channelKind: thread.channelKind, threadAuthorId: thread.authorId, eventId: `timer:${d.timer}:${d.threadId}:${d.dueAt}`, type: 'timer', timer: d.timer }, at);
  });
}

let dir: string | null = null;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

const perThread: RateLimits = { perThread: { replies: 2, windowMs: 60 * SECOND } };

describe('per-thread reply limit', () => {
  it('holds the third answer in a minute, says when it comes, and answers everything held in one reply', () => {
    const db = openDatabase(':memory:');
    const p = createPipeline({ db, rateLimits: perThread });
    expect(replies(send(p, 'u1', 0, T0))).toHaveLength(1);
    expect(replies(send(p, 'u1', 24, T0 + 5 * SECOND))).toHaveLength(1);

    const third = send(p, 'u1', 26, T0 + 10 * SECOND);
    const [note] = replies(third);
    expect(replies(third)).toHaveLength(1);
    expect(note!.reply.kind).toBe('held_note');
    expect(note!.reply.markdown).toMatch(/answer all of it in one reply in about 50 seconds/);
    expect(third.outcome?.branch).toBe('api_key_altered'); // read at once, answered later
    expect(third.effects).toContainEqual({ type: 'schedule', timer: 'answer_held', dueAt: T0 + 60 * SECOND });

    const fourth = send(p, 'u1', 27, T0 + 15 * SECOND); // "what do I do next?"
    expect(replies(fourth)).toEqual([]);

    expect(fireDue(p, T0 + 59 * SECOND)).toEqual([]);
    const [release] = fireDue(p, T0 + 60 * SECOND);
    const answer = replies(release!);
    expect(answer).toHaveLength(1);
    expect(answer[0]!.toMessageId).toBe('dm:u1/27');
    expect(answer[0]!.reply.kind).toBe('diagnosis');
    expect(answer[0]!.reply.branch).toBe('api_key_altered');
    expect(p.thread('dm:u1')?.held).toBeUndefined();
    expect(fireDue(p, T0 + 120 * SECOND)).toEqual([]); // answered once
    db.close();
  });

  it('keeps a held answer across a restart and answers it once when the window ends', () => {
    dir = mkdtempSync(join(tmpdir(), 'pincer-rate-'));
    const file = join(dir, 'pincer.db');
    const open = (): [Database, Pipeline] => {
      const db = openDatabase(file);
      return [db, createPipeline({ db, rateLimits: perThread })];
    };
    let [db, p] = open();
    send(p, 'u1', 0, T0);
    send(p, 'u1', 24, T0 + 5 * SECOND);
    expect(replies(send(p, 'u1', 26, T0 + 10 * SECOND))[0]?.reply.kind).toBe('held_note');
    db.close();

    [db, p] = open();
    expect(replies(send(p, 'u1', 27, T0 + 15 * SECOND))).toEqual([]); // still held: no second note
    db.close();

    [db, p] = open();
    const released = fireDue(p, T0 + 61 * SECOND);
    expect(released.flatMap(replies).map((r) => r.reply.branch)).toEqual(['api_key_altered']);
    db.close();
    [db, p] = open();
    expect(fireDue(p, T0 + 62 * SECOND)).toEqual([]);
    db.close();
  });

  it('answers at once again after the window, and counts the held answer in the new one', () => {
    const db = openDatabase(':memory:');
    const p = createPipeline({ db, rateLimits: perThread });
    send(p, 'u1', 0, T0);
    send(p, 'u1', 24, T0 + SECOND);
    send(p, 'u1', 26, T0 + 2 * SECOND);
    fireDue(p, T0 + 60 * SECOND);
    const next = send(p, 'u1', 29, T0 + 70 * SECOND);
    expect(replies(next).map((r) => r.reply.kind)).not.toContain('held_note');
    expect(replies(next)).toHaveLength(1);
    db.close();
  });

  it('keeps a message with nothing to answer out of the hold: no note promising an answer that never comes', () => {
    const db = openDatabase(':memory:');
    const p = createPipeline({ db, rateLimits: perThread });
    const forum = { threadId: 'post-1', channelKind: 'forum_post' as const, threadAuthorId: 'u1' };
    const say = (id: string, text: string, at: number) =>
      p.message({ ...forum, eventId: `message:${id}`, messageId: id, authorId: 'u1', role: 'author', addressed: false, text }, at);
    say('a', seed[0]!.text, T0);
    say('b', seed[26]!.text, T0 + SECOND);
    const remark = say('c', 'hmm ok', T0 + 2 * SECOND);
    expect(replies(remark)).toEqual([]);
    expect(p.thread('post-1')?.held).toBeUndefined();
    expect(p.dueTimers!(T0 + 3600 * SECOND).filter((d) => d.timer === 'answer_held')).toEqual([]);
    db.close();
  });
});

describe('per-user reply limit', () => {
  it('counts replies to one user across their threads, and leaves other users alone', () => {
    const db = openDatabase(':memory:');
    const p = createPipeline({ db, rateLimits: { perUser: { replies: 2, windowMs: 10 * 60 * SECOND } } });
    const post = { threadId: 'post-9', channelKind: 'forum_post' as const, threadAuthorId: 'u1' };
    expect(replies(send(p, 'u1', 0, T0))).toHaveLength(1);
    expect(replies(send(p, 'u1', 0, T0 + SECOND, post))).toHaveLength(1);
    const held = send(p, 'u1', 26, T0 + 2 * SECOND);
    expect(replies(held).map((r) => r.reply.kind)).toEqual(['held_note']);
    expect(replies(held)[0]!.reply.markdown).toMatch(/about 10 minutes/);
    expect(replies(send(p, 'u2', 0, T0 + 3 * SECOND))[0]?.reply.kind).toBe('ask'); // another user
    const [release] = fireDue(p, T0 + 10 * 60 * SECOND);
    expect(replies(release!).map((r) => r.reply.branch)).toEqual(['api_key_altered']);
    db.close();
  });

  it('drops ended windows when the scheduler runs', () => {
    const db = openDatabase(':memory:');
    const p = createPipeline({ db, rateLimits: { perUser: { replies: 5, windowMs: 60 * SECOND }, perThread: { replies: 5, windowMs: 60 * SECOND } } });
    send(p, 'u1', 0, T0);
    const rows = () => (db.prepare('SELECT scope, subject, replies FROM rate_limits ORDER BY scope').all() as { scope: string }[]);
    expect(rows()).toEqual([{ scope: 'thread', subject: 'dm:u1', replies: 1 }, { scope: 'user', subject: 'u1', replies: 1 }]);
    p.dueTimers!(T0 + 59 * SECOND);
    expect(rows()).toHaveLength(2);
    p.dueTimers!(T0 + 60 * SECOND);
    expect(rows()).toEqual([]);
    db.close();
  });
});

describe('without limits (the terminal thread, replays)', () => {
  it('answers every message at once', () => {
    const db = openDatabase(':memory:');
    const p = createPipeline({ db });
    const kinds = [0, 24, 26, 27, 29].map((i, n) => replies(send(p, 'u1', i, T0 + n * SECOND)).map((r) => r.reply.kind));
    expect(kinds.flat()).not.toContain('held_note');
    db.close();
  });
});
