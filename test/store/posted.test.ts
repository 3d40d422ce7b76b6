// Posted reply ids ride on the next commit instead of a commit of their own (issue 17). What a
// user would notice if this went wrong: a reply edited or deleted as if never posted, or posted
// twice after a restart because its id never reached the file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPipeline } from '../../src/pipeline/pipeline.ts';
import type { IncomingMessage } from '../../src/pipeline/types.ts';
import { openDatabase } from '../../src/store/db.ts';
import { createPostedIds } from '../../src/store/posted.ts';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});
const dbFile = () => {
  const d = mkdtempSync(join(tmpdir(), 'pincer-posted-'));
  dirs.push(d);
  return join(d, 'pincer.db');
};

const T0 = 1_800_000_000_000;
const post: Omit<IncomingMessage, 'eventId' | 'messageId' | 'text'> = {
  threadId: 't1', channelKind: 'forum_post', threadAuthorId: 'u1', authorId: 'u1', role: 'author', addressed: true,
};
const paste = 'run error: HTTP 401 authentication_error: invalid x-api-key';
const send = (p: ReturnType<typeof createPipeline>, id: string, at: number) =>
  p.message({ ...post, eventId: `message:${id}`, messageId: id, text: paste }, at);

/** The posted ids as another process reading the file would see them. */
function onFile(path: string): Record<string, string | null> {
  const other = openDatabase(path);
  try {
    const rows = other.prepare('SELECT reply_id, posted_id FROM replies ORDER BY reply_id').all() as { reply_id: string; posted_id: string | null }[];
    return Object.fromEntries(rows.map((r) => [r.reply_id, r.posted_id]));
  } finally {
    other.close();
  }
}

describe('posted reply ids', () => {
  it('are seen at once in this process and reach the file with the next event, or with flush', () => {
    const path = dbFile();
    const db = openDatabase(path);
    const p = createPipeline({ db, trackDelivery: true });
    send(p, 'm1', T0);
    p.replyPosted('t1', 'm1:r1', 'd-1', ['d-2']);
    expect(p.thread('t1')?.replies[0]).toMatchObject({ postedId: 'd-1', postedParts: ['d-2'] });
    send(p, 'm2', T0 + 1_000);
    expect(onFile(path)['m1:r1']).toBe('d-1');
    const second = p.thread('t1')!.replies.at(-1)!.replyId;
    p.replyPosted('t1', second, 'd-3');
    p.flush!();
    expect(onFile(path)[second]).toBe('d-3');
    expect(p.undelivered!(0)).toEqual([]);
    db.close();
  });

  it('are written again by the next commit when the commit that carried them rolled back', () => {
    const db = openDatabase(dbFile());
    const p = createPipeline({ db, trackDelivery: true });
    send(p, 'm1', T0);
    p.replyPosted('t1', 'm1:r1', 'd-1');
    // A commit that fails after the pipeline's work (as the leaked-key work would): rolled back.
    expect(() => db.transaction(() => {
      send(p, 'm2', T0 + 1_000);
      throw new Error('disk full');
    })()).toThrow('disk full');
    expect(db.prepare("SELECT posted_id FROM replies WHERE reply_id = 'm1:r1'").pluck().get()).toBeNull();
    send(p, 'm3', T0 + 2_000);
    expect(db.prepare("SELECT posted_id FROM replies WHERE reply_id = 'm1:r1'").pluck().get()).toBe('d-1');
    db.close();
  });

  it('reach the file within the idle delay when no event comes', async () => {
    const path = dbFile();
    const db = openDatabase(path);
    const p = createPipeline({ db, trackDelivery: true });
    send(p, 'm1', T0);
    const ids = createPostedIds(db, 20);
    ids.add('t1', 'm1:r1', 'd-9', []);
    expect(onFile(path)['m1:r1']).toBeNull();
    await new Promise((r) => setTimeout(r, 100));
    expect(onFile(path)['m1:r1']).toBe('d-9');
    expect(ids.size).toBe(0);
    db.close();
  });
});
