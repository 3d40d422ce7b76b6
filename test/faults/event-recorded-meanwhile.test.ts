// Issue 15 #6 (the path found by reading): another process records the same event between this
// process's "already processed?" check and its save. The save then finds the event recorded; the
// reply must not be returned a second time. Two connections on one SQLite file; the other
// process's save is run at the exact moment between the check and the save.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createPipeline } from '../../src/pipeline/pipeline.ts';
import type { IncomingMessage } from '../../src/pipeline/types.ts';
import { openDatabase } from '../../src/store/db.ts';
import { seedText } from '../e2e/harness/seed.ts';

const dir = mkdtempSync(join(tmpdir(), 'pincer-race-'));
const file = join(dir, 'pincer.db');
const mine = openDatabase(file);
const theirs = openDatabase(file);
afterAll(() => {
  mine.close();
  theirs.close();
  rmSync(dir, { recursive: true, force: true });
});

/** `db`, except that the first transaction it runs lets `before` run first (the other process). */
function racing(db: Database, before: () => void): Database {
  let armed = true;
  return new Proxy(db, {
    get(target, key) {
      const value = Reflect.get(target, key, target);
      if (key !== 'transaction') return typeof value === 'function' ? value.bind(target) : value;
      return (fn: (...a: unknown[]) => unknown) => {
        const tx = target.transaction(fn);
        const fire = () => {
          if (armed) {
            armed = false;
            before();
          }
        };
        const wrapped = (...a: unknown[]) => (fire(), tx(...a));
        for (const mode of ['deferred', 'immediate', 'exclusive'] as const) Object.assign(wrapped, { [mode]: (...a: unknown[]) => (fire(), tx[mode](...a)) });
        return wrapped;
      };
    },
  });
}

const input: IncomingMessage = {
  threadId: 'terminal:race', channelKind: 'terminal', threadAuthorId: 'u1', eventId: 'message:m1', messageId: 'm1',
  authorId: 'u1', role: 'author', addressed: true, text: seedText(0),
};
const replies = (effects: { type: string }[]) => effects.filter((e) => e.type === 'reply').length;

describe('the event is recorded by another process between the check and the save', () => {
  it('the other process answers; this one reports a duplicate with nothing to carry out', () => {
    let theirsReplied = 0;
    const other = createPipeline({ db: theirs });
    const pipeline = createPipeline({ db: racing(mine, () => (theirsReplied = replies(other.message(input, 1_000).effects))) });
    const result = pipeline.message(input, 1_001);
    expect(theirsReplied).toBe(1);
    expect(result.effects.map((e) => e.type)).toEqual([]);
    expect(result.duplicate).toBe(true);
  });
});
