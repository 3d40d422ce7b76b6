/**
 * Issue 14: a replay of every thread fixture in the repository (test/fixtures/threads/*.json)
 * gives, on an auth thread, a first reply that is a diagnosis or one ask — never silence.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ReplayFile, replayThread } from '../../src/cli/replay.ts';
import { createPipeline } from '../../src/pipeline/pipeline.ts';
import { openDatabase } from '../../src/store/db.ts';

const DIR = 'test/fixtures/threads';
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));

describe('first reply on every thread fixture', () => {
  it('has thread fixtures to replay', () => expect(files.length).toBeGreaterThan(0));

  it.each(files)('%s: the first reply is a diagnosis or one ask', (file) => {
    const { messages } = ReplayFile.parse(JSON.parse(readFileSync(`${DIR}/${file}`, 'utf8')));
    const db = openDatabase(':memory:');
    try {
      const lines = replayThread(createPipeline({ db }), messages);
      const first = lines.find((l) => l.status !== 'not_auth');
      expect(first, 'an auth thread').toBeDefined();
      expect(first!.index).toBe(lines[0]!.index);
      expect(first!.reply).toBeTruthy();
      expect(first!.status === 'diagnosed' || first!.next_command !== null || /\?/.test(first!.reply!)).toBe(true);
    } finally {
      db.close();
    }
  });
});
