/**
 * Shared line preparation for every evidence parser.
 *
 * Input: the clean text from ingest. Output: one `PreparedLine` per source line (or per group of
 * lines re-joined after a terminal wrap), keeping the 0-based source span so facts can cite it.
 * Removes what real pastes wrap around OpenClaw output: the TUI's `[local] ` prefix, Discord quote
 * markers, code fences (with or without a language), shell prompts (`user@host ~ % `, `bash-3.2$ `,
 * `$ `, `PS C:\…> `), and re-joins lines a terminal wrapped mid-line (seed 001 wraps a provider
 * line after `(oauth=0,`). Commands seen on a prompt line are returned as `command_run` facts.
 * Linear time: every line is looked at a bounded number of times; regexes have no nested repeats.
 */
import type { FactOf } from './facts.ts';
import { splitFlattened } from './flattened.ts';

export interface PreparedLine {
  /** Line text without prefixes, prompts and fences; trailing blanks trimmed. */
  text: string;
  /** 0-based first and last source line. */
  start: number;
  end: number;
  /** Came from the TUI's `!` local shell (`[local] ` prefix). */
  local: boolean;
  /** A shell prompt that was removed from this line (e.g. `goofball@Goofs-Mac-mini ~ %`). */
  prompt?: string;
  /** Joined from several source lines after a terminal wrap. */
  joined?: boolean;
  /** The command typed on this line after a prompt or the TUI's `!` (the line's text is then empty). */
  command?: string;
}

export interface PreparedText {
  lines: PreparedLine[];
  commands: Omit<FactOf<'command_run'>, 'source'>[];
  /** Source line of each command, parallel to `commands`. */
  commandLines: number[];
}

/** Longest line a parser looks at; longer lines are cut (keeps regexes bounded). */
export const MAX_LINE = 4000;

const FENCE_ONLY = /^`{3,}[\w+#.-]{0,20}$/;
const PROMPTS: RegExp[] = [
  /^((?:bash|sh|zsh)-\d[\d.]{0,8}[$#])(?: (.*))?$/,
  /^([\w.-]{1,64}@[\w.-]{1,64}:[^$#\s]{0,200}[$#])(?: (.*))?$/,
  /^([\w.-]{1,64}@[\w.-]{1,64} [^%$#\n]{0,80}[%$#])(?: (.*))?$/,
  /^(PS [A-Za-z]:[^>\n]{0,200}>)(?: ?(.*))?$/,
  /^([A-Za-z]:\\[^>\n]{0,200}>)(.*)$/,
  /^([$%])(?: (.*))?$/,
];

const BLANK = { text: '', local: false } as const;

function stripLine(raw: string): { text: string; local: boolean } {
  if (raw === '') return BLANK;
  let text = raw.length > MAX_LINE ? raw.slice(0, MAX_LINE) : raw;
  let local = false;
  const trimmedStart = text.trimStart();
  if (trimmedStart.startsWith('[local]')) {
    local = true;
    text = trimmedStart.slice(7);
    if (text.startsWith(' ')) text = text.slice(1);
  }
  if (text.startsWith('>') && !text.startsWith('>>')) text = text.replace(/^> ?/, '');
  const t = text.trim();
  const fenced = t.startsWith('```');
  if (fenced && FENCE_ONLY.test(t)) return { text: '', local };
  if (fenced) text = text.replace(/^\s*`{3,}/, '');
  if (t.endsWith('```')) text = text.replace(/`{3,}\s*$/, '');
  // A whole line in inline code, bold or a spoiler: `run error: …`, **connected | error**. Its
  // first non-blank character is t's unless a fence was cut from the front.
  const lead = fenced ? '`' : t[0];
  const wrapped = lead === '`' || lead === '*' || lead === '|' ? /^\s*(`|\*\*|\|\|)([^`*|].*[^`*|]|[^`*|])\1\s*$/.exec(text) : null;
  if (wrapped && !(wrapped[2] as string).includes(wrapped[1] as string)) text = wrapped[2] as string;
  return { text: text.trimEnd(), local };
}

function matchPrompt(text: string): { prompt: string; rest: string } | null {
  if (!/[$%#>]/.test(text)) return null;
  for (const re of PROMPTS) {
    const m = re.exec(text);
    if (m) return { prompt: m[1] as string, rest: (m[2] ?? '').trim() };
  }
  return null;
}

const MODELS_STATUS_START = /^(?:Config|Agent ?dir|Default|Fallbacks|Image|Aliases|Configured|Auth |Shell env|Providers w|OAuth\/token|Missing auth|- )/;

/** A wrapped line spans at most this many source lines (keeps joining linear). */
const MAX_JOIN = 8;

/** True when `next` (source line after `cur`) continues a line the terminal wrapped. */
function continues(cur: PreparedLine, next: PreparedLine, after: PreparedLine | undefined): boolean {
  if (next.text === '' || next.prompt !== undefined || cur.prompt !== undefined || next.start === cur.end) return false;
  if (cur.end - cur.start + 1 >= MAX_JOIN) return false;
  // Cheap first look: only a TUI line, a provider line or a long line ending in `,(|&=` (or in a
  // blank) can be continued; every other check below only says no.
  const last = cur.text[cur.text.length - 1] ?? '';
  if (!cur.local && !cur.text.includes(' effective=') && !(cur.text.length >= 40 && (',(|&='.includes(last) || /\s/.test(last)))) return false;
  const n = next.text.trimStart();
  const c = cur.text.trim();
  if (/^[-*•]\s|^\d+[.)]\s|^[│|┌├└+]/.test(n) || n.startsWith('!')) return false;
  if (/^["{}[\]│|┌├└+]/.test(c)) return false;
  // TUI output: every output line has `[local] `; a wrapped remainder does not.
  if (cur.local && !next.local && (after === undefined || after.local)) return !MODELS_STATUS_START.test(n);
  // `- <provider> effective=…` wrapped anywhere.
  if (/^- [\w.-]+ effective=/.test(c) && !MODELS_STATUS_START.test(n) && /^[\w|(]/.test(n)) return true;
  return c.length >= 40 && /[,(|&=]$/.test(c) && !MODELS_STATUS_START.test(n) && !/^[A-Z][\w /]{0,30}:/.test(n);
}

function join(cur: PreparedLine, next: PreparedLine): PreparedLine {
  const c = cur.text;
  const n = next.text.trimStart();
  const glue = /[,|&(=]$/.test(c) || n.startsWith('|') ? (c.endsWith('(') ? '' : ' ') : '';
  return { ...cur, text: c + glue + n, end: next.end, joined: true };
}

/**
 * Prepares the clean text for parsing.
 * @param text ingest output (LF line ends)
 * @returns prepared lines (source spans kept) and the commands seen on prompt lines
 */
export function prepareLines(text: string): PreparedText {
  const raw = text.split('\n');
  const stripped: PreparedLine[] = [];
  const commands: PreparedText['commands'] = [];
  const commandLines: number[] = [];
  raw.forEach((line, i) => {
    if (line === '') {
      // A blank line is nothing but itself (the common case in a long paste).
      stripped.push({ text: '', start: i, end: i, local: false });
      return;
    }
    const { text: t, local } = stripLine(line);
    const prep: PreparedLine = { text: t, start: i, end: i, local };
    const prompt = matchPrompt(t.trimStart());
    if (prompt) {
      prep.prompt = prompt.prompt;
      prep.text = '';
      if (prompt.rest !== '') {
        prep.command = prompt.rest;
        commands.push({ kind: 'command_run', confidence: 1, command: prompt.rest, via: local ? 'tui_local_shell' : 'shell' });
        commandLines.push(i);
      }
    } else if (t.includes('!') && /^!(?:openclaw|claude|cat|ls|echo|export)\b/.test(t.trimStart())) {
      commands.push({ kind: 'command_run', confidence: 1, command: t.trim().slice(1), via: 'tui_local_shell' });
      commandLines.push(i);
      prep.command = t.trim().slice(1);
      prep.text = '';
      prep.prompt = '!';
    }
    // A short line is never a flattened paste (splitFlattened would return it whole).
    const pieces = prep.prompt === undefined && prep.text.length >= 40 ? splitFlattened(prep.text) : null;
    if (pieces === null || pieces.length === 1) stripped.push(prep);
    else for (const piece of pieces) stripped.push({ ...prep, text: piece });
  });
  const lines: PreparedLine[] = [];
  for (let i = 0; i < stripped.length; i++) {
    let cur = stripped[i] as PreparedLine;
    while (i + 1 < stripped.length && continues(cur, stripped[i + 1] as PreparedLine, stripped[i + 2])) {
      cur = join(cur, stripped[i + 1] as PreparedLine);
      i++;
    }
    lines.push(cur);
  }
  return { lines, commands, commandLines };
}
