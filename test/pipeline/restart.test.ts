/**
 * Issue 5's "done when": killing the process between any two messages of a replay and starting it
 * again on the same database gives the same replies as an uninterrupted run. Each message here is
 * handled by a fresh pipeline over a freshly opened database file, so nothing survives in memory.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ReplayFile, replayMessage, replayThread, type ReplayLine } from '../../src/cli/replay.ts';
import { createPipeline } from '../../src/pipeline/pipeline.ts';
import { openDatabase } from '../../src/store/db.ts';

const folders: string[] = [];
const tempFolder = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'pincer-restart-'));
  folders.push(dir);
  return dir;
};
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const seed = ReplayFile.parse(JSON.parse(readFileSync(new URL('../fixtures/threads/seed-001.json', import.meta.url), 'utf8')));

describe('a restart between any two messages', () => {
  it('loses nothing and repeats nothing (seed 001)', () => {
    const uninterrupted = (() => {
      const db = openDatabase(':memory:');
      try {
        return replayThread(createPipeline({ db }), seed.messages);
      } finally {
        db.close();
      }
    })();

    const file = join(tempFolder(), 'pincer.db');
    const restarted: ReplayLine[] = [];
    for (const [i, message] of seed.messages.entries()) {
      const db = openDatabase(file);
      const line = replayMessage(createPipeline({ db }), message, i);
      db.close();
      if (line) restarted.push(line);
    }
    expect(restarted).toEqual(uninterrupted);
  });

  it('a message delivered again after a restart is not answered twice', () => {
    const file = join(tempFolder(), 'pincer.db');
    const first = seed.messages[0]!;
    let db = openDatabase(file);
    const once = replayMessage(createPipeline({ db }), first, 0);
    db.close();
    db = openDatabase(file);
    const again = createPipeline({ db }).message(
      { threadId: 'replay', channelKind: 'forum_post', threadAuthorId: 'user', eventId: 'replay:0', messageId: 'm0', authorId: 'user', role: 'author', addressed: false, text: first.text },
      Date.UTC(2026, 2, 20, 12, 5),
    );
    db.close();
    expect(once?.reply).toBeTruthy();
    expect(again.duplicate).toBe(true);
    expect(again.effects).toEqual([]);
  });
});
