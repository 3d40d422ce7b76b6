/** What every parser gets besides the prepared lines, and the helpers to cite a source. */
import type { Fact, SourceSpan } from './facts.ts';
import type { PreparedLine } from './lines.ts';

export interface ParseContext {
  messageId: string;
}

/** A parser reads prepared lines and returns facts; it never throws and runs in linear time. */
export type Parser = (lines: readonly PreparedLine[], ctx: ParseContext) => Fact[];

/** Source span covering prepared lines `from`..`to` (their original source lines). */
export function spanOf(ctx: ParseContext, from: PreparedLine, to: PreparedLine = from): SourceSpan {
  return { messageId: ctx.messageId, lineStart: from.start, lineEnd: Math.max(from.end, to.end) };
}

/** Agent id from a path `…/agents/<id>/agent…` (any slash, doubled backslashes, lost separators). */
export function agentIdFromPath(path: string): string | undefined {
  const m = /agents(?:\\{1,2}|\/)+([^\\/\s"'`)]{1,64})(?:\\{1,2}|\/)+agent\b/.exec(path);
  return m?.[1];
}
