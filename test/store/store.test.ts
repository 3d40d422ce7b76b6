import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newThread, reduce } from '../../src/conversation/reducer.ts';
import type { Effect, ThreadEvent, ThreadState } from '../../src/conversation/types.ts';
import { MIGRATIONS_DIR, openDatabase, type Database } from '../../src/store/db.ts';
import { purgeOldText } from '../../src/store/retention.ts';
import { createThreadStore } from '../../src/store/threads.ts';
import { deps, f, msg } from '../conversation/fixtures.ts';
import { MINUTE, T0 } from '../conversation/run.ts';

const HOUR = 60 * MINUTE;
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'pincer-store-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

const eventId = (e: ThreadEvent, i: number) => (e.type === 'message' ? `message:${e.messageId}` : `${e.type}:${i}`);

/** What the pipeline does per event: load, skip duplicates, reduce, commit. */
function apply(db: Database, e: ThreadEvent, i: number, now: number): { effects: Effect[]; state: ThreadState } | null {
  const store = createThreadStore(db);
  const id = eventId(e, i);
  if (store.isProcessed(id)) return null;
  const before = store.load('t1');
  const r = reduce(before ?? newThread({ id: 't1', channelKind: 'forum_post', authorId: 'author-1', now }), e, now, deps);
  store.commit(id, before, r, now, e.type === 'message' ? { [e.messageId]: `text of ${e.messageId}` } : undefined);
  return { effects: r.effects, state: r.state };
}

// Seed 001's shape: the 401 again and again, a models status, a failed fix, a fix that worked,
// a new problem (DMs), an edit, a member's "+1", a reminder, feedback and a solution mark.
const EVENTS: ThreadEvent[] = [
  msg('m1', [f.err401('sha256:1', true), f.footer()]),
  msg('m2', [f.say('still_failing'), f.footer()]),
  msg('x1', [f.err401('sha256:9')], { role: 'member', authorId: 'member-2' }),
  { type: 'timer', timer: 'remind_author' },
  msg('m3', [f.err401('sha256:2', true), f.footer()]),
  msg('m4', [f.status(), f.err401('sha256:3', true)]),
  msg('m5', [f.err401('sha256:4', true)]),
  { type: 'edit', messageId: 'm5', evidence: { messageId: 'm5', facts: [f.err401('sha256:4', true), f.say('reonboarded')], notes: [] }, textHash: 'edited' },
  msg('m6', [f.status({ token: true }), f.err401('sha256:5', true)]),
  msg('m7', [f.credit()]),
  msg('m8', [f.say('works_now')]),
  msg('m9', [f.say('dm_not_working')]),
  { type: 'feedback', replyId: 'm9:r1', verdict: 'worked', by: 'author-1' },
  msg('m10', [f.say('thanks')]),
  { type: 'timer', timer: 'auto_close' },
];

describe('openDatabase', () => {
  it('applies the migrations once, in WAL mode with foreign keys on', () => {
    const path = join(tempDir(), 'pincer.db');
    const db = openDatabase(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const files = readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).sort();
    expect(db.prepare('SELECT name FROM schema_migrations ORDER BY version').all()).toEqual(files.map((name) => ({ name })));
    expect(files[0]).toBe('001_threads.sql');
    db.close();
    const again = openDatabase(path);
    expect(again.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: files.length });
    again.close();
  });

  it('a failing migration throws naming the file and leaves the database as it was', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '001_ok.sql'), 'CREATE TABLE kept (id INTEGER);');
    writeFileSync(join(dir, '002_broken.sql'), 'CREATE TABLE half (id INTEGER);\nCREATE TABLE oops (;');
    const path = join(dir, 'x.db');
    expect(() => openDatabase(path, { migrationsDir: dir })).toThrow(/migration 002_broken\.sql failed/);
    const db = openDatabase(path, { migrationsDir: tempDir() });
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toContain('kept');
    expect(tables).not.toContain('half');
    expect(db.prepare('SELECT name FROM schema_migrations').all()).toEqual([{ name: '001_ok.sql' }]);
    db.close();
  });
});

describe('thread store', () => {
  it('load gives back exactly the state each commit stored', () => {
    const db = openDatabase(':memory:');
    EVENTS.forEach((e, i) => {
      const out = apply(db, e, i, T0 + i * HOUR);
      expect(createThreadStore(db).load('t1')).toEqual(out?.state);
    });
    db.close();
  });

  it('a restart between any two events loses nothing and repeats nothing', () => {
    const one = openDatabase(':memory:');
    const uninterrupted = EVENTS.map((e, i) => apply(one, e, i, T0 + i * HOUR));
    const path = join(tempDir(), 'restart.db');
    const restarted = EVENTS.map((e, i) => {
      const db = openDatabase(path);
      const out = apply(db, e, i, T0 + i * HOUR);
      db.close();
      return out;
    });
    expect(restarted).toEqual(uninterrupted);
    const replies = uninterrupted.flatMap((o) => o?.effects ?? []).filter((x) => x.type === 'reply');
    expect(replies.length).toBeGreaterThan(5);
    const db = openDatabase(path);
    expect(createThreadStore(db).load('t1')).toEqual(uninterrupted.at(-1)?.state);
    db.close();
    one.close();
  });

  it('a duplicate delivery is a no-op', () => {
    const db = openDatabase(':memory:');
    apply(db, EVENTS[0]!, 0, T0);
    expect(createThreadStore(db).isProcessed('message:m1')).toBe(true);
    expect(apply(db, EVENTS[0]!, 0, T0 + MINUTE)).toBeNull();
    db.close();
  });

  it('a bad fact row is skipped on load, not a crash', () => {
    const db = openDatabase(':memory:');
    apply(db, msg('m1', [f.err401(), f.footer()]), 0, T0);
    db.prepare("UPDATE facts SET fact = '{\"kind\":\"models_status\",\"broken\":true}' WHERE idx = 0").run();
    db.prepare("UPDATE replies SET data = 'not json'").run();
    const state = createThreadStore(db).load('t1');
    expect(state?.facts.map((x) => x.fact.kind)).toEqual(['tui_footer']);
    expect(state?.replies).toEqual([]);
    db.close();
  });

  it('remembers posted reply ids across commits', () => {
    const db = openDatabase(':memory:');
    const store = createThreadStore(db);
    apply(db, EVENTS[0]!, 0, T0);
    store.replyPosted('t1', 'm1:r1', 'discord-123');
    apply(db, EVENTS[1]!, 1, T0 + MINUTE);
    expect(store.load('t1')?.replies.find((r) => r.replyId === 'm1:r1')?.postedId).toBe('discord-123');
    db.close();
  });

  it('remembers every part of a reply split over several messages, as the last post or edit left them', () => {
    const db = openDatabase(':memory:');
    const store = createThreadStore(db);
    apply(db, EVENTS[0]!, 0, T0);
    const reply = () => store.load('t1')?.replies.find((r) => r.replyId === 'm1:r1');
    store.replyPosted('t1', 'm1:r1', 'discord-123', ['discord-124', 'discord-125']);
    apply(db, EVENTS[1]!, 1, T0 + MINUTE);
    expect(reply()).toMatchObject({ postedId: 'discord-123', postedParts: ['discord-124', 'discord-125'] });
    store.replyPosted('t1', 'm1:r1', 'discord-123', []); // an edit made it fit in one message
    expect(reply()?.postedParts).toBeUndefined();
    db.close();
  });

  it('timers are rows: the reminder is due 24 h after the ask and gone once answered', () => {
    const db = openDatabase(':memory:');
    const store = createThreadStore(db);
    apply(db, msg('m1', [f.err401()]), 0, T0);
    expect(store.dueTimers(T0 + 24 * HOUR - 1)).toEqual([]);
    expect(store.dueTimers(T0 + 24 * HOUR)).toEqual([{ threadId: 't1', timer: 'remind_author', dueAt: T0 + 24 * HOUR }]);
    expect(store.openThreads()).toEqual(['t1']);
    apply(db, msg('m2', [f.status()]), 1, T0 + HOUR);
    expect(store.dueTimers(T0 + 100 * HOUR)).toEqual([]);
    db.close();
  });

  it('purgeOldText removes old message text and keeps facts and counts', () => {
    const db = openDatabase(':memory:');
    apply(db, msg('m1', [f.err401()]), 0, T0);
    apply(db, msg('m2', [f.status()]), 1, T0 + 10 * 24 * HOUR);
    const texts = () => db.prepare('SELECT message_id, text FROM messages ORDER BY seq').all();
    expect(texts()).toEqual([{ message_id: 'm1', text: 'text of m1' }, { message_id: 'm2', text: 'text of m2' }]);
    expect(purgeOldText(db, 7 * 24 * HOUR, T0 + 11 * 24 * HOUR)).toBe(1);
    expect(texts()).toEqual([{ message_id: 'm1', text: null }, { message_id: 'm2', text: 'text of m2' }]);
    expect(createThreadStore(db).load('t1')?.facts).toHaveLength(2);
    expect(db.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: 2 });
    db.close();
  });

  it('keeps no text at all when retention is off', () => {
    const db = openDatabase(':memory:');
    const store = createThreadStore(db, { keepText: false });
    const e = msg('m1', [f.err401()]);
    const r = reduce(newThread({ id: 't1', channelKind: 'dm', authorId: 'author-1', now: T0 }), e, T0, deps);
    store.commit('message:m1', null, r, T0, { m1: 'secret-free but private text' });
    expect(db.prepare('SELECT text FROM messages').all()).toEqual([{ text: null }]);
    db.close();
  });
});
