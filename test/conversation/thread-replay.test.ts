/**
 * Issue 14: a replay of every thread in the repository — every `*.json` under test/fixtures that
 * holds `messages` — gives, on an auth thread, a first reply that is a diagnosis or one ask (never
 * silence), and never posts the same reply text twice.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReplayFile, replayThread } from '../../src/cli/replay.ts';
import { normalise } from '../../src/conversation/never-repeat.ts';
import { createPipeline } from '../../src/pipeline/pipeline.ts';
import { openDatabase } from '../../src/store/db.ts';

const ROOT = 'test/fixtures';

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? jsonFiles(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : [],
  );
}

/** Every JSON file shaped as a thread (`{"messages": [...]}`); other fixtures are expected outputs. */
const threads = jsonFiles(ROOT).filter((f) => {
  const json: unknown = JSON.parse(readFileSync(f, 'utf8'));
  return typeof json === 'object' && json !== null && Array.isArray((json as { messages?: unknown }).messages);
});

function replayFile(file: string) {
  const { messages } = ReplayFile.parse(JSON.parse(readFileSync(file, 'utf8')));
  const db = openDatabase(':memory:');
  try {
    return replayThread(createPipeline({ db }), messages);
  } finally {
    db.close();
  }
}

describe('every thread fixture replayed', () => {
  it('has thread fixtures to replay, beyond seed 001', () => expect(threads.length).toBeGreaterThan(1));

  it.each(threads)('%s: the first reply is a diagnosis or one ask, and no reply text comes twice', (file) => {
    const lines = replayFile(file);
    const first = lines.find((l) => l.status !== 'not_auth');
    expect(first, 'an auth thread').toBeDefined();
    expect(first!.index).toBe(lines[0]!.index);
    expect(first!.reply).toBeTruthy();
    expect(first!.status === 'diagnosed' || first!.next_command !== null || /\?/.test(first!.reply!)).toBe(true);
    const texts = lines.flatMap((l) => (l.reply ? [normalise(l.reply)] : []));
    expect(new Set(texts).size).toBe(texts.length);
  });
});
