/**
 * The rules' view of a thread: the author's current-episode facts (stale ones flagged) and the
 * steps that failed. Other members', helpers' and bots' messages never reach it.
 */
import { buildView, type EvidenceView } from '../diagnosis/view.ts';
import { failedSteps } from './suggestions.ts';
import { episodeFacts } from './thread.ts';
import type { ThreadState } from './types.ts';

export function viewOf(s: ThreadState, currentMessageId: string): EvidenceView {
  return buildView({
    records: episodeFacts(s).map((f) => ({ fact: f.fact, messageId: f.messageId, seq: f.seq, stale: f.stale })),
    currentMessageId,
    failed: failedSteps(s),
  });
}

/** The newest author message of the thread (for views built outside a message event). */
export const lastAuthorMessageId = (s: ThreadState): string =>
  s.messages.filter((m) => m.role === 'author').at(-1)?.messageId ?? '';
