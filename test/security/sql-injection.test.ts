/**
 * SQL goes through parameters only: injection-shaped ids and text (quotes, `'); DROP TABLE
 * threads;--`, `OR 1=1`, NULs, backslashes, emoji) go through ingest, evidence, the conversation
 * reducer and the thread store (directly, and as the adapters call it: the pipeline) into a
 * SQLite file, and come back unchanged; every table is still there afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { reduce } from '../../src/conversation/reducer.ts';
import { newThread } from '../../src/conversation/thread.ts';
import { diagnose } from '../../src/diagnosis/engine.ts';
import { extractEvidence } from '../../src/evidence/index.ts';
import { ingest } from '../../src/ingest/index.ts';
import { createPipeline } from '../../src/pipeline/pipeline.ts';
import { renderDiagnosis } from '../../src/reply/render.ts';
import { openDatabase } from '../../src/store/db.ts';
import { createThreadStore } from '../../src/store/threads.ts';

const INJECTION_SHAPED: readonly string[] = [
  "'); DROP TABLE threads;--",
  "' OR '1'='1",
  '" OR ""="',
  "Robert'); DELETE FROM messages; --",
  "\\'; SELECT * FROM sqlite_master; --",
  'nul\u0000inside',
  '%_*?[]{}$1 \\N \\0 😀 \u202Eevil',
];

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function open() {
  const dir = mkdtempSync(join(tmpdir(), 'pincer-sql-'));
  dirs.push(dir);
  return openDatabase(join(dir, 'pincer.db'));
}

const tables = (db: ReturnType<typeof openDatabase>): string[] =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

describe('injection-shaped input through the thread store', () => {
  it.each(INJECTION_SHAPED)('stores %j as ids and message text and reads it back unchanged', (hostile) => {
    const db = open();
    const store = createThreadStore(db);
    const before = tables(db);
    const now = 1_700_000_000_000;
    const threadId = `terminal:${hostile}`;
    const { text } = ingest({ text: `run error: HTTP 401 authentication_error: invalid x-api-key\n${hostile}` });
    const evidence = extractEvidence(text, hostile);
    const event = { type: 'message', messageId: hostile, authorId: hostile, role: 'author', addressed: true, evidence, textHash: hostile } as const;
    const reduction = reduce(newThread({ id: threadId, channelKind: 'terminal', authorId: hostile, now }), event, now, {
      diagnose,
      render: renderDiagnosis,
    });
    store.commit(`message:${hostile}`, null, reduction, now, { [hostile]: text });

    expect(tables(db)).toEqual(before);
    expect(store.isProcessed(`message:${hostile}`)).toBe(true);
    expect(store.load(threadId)).toEqual(reduction.state);
    const row = db.prepare('SELECT message_id, author_id, text FROM messages WHERE thread_id = ?').get(threadId) as
      | { message_id: string; author_id: string; text: string | null }
      | undefined;
    expect(row).toEqual({ message_id: hostile, author_id: hostile, text });
    expect(text).toContain(hostile.replace(/\u0000|\u202E/g, ''));
    db.close();
  });
});

describe('injection-shaped input through the pipeline', () => {
  it.each(INJECTION_SHAPED)('a message with ids and text %j is stored, read back, and recognised when repeated', (hostile) => {
    const db = open();
    const pipeline = createPipeline({ db });
    const before = tables(db);
    const threadId = `terminal:${hostile}`;
    const raw = `run error: HTTP 401 authentication_error: invalid x-api-key\n${hostile}`;
    const input = {
      threadId, channelKind: 'terminal', threadAuthorId: hostile, eventId: `message:${hostile}`,
      messageId: hostile, authorId: hostile, role: 'author', addressed: true, text: raw,
    } as const;
    expect(pipeline.message(input, 1_700_000_000_000).duplicate).toBe(false);
    expect(tables(db)).toEqual(before);
    const thread = pipeline.thread(threadId);
    expect([thread?.id, thread?.authorId]).toEqual([threadId, hostile]);
    const row = db.prepare('SELECT message_id, text FROM messages WHERE thread_id = ?').get(threadId);
    expect(row).toEqual({ message_id: hostile, text: ingest({ text: raw }).text });
    expect(pipeline.message(input, 1_700_000_001_000).duplicate).toBe(true);
    db.close();
  });
});
