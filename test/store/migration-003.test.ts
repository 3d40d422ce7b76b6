/**
 * Upgrading a database made before rate limits (migrations 001–002) keeps its threads and timers
 * and makes room for held answers and rate-limit windows.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, openDatabase } from '../../src/store/db.ts';
import { createThreadStore } from '../../src/store/threads.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 003 (rate limits)', () => {
  it('keeps the timers of an existing database and accepts the answer_held timer', () => {
    dir = mkdtempSync(join(tmpdir(), 'pincer-m003-'));
    const old = join(dir, 'old-migrations');
    const file = join(dir, 'pincer.db');
    mkdirSync(old);
    for (const f of ['001_threads.sql', '002_workflow.sql']) copyFileSync(join(MIGRATIONS_DIR, f), join(old, f));

    const before = openDatabase(file, { migrationsDir: old });
    before.prepare("INSERT INTO threads (id, channel_kind, author_id, status, created_at, updated_at) VALUES ('t1', 'forum_post', 'u1', 'needs_info', 1, 1)").run();
    before.prepare("INSERT INTO timers (thread_id, kind, due_at) VALUES ('t1', 'remind_author', 86400001)").run();
    before.close();

    const db = openDatabase(file);
    expect(createThreadStore(db).dueTimers(Number.MAX_SAFE_INTEGER)).toEqual([{ threadId: 't1', timer: 'remind_author', dueAt: 86400001 }]);
    db.prepare("INSERT INTO timers (thread_id, kind, due_at) VALUES ('t1', 'answer_held', 5)").run();
    expect(() => db.prepare("INSERT INTO timers (thread_id, kind, due_at) VALUES ('t1', 'nonsense', 5)").run()).toThrow(/CHECK/);
    expect(createThreadStore(db).load('t1')?.timers).toEqual({ remind_author: 86400001, answer_held: 5 });
    db.prepare('DELETE FROM threads').run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM timers').get()).toEqual({ n: 0 }); // still cascades
    db.close();
  });
});
