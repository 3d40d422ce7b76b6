/**
 * The terminal help thread (`pincer console`, and `npm start` without DISCORD_TOKEN): the same
 * pipeline and database Discord uses, with the terminal as the channel.
 *
 * Interactive: a prompt, one stored thread that a restart continues (`--new` or `/new` starts a
 * fresh one), console commands (/help, /new, /history, /quit), input read by
 * ./terminal-input.ts, replies rendered for the terminal (./render-terminal.ts).
 * Piped (`cat paste.txt | npm start`): a fresh thread each run, same input → same output; end of
 * input answers the last paste and exits 0; plain text.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { envFileLine, type EnvFileResult } from '../config/env-file.ts';
import { evidenceLines, triedLines } from '../conversation/escalation.ts';
import { createPipeline, type PipelineDeps } from '../pipeline/pipeline.ts';
import type { Pipeline } from '../pipeline/types.ts';
import { claimConsoleThread } from '../store/console-threads.ts';
import { type CliIo, println } from './io.ts';
import { PASTE_TERMINATOR_HELP, splitPastes, TYPING_HELP } from './paste-splitter.ts';
import { readSource } from './read-source.ts';
import { renderForTerminal } from './render-terminal.ts';
import { BRACKETED_PASTE_OFF, BRACKETED_PASTE_ON, terminalMessages } from './terminal-input.ts';
import { terminalReply } from './terminal-replies.ts';

export interface ConsoleOptions {
  db: Database;
  io: CliIo;
  /** Start a fresh thread instead of continuing the last one (interactive only). */
  fresh: boolean;
  /** Show Discord's `-# ` small print (branch id, confidence). */
  verbose?: boolean;
  /** The settings file read at start-up (named in the first line). */
  envFile?: EnvFileResult;
  now?: () => number;
  /** Reminder and auto-close delays, ms. */
  timers?: PipelineDeps['timers'];
}

const PROMPT = 'you ▸ ';
export const CONSOLE_HELP = `Commands: /help this list · /new a fresh thread · /history what Pincer has read so far · /quit (or Ctrl-D) end.
Paste OpenClaw output or describe the problem.`;

type Command = 'help' | 'new' | 'history' | 'quit';
const COMMANDS: Record<string, Command> = { '/help': 'help', help: 'help', '/?': 'help', '/new': 'new', '/history': 'history', '/quit': 'quit', '/exit': 'quit', quit: 'quit', exit: 'quit' };

/** One terminal thread being talked in: its id, message numbering and the session's messages. */
class Session {
  readonly tag = randomUUID().slice(0, 8);
  seq = 0;
  texts: string[] = [];
  shown = new Set<string>();
  threadId: string;
  constructor(threadId: string) {
    this.threadId = threadId;
  }
}

/** Runs the terminal thread until end of input or /quit. @returns the exit code (0). */
export async function runConsole(opts: ConsoleOptions): Promise<number> {
  const { db, io, fresh, verbose = false, now = Date.now, timers } = opts;
  const pipeline = createPipeline({ db, timers });
  const interactive = io.stdin.isTTY === true;
  const colour = interactive && (io.stdout as { isTTY?: boolean }).isTTY === true;
  const settings = opts.envFile ? envFileLine(opts.envFile) : null;

  if (!interactive) {
    println(io.stderr, `Pincer: local help thread, reading piped input (${PASTE_TERMINATOR_HELP}).${settings ? ` ${settings}.` : ''}`);
    const session = new Session(`terminal:pipe:${randomUUID()}`);
    const { bytes } = await readSource('-', io.stdin);
    for (const paste of splitPastes(Buffer.from(bytes).toString('utf8'))) {
      const command = COMMANDS[paste.trim().toLowerCase()];
      if (command === 'quit') break;
      if (command) runCommand(command, session, pipeline, io, false);
      else send(pipeline, session, paste, io, { colour: false, verbose }, now());
    }
    return 0;
  }

  let claim = claimConsoleThread(db, db.name, { fresh });
  const session = new Session(claim.threadId);
  const existing = pipeline.thread(claim.threadId);
  const resumed = existing && existing.messages.length > 0 ? ` — continuing your last thread (${existing.messages.length} messages; /new starts a fresh one)` : '';
  const elsewhere = claim.busy ? ` Your last thread is open in another console (process ${claim.busy.pid}), so this is a fresh one.` : '';
  println(io.stdout, `Pincer: local help thread in the terminal${resumed}.${elsewhere}`);
  if (settings) println(io.stdout, `(${settings})`);
  println(io.stdout, `${TYPING_HELP}.\n${CONSOLE_HELP}\n`);
  const ttyOut = (io.stdout as { isTTY?: boolean }).isTTY === true;
  // Ctrl-C: give the terminal its normal paste mode back and free the thread before exiting.
  const onInterrupt = (): void => {
    io.stdout.write(`${ttyOut ? BRACKETED_PASTE_OFF : ''}\n`);
    claim.release();
    process.exit(130);
  };
  process.once('SIGINT', onInterrupt);
  io.stdout.write((ttyOut ? BRACKETED_PASTE_ON : '') + PROMPT);
  try {
    for await (const message of terminalMessages(io.stdin)) {
      const command = COMMANDS[message.trim().toLowerCase()];
      if (command === 'quit') break;
      if (command === 'new') {
        claim.release();
        claim = claimConsoleThread(db, db.name, { fresh: true });
        Object.assign(session, new Session(claim.threadId));
        println(io.stdout, `\nA fresh thread (${claim.threadId}). Paste OpenClaw output or describe the problem.\n`);
      } else if (command) runCommand(command, session, pipeline, io, colour);
      else send(pipeline, session, message, io, { colour, verbose }, now());
      io.stdout.write(PROMPT);
    }
  } finally {
    process.off('SIGINT', onInterrupt);
    io.stdout.write(`${ttyOut ? BRACKETED_PASTE_OFF : ''}\n`);
    claim.release();
    if ('pause' in io.stdin && typeof io.stdin.pause === 'function') io.stdin.pause();
  }
  return 0;
}

function send(pipeline: Pipeline, session: Session, text: string, io: CliIo, style: { colour: boolean; verbose: boolean }, at: number): void {
  session.seq += 1;
  session.texts.push(text);
  const messageId = `${session.threadId}:${session.tag}:m${session.seq}`;
  const result = pipeline.message(
    { threadId: session.threadId, channelKind: 'terminal', threadAuthorId: 'you', eventId: `message:${messageId}`, messageId, authorId: 'you', role: 'author', addressed: true, text },
    at,
  );
  for (const note of result.notes) println(io.stdout, `(note: ${note.message})`);
  const markdown = terminalReply(result, text, session.texts, session.shown, (t) => pipeline.diagnoseOnce(t));
  if (markdown) session.shown.add(markdown);
  println(io.stdout, markdown ? `\nPincer ▸ ${renderForTerminal(markdown, style)}\n` : `\n(Pincer has nothing to add here.)\n`);
}

function runCommand(command: Exclude<Command, 'quit'>, session: Session, pipeline: Pipeline, io: CliIo, colour: boolean): void {
  if (command === 'help') {
    println(io.stdout, `\n${CONSOLE_HELP}\n`);
    return;
  }
  if (command === 'new') {
    Object.assign(session, new Session(`terminal:pipe:${randomUUID()}`));
    println(io.stdout, '\nA fresh thread.\n');
    return;
  }
  const thread = pipeline.thread(session.threadId);
  const facts = thread ? evidenceLines(thread) : [];
  const tried = thread ? triedLines(thread) : [];
  const asks = thread ? thread.asks.filter((a) => a.episode === thread.episode).map((a) => `${a.command ? `\`${a.command}\`` : a.text}${a.answeredBy ? ' (answered)' : ' (waiting for your answer)'}`) : [];
  const section = (title: string, lines: string[]) => `**${title}**\n${lines.length ? lines.map((l) => `- ${l}`).join('\n') : '- nothing yet'}`;
  const markdown = [section('What I have read (secrets masked):', facts), section('What I asked:', asks), section('What was tried:', tried)].join('\n\n');
  println(io.stdout, `\n${renderForTerminal(markdown, { colour, verbose: false })}\n`);
}
