/**
 * Reads the bytes of a FILE argument or of stdin (`-` or no FILE). Only "cannot be read at all"
 * is an error; what the bytes hold (binary, invalid UTF-8, 5 MB) is ingest's business.
 */
import { readFile } from 'node:fs/promises';

/** The input could not be read; `message` is the one line to print. */
export class InputError extends Error {
  override name = 'InputError';
}

/** Largest input read into memory, bytes; ingest notes anything past its own 1 MB cap. */
export const MAX_INPUT_BYTES = 8 * 1024 * 1024;

/**
 * @param file a path, `-` or undefined for stdin
 * @returns the bytes (at most MAX_INPUT_BYTES), whether the input was longer, and its name
 * @throws InputError for a missing or unreadable file
 */
export async function readSource(
  file: string | undefined,
  stdin: NodeJS.ReadableStream = process.stdin,
): Promise<{ bytes: Uint8Array; cut: boolean; name: string }> {
  if (file && file !== '-') {
    try {
      const buf = await readFile(file);
      return { bytes: buf.subarray(0, MAX_INPUT_BYTES), cut: buf.length > MAX_INPUT_BYTES, name: file };
    } catch (err) {
      throw new InputError(`cannot read ${file}: ${describeFsError(err)}`);
    }
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    if (size + buf.length > MAX_INPUT_BYTES) {
      chunks.push(buf.subarray(0, MAX_INPUT_BYTES - size));
      return { bytes: Buffer.concat(chunks), cut: true, name: 'stdin' };
    }
    chunks.push(buf);
    size += buf.length;
  }
  return { bytes: Buffer.concat(chunks), cut: false, name: 'stdin' };
}

function describeFsError(err: unknown): string {
  switch ((err as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a directory';
    case 'EACCES':
      return 'permission denied';
    default:
      return (err as NodeJS.ErrnoException).code ?? 'unreadable';
  }
}
