/**
 * The one-line warning for a full credential in the message being answered. The reducer reads it
 * (a warning alone is worth a reply) and reply/render.ts puts it first in every reply.
 */
import type { EvidenceView } from '../diagnosis/view.ts';
import { code } from '../text/markdown.ts';

export const SECRET_LINE_START = '⚠️ Your message held a full credential';

/** The warning for a full credential in the message being answered, or null. */
export function secretLine(view: EvidenceView): string | null {
  const s = view.inCurrent('secret').at(-1);
  if (!s) return null;
  return `${SECRET_LINE_START} (${code(s.masked)}): revoke it now in the provider console and make a new one.`;
}
