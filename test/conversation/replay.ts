/**
 * Replays a transcribed help thread (test/fixtures/threads/*.json) through the real stages —
 * the pipeline's `readInput` (ingest, evidence), then the reducer with the real engine and
 * renderer — as `pincer replay` does, but keeping every Reduction (state and effects) for the
 * reducer-level tests: `user` is the thread's author, `helper` (an earlier answer bot) is context
 * only.
 */
import { readFileSync } from 'node:fs';
import { newThread, reduce } from '../../src/conversation/reducer.ts';
import type { Reduction, ThreadEvent, ThreadState } from '../../src/conversation/types.ts';
import { defaultDeps } from '../../src/pipeline/default-deps.ts';
import { readInput } from '../../src/pipeline/pipeline.ts';

export interface ReplayStep {
  index: number;
  text: string;
  reduction: Reduction;
}

export function threadEvents(file: string): { index: number; text: string; event: ThreadEvent }[] {
  const { messages } = JSON.parse(readFileSync(file, 'utf8')) as { messages: { role: 'user' | 'helper'; text: string }[] };
  return messages.map((m, index) => {
    const messageId = `msg-${index}`;
    const { evidence, textHash } = readInput(messageId, m.text);
    const event: ThreadEvent = {
      type: 'message',
      messageId,
      authorId: m.role === 'user' ? 'author' : 'answer-bot',
      role: m.role === 'user' ? 'author' : 'other_bot',
      addressed: false,
      evidence,
      textHash,
    };
    return { index, text: m.text, event };
  });
}

export function replay(file: string, start = Date.UTC(2026, 2, 20, 9)): { steps: ReplayStep[]; state: ThreadState } {
  let state = newThread({ id: 'replay', channelKind: 'forum_post', authorId: 'author', now: start });
  const steps: ReplayStep[] = [];
  for (const { index, text, event } of threadEvents(file)) {
    const reduction = reduce(state, event, start + index * 60_000, defaultDeps);
    state = reduction.state;
    if (event.type === 'message' && event.role === 'author') steps.push({ index, text, reduction });
  }
  return { steps, state };
}
