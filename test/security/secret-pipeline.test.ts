/**
 * The secret corpus through the real pipeline over a SQLite file (the terminal thread's path):
 * every fake credential, in every wrapper, as a message, an edit and a `message.txt` attachment,
 * then a one-off diagnosis. Afterwards the database bytes (main file and -wal, while open and
 * after close), the captured log lines, every reply and every result hold no piece of any secret,
 * and each message reported its credential (masked) so the adapter can warn.
 * The fake-Discord run adds its own captures to the same `findTraces` (test/security/traces.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Effect } from '../../src/conversation/types.ts';
import { createLogger } from '../../src/log/logger.ts';
import { createPipeline } from '../../src/pipeline/pipeline.ts';
import type { Pipeline, PipelineResult } from '../../src/pipeline/types.ts';
import { openDatabase } from '../../src/store/db.ts';
import { FAKE_CREDENTIALS } from '../fixtures/secrets/fake-credentials.ts';
import { WRAPPERS } from '../fixtures/secrets/wrappers.ts';
import { findTraces } from './traces.ts';

const CASES = FAKE_CREDENTIALS.flatMap((c) =>
  WRAPPERS.filter((w) => w.named || c.credentialType !== 'secret_value').map((w) => ({ c, w, text: w.wrap(c) })),
);

const repliesOf = (effects: Effect[]): string[] =>
  effects.flatMap((e) => (e.type === 'reply' || e.type === 'edit_reply' ? [e.reply.markdown] : []));

describe('secret corpus through the terminal pipeline and SQLite', () => {
  let dir: string;
  let dbPath: string;
  let db: ReturnType<typeof openDatabase>;
  let pipeline: Pipeline;
  const logs: string[] = [];
  const outputs: string[] = [];
  const reported: boolean[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pincer-secrets-'));
    dbPath = join(dir, 'pincer.db');
    db = openDatabase(dbPath);
    const logger = createLogger({ level: 'debug', destination: { write: (s: string) => void logs.push(s) } });
    pipeline = createPipeline({ db, logger });
    const keep = (r: PipelineResult) => {
      outputs.push(...repliesOf(r.effects), JSON.stringify(r));
      return r;
    };
    let now = 1_700_000_000_000;
    CASES.forEach(({ text }, i) => {
      const ref = { threadId: `terminal:${i}`, channelKind: 'terminal' as const, threadAuthorId: 'user-1' };
      const sent = keep(pipeline.message({ ...ref, eventId: `message:m${i}`, messageId: `m${i}`, authorId: 'user-1', role: 'author', addressed: true, text }, (now += 1000)));
      const edited = keep(pipeline.edit({ ...ref, eventId: `edit:m${i}:1`, messageId: `m${i}`, text: `${text}\nopenclaw models status` }, (now += 1000)));
      const attached = keep(
        pipeline.message(
          {
            ...ref,
            eventId: `message:a${i}`,
            messageId: `a${i}`,
            authorId: 'user-1',
            role: 'author',
            addressed: true,
            text: 'my config:',
            attachments: [{ name: 'message.txt', bytes: new TextEncoder().encode(text) }],
          },
          (now += 1000),
        ),
      );
      const once = pipeline.diagnoseOnce(text);
      outputs.push(once.outcome ? JSON.stringify(once) : '');
      reported.push(sent.secrets.length > 0 && edited.secrets.length > 0 && attached.secrets.length > 0 && once.secrets.length > 0);
      outputs.push(JSON.stringify(pipeline.thread(ref.threadId)));
    });
  });

  afterAll(() => {
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`handled ${CASES.length} credential pastes and reported a credential for each`, () => {
    expect(reported).toHaveLength(CASES.length);
    expect(CASES.filter((_, i) => !reported[i]).map(({ c, w }) => `${c.credentialType} in ${w.name}`)).toEqual([]);
  });

  it('leaves no trace in replies, results, or log lines', () => {
    expect(logs.length).toBeGreaterThan(0);
    expect(findTraces({ logs, outputs })).toEqual([]);
  });

  it('leaves no trace in the SQLite file and its -wal, open or closed', () => {
    expect(findTraces({ dbPath })).toEqual([]);
    db.close();
    expect(findTraces({ dbPath })).toEqual([]);
  });
});
