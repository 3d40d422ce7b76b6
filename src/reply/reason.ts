/**
 * Renders a diagnosis message (src/diagnosis/reason.ts) as Discord markdown: `` `{n}` `` becomes
 * inline code of the value (one line, backticks replaced, mentions neutralised), `{n}` the value
 * as plain text with mentions neutralised. Pure.
 */
import type { Message } from '../diagnosis/reason.ts';
import { code, neutralize } from '../text/markdown.ts';

/** @returns the markdown of a message; a placeholder with no value renders as `…`. */
export function renderMessage(m: Message): string {
  // One pass, so a quoted value that itself holds `{1}` is never filled again.
  return m.id.replace(/`\{(\d+)\}`|\{(\d+)\}/g, (_, c: string | undefined, t: string | undefined) =>
    c !== undefined ? code(m.quotes[Number(c)] ?? '') : neutralize(m.quotes[Number(t)] ?? '…'),
  );
}
