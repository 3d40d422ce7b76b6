/**
 * Turns attachment bytes into text (UTF-8; UTF-16LE/BE when the file starts with their BOM, as
 * PowerShell 5's `>` writes), or says why it could not.
 * Binary files (NUL bytes or many control bytes) are not decoded; invalid UTF-8 is decoded with
 * U+FFFD replacements and a note. Pure; linear time.
 */
import type { AttachmentInput, IngestNote } from './types.ts';

export interface DecodedAttachment {
  text: string | null;
  notes: IngestNote[];
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

function looksBinary(bytes: Uint8Array): boolean {
  const sample = Math.min(bytes.length, 64 * 1024);
  let nul = 0;
  let control = 0;
  for (let i = 0; i < sample; i++) {
    const b = bytes[i] as number;
    if (b === 0) nul++;
    else if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return nul > 0 && nul * 100 >= sample ? true : (nul + control) * 10 > sample;
}

/** The decoder a byte-order mark names (UTF-16 only: a UTF-8 BOM is read as UTF-8 anyway). */
function utf16ByBom(bytes: Uint8Array): { decode(b: Uint8Array): string } | null {
  if (bytes.length < 2) return null;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be');
  return null;
}

/** Decodes one attachment. Never throws. */
export function decodeAttachment(attachment: AttachmentInput): DecodedAttachment {
  const notes: IngestNote[] = [];
  const name = attachment.name || 'attachment';
  if (attachment.cut) {
    notes.push({ code: 'cut_by_adapter', message: `${name} was cut at 1 MB; only the first part was read.` });
  }
  if (attachment.bytes.length === 0) return { text: '', notes };
  const utf16 = utf16ByBom(attachment.bytes);
  if (utf16) return { text: utf16.decode(attachment.bytes), notes };
  if (looksBinary(attachment.bytes)) {
    notes.push({ code: 'binary', message: `${name} looks like a binary file, not text; it was not read.` });
    return { text: null, notes };
  }
  try {
    return { text: strict.decode(attachment.bytes), notes };
  } catch {
    notes.push({
      code: 'invalid_utf8',
      message: `${name} is not valid UTF-8; unreadable bytes were replaced with �.`,
    });
    return { text: lenient.decode(attachment.bytes), notes };
  }
}
