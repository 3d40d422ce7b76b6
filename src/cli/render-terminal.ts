/**
 * Renders a reply's Discord markdown (from src/reply/) for the terminal thread, with marked and
 * marked-terminal, styled by chalk: on a TTY bold is bold and code blocks are set apart
 * (indented, coloured, copyable line by line); piped, the same layout without escape codes.
 * Links are plain URLs either way (no OSC 8 hyperlinks, no `<…>`), and Discord's `-# `
 * small-print lines (the branch id and confidence) are left out unless `verbose`.
 */
import { Chalk } from 'chalk';
import { Marked, type Tokens } from 'marked';
import { markedTerminal } from 'marked-terminal';

function renderer(colour: boolean): Marked {
  const c = new Chalk({ level: colour ? 1 : 0 });
  const styles = {
    code: c.cyan, blockquote: c.italic, html: c.gray, heading: c.bold, firstHeading: c.bold, hr: c.reset, listitem: c.reset,
    table: c.reset, paragraph: c.reset, strong: c.bold, em: c.italic, codespan: c.cyan, del: c.strikethrough, link: c.reset, href: c.reset,
  };
  const marked = new Marked();
  // marked-terminal's types lag behind marked's extension type; the object is a valid extension.
  marked.use(markedTerminal({ ...styles, tab: 2, width: 100, reflowText: false, emoji: false }) as Parameters<Marked['use']>[0]);
  marked.use({
    renderer: {
      code: (token: Tokens.Code) => `${token.text.split('\n').map((line) => `    ${c.cyan(line)}`).join('\n')}\n\n`,
      link(this: { parser: { parseInline: (t: Tokens.Generic[]) => string } }, token: Tokens.Link) {
        const text = this.parser.parseInline(token.tokens);
        return text && text !== token.href ? `${text} (${token.href})` : token.href;
      },
    },
  });
  return marked;
}

const cache = new Map<boolean, Marked>();

/**
 * @param markdown a reply as Pincer posts it in Discord
 * @param opts colour: emit ANSI styles (stdout is a TTY); verbose: keep the `-# ` lines
 * @returns the text to print (no trailing newline)
 */
export function renderForTerminal(markdown: string, opts: { colour: boolean; verbose: boolean }): string {
  const kept = opts.verbose ? markdown.replace(/^-# /gm, '') : markdown.split('\n').filter((l) => !l.startsWith('-# ')).join('\n');
  let marked = cache.get(opts.colour);
  if (!marked) cache.set(opts.colour, (marked = renderer(opts.colour)));
  return (marked.parse(kept, { async: false }) as string).replace(/\n{3,}/g, '\n\n').trimEnd();
}
