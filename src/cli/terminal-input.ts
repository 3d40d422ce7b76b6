/**
 * Turns what a person types or pastes into an interactive terminal into messages.
 *
 * - Bracketed paste (most terminals, once `ESC[?2004h` is written): the terminal wraps a paste in
 *   `ESC[200~ … ESC[201~`, so a multi-line paste is one message that ends by itself.
 * - A line typed alone ends with Enter.
 * - Several lines arriving at once without the markers (a terminal without bracketed paste) are
 *   a paste: it ends at a line holding only `.` or two empty lines (./paste-splitter.ts).
 * - Control characters (Ctrl-L, stray escape sequences from arrow keys) are not read into the
 *   message.
 */
import { StringDecoder } from 'node:string_decoder';
import { PasteSplitter } from './paste-splitter.ts';

export const PASTE_START = '\x1b[200~';
export const PASTE_END = '\x1b[201~';
/** Written to the terminal to turn bracketed paste on / off. */
export const BRACKETED_PASTE_ON = '\x1b[?2004h';
export const BRACKETED_PASTE_OFF = '\x1b[?2004l';

/** Lines that arrive within this many ms of each other count as one paste. */
const BATCH_MS = 25;

/** Removes control characters and terminal escape sequences from a typed line (keeps tabs). */
export function cleanTyped(line: string): string {
  return line
    .replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '')
    .replace(/\x1b[@-Z\\-_]/g, '')
    .replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '');
}

/**
 * Reads `input` until it ends. @returns an async iterator of messages (trimmed, never empty).
 */
export async function* terminalMessages(input: NodeJS.ReadableStream): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  const queue: string[] = [];
  const splitter = new PasteSplitter();
  let buffer = '';
  let pasting: string[] | null = null;
  let batch: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | null = null;
  let ended = false;
  const notify = (): void => {
    wake?.();
    wake = null;
  };
  const emit = (text: string | null): void => {
    const t = text?.trim();
    if (t) queue.push(t);
  };
  const settleBatch = (): void => {
    timer = undefined;
    const lines = batch;
    batch = [];
    if (lines.length === 1 && splitter.isEmpty()) emit(lines[0]!);
    else for (const line of lines) emit(splitter.push(line));
    notify();
  };
  const onText = (text: string): void => {
    buffer += text;
    for (;;) {
      if (pasting) {
        const end = buffer.indexOf(PASTE_END);
        if (end < 0) {
          // Keep a possible partial end marker in the buffer.
          const keep = buffer.lastIndexOf('\x1b');
          const take = keep >= 0 && keep > buffer.length - PASTE_END.length ? keep : buffer.length;
          pasting.push(buffer.slice(0, take));
          buffer = buffer.slice(take);
          return;
        }
        pasting.push(buffer.slice(0, end));
        buffer = buffer.slice(end + PASTE_END.length).replace(/^\r?\n/, '');
        const paste = pasting.join('').split(/\r?\n/).map(cleanTyped).join('\n');
        pasting = null;
        emit(splitter.flush());
        emit(paste);
        notify();
        continue;
      }
      const start = buffer.indexOf(PASTE_START);
      const newline = buffer.indexOf('\n');
      if (start >= 0 && (newline < 0 || start < newline)) {
        const before = cleanTyped(buffer.slice(0, start));
        buffer = buffer.slice(start + PASTE_START.length);
        pasting = before.trim() ? [`${before}\n`] : [];
        continue;
      }
      if (newline < 0) return;
      batch.push(cleanTyped(buffer.slice(0, newline).replace(/\r$/, '')));
      buffer = buffer.slice(newline + 1);
      if (timer) clearTimeout(timer);
      timer = setTimeout(settleBatch, BATCH_MS);
    }
  };
  input.on('data', (chunk: Buffer | string) => onText(typeof chunk === 'string' ? chunk : decoder.write(chunk)));
  input.on('end', () => {
    if (timer) clearTimeout(timer);
    onText(decoder.end());
    if (pasting) emit(pasting.join(''));
    if (buffer) batch.push(cleanTyped(buffer));
    if (batch.length) settleBatch();
    emit(splitter.flush());
    ended = true;
    notify();
  });
  for (;;) {
    if (queue.length > 0) {
      yield queue.shift()!;
      continue;
    }
    if (ended) return;
    await new Promise<void>((resolve) => (wake = resolve));
  }
}
