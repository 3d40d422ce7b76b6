/**
 * `openclaw config get <path>` (§5, OpenClaw 2026.3.13): the command line (after a prompt, the
 * TUI's `!`, or pasted bare) followed by its value (a scalar or a JSON block; secrets show as
 * `__OPENCLAW_REDACTED__`), or `Config path not found: <path>`.
 */
import { spanOf, type Parser } from './context.ts';
import type { Fact } from './facts.ts';
import type { PreparedLine } from './lines.ts';

const COMMAND = /^openclaw config get ([\w.[\]"'-]{1,200})/;
const MAX_VALUE_LINES = 60;

/** Reads config get outputs. */
export const parseConfigGet: Parser = (lines, ctx) => {
  const facts: Fact[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as PreparedLine;
    const t = line.text.trim();
    // Literal first looks before the anchored regexes.
    const notFound = t.startsWith('Config path not found: ') ? /^Config path not found: (\S{1,200})$/.exec(t) : null;
    if (notFound) {
      facts.push({ kind: 'config_value', source: spanOf(ctx, line), confidence: 1, path: notFound[1] as string, value: '', found: false });
      continue;
    }
    const typed = line.command ?? t;
    const cmd = typed.startsWith('openclaw config get ') ? COMMAND.exec(typed) : null;
    if (!cmd) continue;
    const path = (cmd[1] as string).replace(/^["']|["']$/g, '');
    const value: string[] = [];
    let last = line;
    let j = i + 1;
    for (; j < lines.length && value.length < MAX_VALUE_LINES; j++) {
      const next = lines[j] as PreparedLine;
      const v = next.text.trimEnd();
      if (next.prompt !== undefined || /^(?:exit \d+|connected \||Config path not found:)/.test(v.trim())) break;
      if (v.trim() === '' && (value.length > 0 || j > i + 1)) break;
      if (v.trim() === '') continue;
      value.push(v);
      last = next;
    }
    if (value.length === 0) continue;
    facts.push({ kind: 'config_value', source: spanOf(ctx, line, last), confidence: line.command ? 1 : 0.8, path, value: value.join('\n').trim(), found: true });
    i = j - 1;
  }
  return facts;
};
