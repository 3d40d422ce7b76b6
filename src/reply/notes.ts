/**
 * Ingest notes ("message.txt was cut at 1 MB", "the attachment is binary") shown with the reply,
 * so a cut or unreadable input is never silent. Same words in every adapter.
 */
import type { IngestNote } from '../ingest/types.ts';
import type { RenderedReply } from './types.ts';

/** Discord's message limit, characters. */
const LIMIT = 2000;

/** The notes as one italic line each, e.g. `_Note: The message and its attachments are over 1 MB; …_`. */
export function notesMarkdown(notes: readonly IngestNote[]): string {
  return notes.map((n) => `_Note: ${n.message}_`).join('\n');
}

/** The reply with the notes above it (the reply's own text is kept whole; notes yield to the limit). */
export function withNotes(reply: RenderedReply, notes: readonly IngestNote[]): RenderedReply {
  if (notes.length === 0) return reply;
  const head = notesMarkdown(notes).slice(0, Math.max(0, LIMIT - reply.markdown.length - 1));
  return head ? { ...reply, markdown: `${head}\n${reply.markdown}` } : reply;
}

/** A reply that is only the notes (the input held nothing Pincer could read). */
export function notesOnlyReply(notes: readonly IngestNote[]): RenderedReply {
  return { kind: 'input_note', markdown: notesMarkdown(notes), buttons: [], branch: null, nextCommand: null, askId: null };
}
