/**
 * Ingest: a message's text and attachment bytes → one clean, masked text (src/ingest/types.ts).
 *
 * Order matters: first what can split a credential is removed (ANSI colour codes, CR, zero-width
 * characters), then credentials are masked (`maskSecrets`), then the cosmetic repairs (mojibake,
 * NBSP, bullets). Attachments follow the message text, each after a header line
 * `[attachment: <name>]`. Text over 1 MB is cut at a line end, with a note. `ingest` is pure,
 * never throws, runs in linear time, and is idempotent on its own output text.
 */
import { decodeAttachment } from './decode.ts';
import { postMask, preMask } from './normalize.ts';
import { maskSecrets } from './secrets.ts';
import type { IngestInput, IngestNote, IngestResult, SecretFinding } from './types.ts';

/** Most text read from one message (UTF-16 units ≈ bytes for the ASCII that pastes are). */
export const MAX_TEXT = 1024 * 1024;
/** Work bound before any processing (a message plus attachments the adapter capped at 1 MB each). */
const HARD_CAP = 4 * MAX_TEXT;

function cut(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const lineEnd = text.lastIndexOf('\n', limit);
  let end = lineEnd > limit / 2 ? lineEnd : limit;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return text.slice(0, end);
}

/**
 * Cleans and masks one message.
 * @param input message text (may be empty) and attachments with their fetched bytes
 * @returns clean text (LF line ends, no ANSI, secrets masked, mojibake repaired), the masked
 *   secret findings, and notes for the user (cut, binary, invalid UTF-8, empty)
 */
export function ingest(input: IngestInput): IngestResult {
  const notes: IngestNote[] = [];
  const parts: string[] = [];
  if (typeof input.text === 'string' && input.text.length > 0) parts.push(input.text);
  for (const attachment of input.attachments ?? []) {
    const decoded = decodeAttachment(attachment);
    notes.push(...decoded.notes);
    const name = (attachment.name || 'attachment').replace(/[\x00-\x1f\x7f\u2028\u2029\]]/g, '_').slice(0, 200);
    if (decoded.text !== null) parts.push(`[attachment: ${name}]\n${decoded.text}`);
  }
  let raw = parts.join('\n');
  if (raw.length > HARD_CAP) raw = cut(raw, HARD_CAP);
  const { text: masked, findings } = maskSecrets(preMask(raw));
  let text = postMask(masked);
  if (text.length > MAX_TEXT) {
    text = cut(text, MAX_TEXT);
    notes.push({
      code: 'too_large',
      message: 'The message and its attachments are over 1 MB; only the first 1 MB was read.',
    });
  }
  if (text.trim() === '' && notes.length === 0) notes.push({ code: 'empty', message: 'The message has no text to read.' });
  const secrets: SecretFinding[] = findings;
  return { text, secrets, notes };
}
