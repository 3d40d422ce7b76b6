/**
 * What the Discord adapter's redelivery reads (`undelivered`): each committed reply's content as
 * it will be posted, kept only until it is confirmed, never a secret, and gone with retention and
 * forget-me. The terminal thread keeps none.
 */
import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../src/pipeline/pipeline.ts';
import { openDatabase } from '../../src/store/db.ts';
import { forgetUser } from '../../src/store/forget.ts';
import { purgeOldText } from '../../src/store/retention.ts';
import { FAKE_CREDENTIALS, tracesIn } from '../fixtures/secrets/fake-credentials.ts';

const T0 = Date.UTC(2026, 10, 1);
const key = FAKE_CREDENTIALS.find((c) => c.credentialType === 'anthropic_api_key')!;
const paste = `export ANTHROPIC_API_KEY="${key.secret}"\nrun error: HTTP 401 authentication_error: invalid x-api-key`;
const post = { threadId: 't1', channelKind: 'forum_post' as const, threadAuthorId: 'u1', authorId: 'u1', role: 'author' as const, addressed: false };
const send = (p: ReturnType<typeof createPipeline>, id: string, text: string, at = T0) =>
  p.message({ ...post, eventId: `message:${id}`, messageId: id, text }, at);

describe('undelivered replies', () => {
  it('keeps a committed reply as it will be posted until replyPosted confirms it', () => {
    const db = openDatabase(':memory:');
    const p = createPipeline({ db, trackDelivery: true });
    const result = send(p, 'm1', paste);
    const reply = result.effects.find((e) => e.type === 'reply');
    expect(p.undelivered!(0)).toEqual([{ threadId: 't1', replyId: 'm1:r1', toMessageId: 'm1', at: T0, reply: reply?.type === 'reply' ? reply.reply : null }]);
    expect(p.undelivered!(T0 + 1)).toEqual([]); // older than `since`
    p.replyPosted('t1', 'm1:r1', 'discord-1');
    expect(p.undelivered!(0)).toEqual([]);
    db.close();
  });

  it('never holds the credential, only its mask', () => {
    const db = openDatabase(':memory:');
    const p = createPipeline({ db, trackDelivery: true });
    send(p, 'm1', paste);
    const rows = db.prepare('SELECT undelivered FROM replies').all() as { undelivered: string }[];
    expect(rows).toHaveLength(1);
    expect(tracesIn(rows[0]!.undelivered, [key])).toEqual([]);
    db.close();
  });

  it('is given up on request, and cleared by retention and by forget-me', () => {
    const db = openDatabase(':memory:');
    const p = createPipeline({ db, trackDelivery: true });
    send(p, 'm1', paste, T0);
    p.replyAbandoned!('t1', 'm1:r1');
    expect(p.undelivered!(0)).toEqual([]);
    send(p, 'm2', 'run error: HTTP 401 authentication_error: invalid x-api-key (request_id: sha256:1)', T0);
    purgeOldText(db, 86_400_000, T0 + 2 * 86_400_000);
    expect(p.undelivered!(0)).toEqual([]);
    send(p, 'm3', 'I purchased credits, and it still says that: Your credit balance is too low', T0 + 3 * 86_400_000);
    expect(p.undelivered!(0)).toHaveLength(1);
    forgetUser(db, 'u1');
    expect(p.undelivered!(0)).toEqual([]);
    db.close();
  });

  it('is not kept for the terminal thread, which prints at once', () => {
    const db = openDatabase(':memory:');
    const p = createPipeline({ db });
    send(p, 'm1', paste);
    expect(p.undelivered).toBeUndefined();
    expect(db.prepare('SELECT COUNT(*) AS n FROM replies WHERE undelivered IS NOT NULL').get()).toEqual({ n: 0 });
    db.close();
  });

  it('keeps an edit of a posted reply until replyEdited confirms it; an edit of an unposted one changes what will be posted', () => {
    const db = openDatabase(':memory:');
    const p = createPipeline({ db, trackDelivery: true });
    const first = 'run error: HTTP 401 authentication_error: invalid x-api-key (request_id: sha256:1)';
    const credit = 'LLM request rejected: Your credit balance is too low to access the Anthropic API.';
    const edit = (at: number) => p.edit({ ...post, eventId: `edit:m1:${at}`, messageId: 'm1', text: credit }, at);
    send(p, 'm1', first);
    edit(T0 + 1000);
    const [waiting] = p.undelivered!(0);
    expect(waiting?.reply.markdown.toLowerCase()).toContain('credit');
    expect(p.unedited!(0)).toEqual([]);

    p.replyPosted('t1', 'm1:r1', 'discord-1');
    const result = p.edit({ ...post, eventId: 'edit:m1:again', messageId: 'm1', text: 'HTTP 401 authentication_error: OAuth token has expired' }, T0 + 2000);
    const editEffect = result.effects.find((e) => e.type === 'edit_reply');
    expect(editEffect).toBeDefined();
    const [pending] = p.unedited!(0);
    expect(pending).toMatchObject({ replyId: 'm1:r1', at: T0 + 2000 });
    expect(pending?.reply).toEqual(editEffect?.type === 'edit_reply' ? editEffect.reply : null);
    p.replyEdited!('t1', 'm1:r1');
    expect(p.unedited!(0)).toEqual([]);
    db.close();
  });
});
