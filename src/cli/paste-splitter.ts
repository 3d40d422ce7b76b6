/**
 * Splits what a person types or pipes into the terminal help thread into pastes.
 *
 * Real OpenClaw output contains single blank lines (`models status` has them), so a blank line
 * cannot end a paste. A paste ends at a line holding only `.`, at two empty lines in a row, or at
 * the end of input. Empty pastes are dropped.
 */
export const PASTE_TERMINATOR_HELP = 'end each paste with a line holding only "." (or two empty lines); Ctrl-D quits';
/** The interactive rule: terminals with bracketed paste end a paste by themselves. */
export const TYPING_HELP = 'Enter sends a line; a pasted block is sent when the paste ends (if your terminal does not mark pastes, end it with a line holding only ".")';

/** Stateful splitter for line-by-line input (interactive use). Feed lines; get finished pastes. */
export class PasteSplitter {
  private lines: string[] = [];
  private blankRun = 0;

  /** Adds one line (without its newline). @returns the finished paste, or null while it goes on. */
  push(line: string): string | null {
    const bare = line.replace(/\r$/, '');
    if (bare.trim() === '.') return this.flush();
    if (bare.trim() === '') {
      this.blankRun += 1;
      if (this.blankRun >= 2) return this.flush();
    } else {
      this.blankRun = 0;
    }
    this.lines.push(bare);
    return null;
  }

  /** @returns true when no line of an unfinished paste is waiting. */
  isEmpty(): boolean {
    return this.lines.length === 0;
  }

  /** Ends the current paste (end of input). @returns it, or null when it holds nothing. */
  flush(): string | null {
    const text = this.lines.join('\n').trim();
    this.lines = [];
    this.blankRun = 0;
    return text === '' ? null : text;
  }
}

/** Splits a whole input (piped stdin) into pastes. */
export function splitPastes(input: string): string[] {
  const splitter = new PasteSplitter();
  const pastes: string[] = [];
  for (const line of input.split('\n')) {
    const paste = splitter.push(line);
    if (paste !== null) pastes.push(paste);
  }
  const last = splitter.flush();
  if (last !== null) pastes.push(last);
  return pastes;
}
