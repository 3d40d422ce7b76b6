/**
 * `pincer replay [--json] FILE`: FILE is `{"messages":[{"role":"user"|"helper","text":"…"}]}`.
 * The messages go in order into ONE fresh forum thread (an in-memory database with the same
 * migrations). `user` is the thread's author; `helper` is whoever else answered (in seed 001 the
 * old answer bot): context only, never evidence, never silencing Pincer.
 * With --json: one object per line for each user message:
 *   {"index", "status", "branch", "candidates", "next_command", "reply", "state"}
 */
import { readFile } from 'node:fs/promises';
import * as z from 'zod';
import { openDatabase } from '../store/db.ts';
import { createPipeline } from '../pipeline/pipeline.ts';
import type { Pipeline } from '../pipeline/types.ts';
import { parseCommandArgs } from './args.ts';
import { type CliIo, println } from './io.ts';
import { InputError } from './read-source.ts';

export const ReplayFile = z.object({
  messages: z.array(z.object({ role: z.enum(['user', 'helper']), text: z.string() })),
});
export type ReplayMessage = z.infer<typeof ReplayFile>['messages'][number];

export interface ReplayLine {
  index: number;
  status: string;
  branch: string | null;
  candidates: string[];
  next_command: string | null;
  reply: string | null;
  state: string;
}

/** Fixed clock for replays: same input, same output. One minute between messages. */
const REPLAY_EPOCH = Date.UTC(2026, 2, 20, 12, 0, 0);
const THREAD = { threadId: 'replay', channelKind: 'forum_post' as const, threadAuthorId: 'user' };

/** Sends message `index` of a replay into the thread. @returns its line, or null for helper messages. */
export function replayMessage(pipeline: Pipeline, message: ReplayMessage, index: number): ReplayLine | null {
  const isUser = message.role === 'user';
  const result = pipeline.message(
    {
      ...THREAD,
      eventId: `replay:${index}`,
      messageId: `m${index}`,
      authorId: isUser ? 'user' : 'helper',
      role: isUser ? 'author' : 'other_bot',
      addressed: false,
      text: message.text,
    },
    REPLAY_EPOCH + index * 60_000,
  );
  if (!isUser) return null;
  const outcome = result.outcome;
  return {
    index,
    status: outcome?.status ?? 'not_auth',
    branch: outcome?.branch ?? null,
    candidates: outcome?.candidates ?? [],
    next_command: outcome?.nextCommand ?? null,
    reply: outcome?.reply?.markdown ?? null,
    state: result.thread?.status ?? 'new',
  };
}

/** Replays all messages into a fresh pipeline. */
export function replayThread(pipeline: Pipeline, messages: ReplayMessage[]): ReplayLine[] {
  return messages.flatMap((m, i) => replayMessage(pipeline, m, i) ?? []);
}

/** Reads and validates a replay file. @throws InputError with one line saying what is wrong. */
export async function readReplayFile(path: string): Promise<ReplayMessage[]> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch {
    throw new InputError(`cannot read ${path}: no such file or not readable`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new InputError(`${path} is not JSON: expected {"messages":[{"role":"user"|"helper","text":"…"}]}`);
  }
  const parsed = ReplayFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(`${path}: ${issue.path.join('.') || 'top level'}: ${issue.message}; expected {"messages":[{"role":"user"|"helper","text":"…"}]}`);
  }
  return parsed.data.messages;
}

export async function runReplay(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('replay', argv, { options: { json: { type: 'boolean' } }, positionals: 1 });
  const file = positionals[0];
  if (!file) throw new InputError('usage: pincer replay [--json] FILE');
  const messages = await readReplayFile(file);
  const db = openDatabase(':memory:');
  try {
    const pipeline = createPipeline({ db });
    for (const [i, message] of messages.entries()) {
      const line = replayMessage(pipeline, message, i);
      if (!line) continue;
      if (values.json) println(io.stdout, JSON.stringify(line));
      else printTranscript(io, message, line);
    }
  } finally {
    db.close();
  }
  return 0;
}

function printTranscript(io: CliIo, message: ReplayMessage, line: ReplayLine): void {
  const firstLine = message.text.split('\n')[0]!.slice(0, 100);
  println(io.stdout, `── [${line.index}] user: ${firstLine}`);
  println(io.stdout, line.reply ? line.reply : `   (Pincer stays silent: ${line.status}${line.branch ? `, ${line.branch}` : ''})`);
  println(io.stdout);
}
