/**
 * "Never repeat" bookkeeping for Pincer's replies in one thread (issue 5):
 * - a reply's text is compared normalised (case, markdown marks and spacing ignored), and so is
 *   its first sentence ("worded differently" means both differ);
 * - a reply also has a key — `ask:<askId>` for an ask, `dx:<branch>:<nextCommand>` for a step —
 *   so the same ask or the same (branch, next command) is a repeat even in other words.
 * Pure; hashing is node:crypto sha256 (deterministic, no I/O).
 */
import { createHash } from 'node:crypto';
import type { ReplyRecord, ThreadState } from './types.ts';
import type { RenderedReply } from './reply-shape.ts';

/** Lower case, markdown marks and links' punctuation dropped, whitespace collapsed. */
export function normalise(markdown: string): string {
  return markdown
    .toLowerCase()
    .replace(/[*_`~>#|]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The normalised first sentence (up to `.`/`!`/`?`/`:` + space, or the first line), ≤ 200 chars. */
export function firstSentence(markdown: string): string {
  const firstLine = markdown.trim().split('\n', 1)[0] ?? '';
  const m = /^.*?[.!?:](?=\s|$)/.exec(firstLine.slice(0, 400));
  return normalise(m ? m[0] : firstLine).slice(0, 200);
}

/** The last text `hashText` hashed, and its hash. */
let lastHashed = { markdown: '', hash: createHash('sha256').update('').digest('hex').slice(0, 32) };

/**
 * Hex sha256 (first 32 chars) of the normalised text. The last answer is kept: a message hashes
 * its reply twice (the repeat check, then the record), and normalising a reply is most of it.
 */
export function hashText(markdown: string): string {
  if (markdown !== lastHashed.markdown) lastHashed = { markdown, hash: createHash('sha256').update(normalise(markdown)).digest('hex').slice(0, 32) };
  return lastHashed.hash;
}

/**
 * What a reply says, beyond its words: the ask it makes (also a diagnosis whose step waits on an
 * ask) or the (branch, next command) it gives.
 */
export function replyKey(r: RenderedReply): string | null {
  if ((r.kind === 'ask' || r.kind === 'diagnosis') && r.askId) return `ask:${r.askId}`;
  if (r.kind === 'diagnosis') return `dx:${r.branch ?? '-'}:${r.nextCommand ?? '-'}`;
  return null;
}

const live = (s: ThreadState, except?: string): ReplyRecord[] =>
  s.replies.filter((r) => r.replyId !== except);

/**
 * True when this text (normalised) was already posted in the thread; with `sameOpening`, also
 * when an earlier reply opened with the same first sentence ("worded differently" needs both).
 */
export function textSaid(s: ThreadState, r: RenderedReply, exceptReplyId?: string, sameOpening = false): boolean {
  if (s.replies.length === 0) return false;
  const h = hashText(r.markdown);
  const fs = firstSentence(r.markdown);
  return s.replies.some(
    (p) =>
      p.textHash === h ||
      (p.previousHashes ?? []).includes(h) ||
      (p.replyId !== exceptReplyId && sameOpening && fs.length > 0 && p.firstSentence === fs),
  );
}

/** The newest earlier reply with the same key (same ask, same branch + next command), if any. */
export function lastWithKey(s: ThreadState, key: string | null, exceptReplyId?: string): ReplyRecord | undefined {
  if (!key) return undefined;
  return live(s, exceptReplyId).filter((p) => p.key === key).at(-1);
}

/** The first variant whose text the thread has not seen, or null. */
export function pickUnsaid(s: ThreadState, variants: readonly RenderedReply[]): RenderedReply | null {
  return variants.find((v) => !textSaid(s, v)) ?? null;
}
