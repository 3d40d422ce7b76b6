/**
 * What the operator configures reaches the thread: reminder delay (PINCER_REMIND_AFTER_HOURS) and
 * the retention purge (PINCER_RETENTION_DAYS) that removes old message text but keeps facts.
 */
import { describe, expect, it } from 'vitest';
import { parseCoreConfig } from '../../src/config/env.ts';
import { retentionMs, timerSettings } from '../../src/config/timers.ts';
import { keepRetention } from '../../src/cli/retention.ts';
import { createPipeline } from '../../src/pipeline/pipeline.ts';
import { openDatabase } from '../../src/store/db.ts';

const T0 = Date.UTC(2026, 10, 1);
const paste = 'run error: HTTP 401 authentication_error: invalid x-api-key (request_id: sha256:c6bb760e0b67)';
const message = { threadId: 't1', channelKind: 'forum_post' as const, threadAuthorId: 'u1', eventId: 'message:1', messageId: '1', authorId: 'u1', role: 'author' as const, addressed: false, text: paste };

describe('configured thread timers', () => {
  it('reminds the author after the configured hours, not the default', () => {
    const db = openDatabase(':memory:');
    const pipeline = createPipeline({ db, timers: timerSettings(parseCoreConfig({ PINCER_REMIND_AFTER_HOURS: '6' })) });
    const result = pipeline.message(message, T0);
    db.close();
    expect(result.effects).toContainEqual({ type: 'schedule', timer: 'remind_author', dueAt: T0 + 6 * 3_600_000 });
  });
});

describe('retention', () => {
  it('purges message text older than the configured days and keeps the facts', () => {
    const db = openDatabase(':memory:');
    createPipeline({ db }).message(message, Date.now() - 40 * 86_400_000);
    const stop = keepRetention(db, retentionMs(parseCoreConfig({ PINCER_RETENTION_DAYS: '30' })));
    stop();
    const row = db.prepare('SELECT text, text_purged_at FROM messages').get() as { text: string | null; text_purged_at: number | null };
    const facts = db.prepare('SELECT COUNT(*) AS n FROM facts').get() as { n: number };
    db.close();
    expect(row.text).toBeNull();
    expect(row.text_purged_at).not.toBeNull();
    expect(facts.n).toBeGreaterThan(0);
  });
});
