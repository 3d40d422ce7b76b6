/**
 * Splits a reply into Discord messages of at most 2000 characters, at line boundaries. A code
 * block that spans a cut is closed at the end of one message and reopened (same fence line) at
 * the start of the next, so every message renders on its own. Pure; linear in the text's length.
 */

export const DISCORD_MESSAGE_LIMIT = 2000;

const CLOSE = '\n```';
const isFence = (line: string): boolean => line.trimStart().startsWith('```');

/**
 * @param text Discord markdown (any length).
 * @param limit Max characters per message (default 2000, the Discord limit; at least 100).
 * @returns Chunks, each ≤ `limit` characters; `[text]` when it fits, `[]` for empty text.
 *   Without code fences, `chunks.join('\n')` equals `text` unless a single line was longer than
 *   `limit` (that line is cut mid-line, with no separator added).
 */
export function splitMessage(text: string, limit = DISCORD_MESSAGE_LIMIT): string[] {
  if (text.length <= limit) return text.length > 0 ? [text] : [];
  const chunks: string[] = [];
  let lines: string[] = []; // lines of the chunk being built
  let size = -1; // its length when joined with '\n' (-1 = empty)
  let openFence: string | null = null;

  const push = (line: string): void => {
    lines.push(line);
    size += line.length + 1;
  };
  const flush = (): void => {
    chunks.push(lines.join('\n') + (openFence === null ? '' : CLOSE));
    lines = [];
    size = -1;
    if (openFence !== null) push(openFence);
  };
  const onlyReopened = (): boolean => lines.length === 0 || (openFence !== null && lines.length === 1);

  for (const rawLine of text.split('\n')) {
    const fence = isFence(rawLine);
    const insideAfter = fence ? openFence === null : openFence !== null;
    const reserve = openFence !== null || insideAfter ? CLOSE.length : 0;
    let line = rawLine;
    while (size + 1 + line.length + reserve > limit) {
      if (!onlyReopened()) {
        flush();
        continue;
      }
      const room = limit - reserve - (size + 1);
      push(line.slice(0, room));
      line = line.slice(room);
      flush();
    }
    push(line);
    if (fence) openFence = openFence === null ? (/^```[^\s`]{0,20}/.exec(rawLine.trim())?.[0] ?? '```') : null;
  }
  if (!onlyReopened() || openFence === null) chunks.push(lines.join('\n'));
  return chunks.filter((c) => c.length > 0);
}
