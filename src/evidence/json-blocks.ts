/**
 * Finds JSON objects in prepared text (multi-line, pasted whole), parses them leniently (trailing
 * commas, `//` comments, `...` placeholders) and maps them back to source lines. One pass over the
 * text tracking brace depth and strings: linear time. Unbalanced objects are skipped.
 */
import type { PreparedLine } from './lines.ts';

export interface JsonBlock {
  value: unknown;
  /** Index range into the prepared lines. */
  first: number;
  last: number;
}

const MAX_BLOCK = 512 * 1024;

function lenientParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    /* fall through to the lenient form */
  }
  const cleaned = text
    .replace(/^\s*\/\/[^\n]*$/gm, '')
    .replace(/:\s*(?:\.\.\.|…)\s*(?=[,}\n])/g, ': null')
    .replace(/^\s*(?:\.\.\.|…)\s*,?\s*$/gm, '')
    .replace(/,(\s*[}\]])/g, '$1');
  try {
    return JSON.parse(cleaned);
  } catch {
    return undefined;
  }
}

const memo = new WeakMap<readonly PreparedLine[], JsonBlock[]>();

/** Every top-level `{…}` object that parses (computed once per prepared text). */
export function findJsonBlocks(lines: readonly PreparedLine[]): JsonBlock[] {
  let blocks = memo.get(lines);
  if (!blocks) {
    blocks = scan(lines);
    memo.set(lines, blocks);
  }
  return blocks;
}

function scan(lines: readonly PreparedLine[]): JsonBlock[] {
  const blocks: JsonBlock[] = [];
  let depth = 0;
  let inString = false;
  let escaped = false;
  let startLine = -1;
  let buf: string[] = [];
  let size = 0;
  for (let li = 0; li < lines.length; li++) {
    const text = (lines[li] as PreparedLine).text;
    let from = 0;
    for (let ci = 0; ci < text.length; ci++) {
      if (depth === 0) {
        // Outside an object only a `{` matters: jump to the next one.
        ci = text.indexOf('{', ci);
        if (ci === -1) break;
        depth = 1;
        inString = false;
        startLine = li;
        from = ci;
        buf = [];
        size = 0;
        continue;
      }
      const ch = text[ci];
      if (inString) {
        if (escaped) escaped = false;
        else if (ch === '\\') escaped = true;
        else if (ch === '"') inString = false;
        continue;
      }
      if (ch === '"') inString = true;
      else if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') {
        depth--;
        if (depth === 0) {
          buf.push(text.slice(from, ci + 1));
          const value = lenientParse(buf.join('\n'));
          if (value !== undefined) blocks.push({ value, first: startLine, last: li });
          buf = [];
          from = ci + 1;
        }
      }
    }
    if (depth > 0) {
      buf.push(text.slice(from));
      size += text.length - from;
      // A string never spans lines in pasted JSON; an unclosed quote means this is not JSON.
      if (inString) {
        inString = false;
        escaped = false;
      }
      if (size > MAX_BLOCK) depth = 0;
    }
  }
  return blocks;
}
