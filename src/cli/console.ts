/**
 * The terminal help thread (`pincer console`, and `npm start` without DISCORD_TOKEN): the same
 * pipeline and database Discord uses, with the terminal as the channel.
 *
 * Interactive: one stored thread that a restart continues (`--new` starts a fresh one).
 * Piped (`cat paste.txt | npm start`): a fresh thread each run, same input → same output; end of
 * input answers the last paste and exits 0.
 */
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Database } from 'better-sqlite3';
import { createPipeline, type PipelineDeps } from '../pipeline/pipeline.ts';
import type { Pipeline, PipelineResult } from '../pipeline/types.ts';
import { currentConsoleThread } from '../store/console-threads.ts';
import { type CliIo, println } from './io.ts';
import { PASTE_TERMINATOR_HELP, PasteSplitter, splitPastes } from './paste-splitter.ts';
import { readSource } from './read-source.ts';

export interface ConsoleOptions {
  db: Database;
  io: CliIo;
  /** Start a fresh thread instead of continuing the last one (interactive only). */
  fresh: boolean;
  now?: () => number;
  /** Reminder and auto-close delays, ms. */
  timers?: PipelineDeps['timers'];
}

/** Runs the terminal thread until end of input. @returns the exit code (0). */
export async function runConsole({ db, io, fresh, now = Date.now, timers }: ConsoleOptions): Promise<number> {
  const pipeline = createPipeline({ db, timers });
  const interactive = io.stdin.isTTY === true;
  const threadId = interactive ? currentConsoleThread(db, { fresh }) : `terminal:pipe:${randomUUID()}`;
  const existing = pipeline.thread(threadId);
  const seq = { n: existing?.messages.length ?? 0 };
  const send = (text: string): void => {
    seq.n += 1;
    const messageId = `${threadId}:m${seq.n}`;
    const result = pipeline.message(
      { threadId, channelKind: 'terminal', threadAuthorId: 'you', eventId: `message:${messageId}`, messageId, authorId: 'you', role: 'author', addressed: true, text },
      now(),
    );
    printResult(io, result);
  };

  if (!interactive) {
    println(io.stderr, `Pincer: local help thread, reading piped input (${PASTE_TERMINATOR_HELP}).`);
    const { bytes } = await readSource('-', io.stdin);
    for (const paste of splitPastes(Buffer.from(bytes).toString('utf8'))) send(paste);
    return 0;
  }

  const resumed = existing && existing.messages.length > 0 ? ` — continuing your last thread (${existing.messages.length} messages; --new starts a fresh one)` : '';
  println(io.stdout, `Pincer: local help thread in the terminal${resumed}. Paste OpenClaw output or describe the problem; ${PASTE_TERMINATOR_HELP}.`);
  const splitter = new PasteSplitter();
  const rl = createInterface({ input: io.stdin, terminal: false });
  for await (const line of rl) {
    const paste = splitter.push(line);
    if (paste !== null) send(paste);
  }
  const last = splitter.flush();
  if (last !== null) send(last);
  return 0;
}

function printResult(io: CliIo, result: PipelineResult): void {
  for (const note of result.notes) println(io.stdout, `(note: ${note.message})`);
  const reply = result.outcome?.reply;
  println(io.stdout, reply ? `\nPincer ▸ ${reply.markdown}\n` : `\n(Pincer has nothing to add here.)\n`);
}
