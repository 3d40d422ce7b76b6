// The moderators' figures, forget-me and the workflow rows, over a real migrated SQLite database.
import { describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/store/db.ts';
import { forgetUser } from '../../src/store/forget.ts';
import { storeStatus, windowStats } from '../../src/store/stats.ts';
import { createWorkflowStore } from '../../src/store/workflow.ts';

const DAY = 86_400_000;
const NOW = 100 * DAY;

function thread(db: Database, id: string, author: string, status: string, createdAt: number): void {
  db.prepare(
    "INSERT INTO threads (id, channel_kind, author_id, status, created_at, updated_at) VALUES (?, 'forum_post', ?, ?, ?, ?)",
  ).run(id, author, status, createdAt, createdAt);
}
function message(db: Database, threadId: string, id: string, author: string, ord: number): void {
  db.prepare(
    "INSERT INTO messages (thread_id, message_id, ord, author_id, role, seq, episode, at, text_hash, text) VALUES (?, ?, ?, ?, 'author', ?, 0, ?, 'h', 'masked text')",
  ).run(threadId, id, ord, author, ord, NOW);
}
function providerError(db: Database, threadId: string, messageId: string, fact: object): void {
  db.prepare("INSERT INTO facts (thread_id, message_id, idx, ord, seq, episode, kind, fact) VALUES (?, ?, 0, 0, 0, 0, 'provider_error', ?)").run(
    threadId,
    messageId,
    JSON.stringify({ kind: 'provider_error', ...fact }),
  );
}
function suggestion(db: Database, threadId: string, replyId: string, branch: string, command: string | null, outcome: string, at: number): void {
  db.prepare('INSERT INTO suggestions (thread_id, reply_id, ord, branch, command, outcome, episode, suggested_at, data) VALUES (?, ?, 0, ?, ?, ?, 0, ?, ?)').run(
    threadId, replyId, branch, command, outcome, at, '{}',
  );
}
function solution(db: Database, threadId: string, by: string, pincerReply: boolean, source: string, at: number): void {
  db.prepare("INSERT INTO solutions (thread_id, ord, message_id, solved_by, branch, pincer_reply, source, episode, solved_at, data) VALUES (?, 0, NULL, ?, NULL, ?, ?, 0, ?, ?)").run(
    threadId, by, pincerReply ? 1 : 0, source, at, JSON.stringify({ by }),
  );
}

function world(): Database {
  const db = openDatabase(':memory:');
  thread(db, 't1', 'alice', 'solved', NOW - DAY);
  thread(db, 't2', 'bob', 'bot_answered', NOW - 2 * DAY);
  thread(db, 't3', 'carol', 'new', NOW - 3 * DAY);
  thread(db, 't4', 'dave', 'needs_info', NOW - 3 * DAY);
  thread(db, 'old', 'erin', 'closed', NOW - 40 * DAY);
  message(db, 't1', 'm1', 'alice', 0);
  message(db, 't1', 'm2', 'bob', 1);
  message(db, 't3', 'm3', 'carol', 0);
  message(db, 't4', 'm4', 'dave', 0);
  providerError(db, 't1', 'm1', { code: 'billing', httpStatus: 400, provider: 'anthropic' });
  providerError(db, 't3', 'm3', { code: 'model_not_found', httpStatus: 404, provider: 'openrouter' });
  providerError(db, 't4', 'm4', { code: 'authentication_error', httpStatus: 401, provider: 'anthropic' });
  suggestion(db, 't1', 'r1', 'credit_balance_low', null, 'worked', NOW - DAY);
  suggestion(db, 't2', 'r2', 'api_key_invalid', 'openclaw onboard', 'failed', NOW - 2 * DAY);
  suggestion(db, 'old', 'r3', 'api_key_invalid', 'openclaw onboard', 'failed', NOW - 40 * DAY);
  solution(db, 't1', 'alice', true, 'pincer', NOW - DAY);
  solution(db, 'old', 'erin', false, 'answer_overflow', NOW - 40 * DAY);
  return db;
}

describe('moderator figures', () => {
  it('status counts open, solved and closed threads and the file size', () => {
    const db = world();
    db.prepare("UPDATE threads SET held = '{}' WHERE id = 't1'").run();
    const s = storeStatus(db);
    expect(s).toMatchObject({ open: 3, solved: 1, closed: 1, held: 1 });
    expect(s.bytes).toBeGreaterThan(0);
  });

  it('stats cover only the window: branches, solved-by-Pincer, failed fixes, coverage gaps', () => {
    const s = windowStats(world(), 7, NOW);
    expect(s.threads).toBe(4);
    expect(s.branches).toEqual([{ label: 'api_key_invalid', count: 1 }, { label: 'credit_balance_low', count: 1 }]);
    expect([s.solved, s.solvedByPincer]).toEqual([1, 1]);
    expect(s.failedFixes).toEqual([{ label: 'api_key_invalid: openclaw onboard', count: 1 }]);
    // t3 had an error Pincer never diagnosed; t4 is still waiting for the answer to an ask.
    expect(s.unmatched).toEqual([{ label: 'HTTP 404 model_not_found (openrouter)', count: 1 }]);
    expect(windowStats(world(), 60, NOW).failedFixes).toEqual([{ label: 'api_key_invalid: openclaw onboard', count: 2 }]);
  });
});

describe('forget-me', () => {
  it("removes the user's messages and evidence and their name, keeps counts and other people's rows", () => {
    const db = world();
    const wf = createWorkflowStore(db);
    wf.recordLeak({ messageId: 'm9', threadId: 't1', channelId: 't1', authorId: 'alice', credentialTypes: ['openai_key'], inGuild: true, removed: true, alertedHelpers: false, at: NOW });
    thread(db, 'dm:alice', 'alice', 'needs_info', NOW);
    message(db, 'dm:alice', 'd1', 'alice', 0);
    db.prepare("INSERT INTO rate_limits (scope, subject, window_start, replies, due_at) VALUES ('user', 'alice', ?, 3, ?), ('user', 'bob', ?, 1, ?)").run(NOW, NOW + DAY, NOW, NOW + DAY);
    expect(forgetUser(db, 'alice')).toEqual({ messages: 2, facts: 1, threadsAnonymized: 1, dmThreadsDeleted: 1 });
    const all = (sql: string) => db.prepare(sql).all();
    expect(all("SELECT message_id FROM messages WHERE thread_id = 't1'")).toEqual([{ message_id: 'm2' }]);
    expect(all("SELECT message_id FROM facts WHERE thread_id = 't1'")).toEqual([]);
    expect(all("SELECT author_id FROM threads WHERE id = 't1'")).toEqual([{ author_id: 'forgotten' }]);
    expect(all("SELECT id FROM threads WHERE id = 'dm:alice'")).toEqual([]);
    expect(all("SELECT solved_by, json_extract(data, '$.by') AS by FROM solutions WHERE thread_id = 't1'")).toEqual([{ solved_by: 'forgotten', by: 'forgotten' }]);
    expect(all('SELECT author_id FROM leaked_credentials')).toEqual([{ author_id: 'forgotten' }]);
    expect(all('SELECT subject FROM rate_limits')).toEqual([{ subject: 'bob' }]);
    expect(windowStats(db, 7, NOW).branches).toHaveLength(2);
    expect(forgetUser(db, 'alice')).toEqual({ messages: 0, facts: 0, threadsAnonymized: 0, dmThreadsDeleted: 0 });
  });
});

describe('helper alerts', () => {
  it('one alert per thread and problem; released on a failed post; acknowledged once', () => {
    const db = world();
    const wf = createWorkflowStore(db);
    const claim = { threadId: 't2', episode: 0, reason: 'requested', branch: null, channelId: 'c', postedAt: NOW };
    expect(wf.claimHelperAlert(claim)).toBe(true);
    expect(wf.claimHelperAlert(claim)).toBe(false);
    wf.releaseHelperAlert('t2', 0);
    expect(wf.claimHelperAlert(claim)).toBe(true);
    wf.helperAlertPosted('t2', 0, 'p1');
    wf.releaseHelperAlert('t2', 0); // posted: stays
    expect(wf.latestHelperAlert('t2')?.postedId).toBe('p1');
    expect(wf.acknowledgeHelperAlert('t2', 'helena', NOW)).toBe(true);
    expect(wf.acknowledgeHelperAlert('t2', 'mo', NOW)).toBe(false);
    expect(wf.latestHelperAlert('t2')).toMatchObject({ acknowledgedBy: 'helena', acknowledgedAt: NOW });
  });
});
