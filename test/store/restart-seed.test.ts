/**
 * Issue 5's "done when": killing the process between any two messages of a replay and starting
 * again gives the same replies as an uninterrupted run — seed 001 through the real stages, with
 * the database file closed and reopened between every message.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { newThread, reduce } from '../../src/conversation/reducer.ts';
import type { Effect, ThreadEvent } from '../../src/conversation/types.ts';
import { defaultDeps } from '../../src/pipeline/default-deps.ts';
import { openDatabase, type Database } from '../../src/store/db.ts';
import { createThreadStore } from '../../src/store/threads.ts';
import { threadEvents } from '../conversation/replay.ts';

const dir = mkdtempSync(join(tmpdir(), 'pincer-restart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const T0 = Date.UTC(2026, 2, 20, 9);

function step(db: Database, event: ThreadEvent, index: number): Effect[] {
  const store = createThreadStore(db);
  const eventId = `message:${index}`;
  if (store.isProcessed(eventId)) return [];
  const before = store.load('seed-001');
  const now = T0 + index * 60_000;
  const r = reduce(before ?? newThread({ id: 'seed-001', channelKind: 'forum_post', authorId: 'author', now }), event, now, defaultDeps);
  store.commit(eventId, before, r, now);
  return r.effects;
}

describe('seed 001 across restarts', () => {
  const events = threadEvents('test/fixtures/threads/seed-001.json');

  it('gives the same effects and the same final state as an uninterrupted run', () => {
    const one = openDatabase(':memory:');
    const uninterrupted = events.map(({ event, index }) => step(one, event, index));
    const path = join(dir, 'seed.db');
    const restarted = events.map(({ event, index }) => {
      const db = openDatabase(path);
      const out = step(db, event, index);
      db.close();
      return out;
    });
    expect(restarted).toEqual(uninterrupted);
    const db = openDatabase(path);
    expect(createThreadStore(db).load('seed-001')).toEqual(createThreadStore(one).load('seed-001'));
    // A redelivery after the restart changes nothing.
    expect(step(db, events[0]!.event, events[0]!.index)).toEqual([]);
    db.close();
    one.close();
    expect(uninterrupted.flat().filter((e) => e.type === 'reply').length).toBeGreaterThan(10);
  });
});
