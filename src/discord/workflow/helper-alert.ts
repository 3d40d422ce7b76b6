/**
 * The helper-channel alert (pure text): where, who, why, the branch Pincer had, the evidence it
 * read and what was tried, under Discord's 2000 characters (lists are cut with a count of what
 * was left out). No credential can be in it: evidence lines come from masked facts.
 */
import type { EscalationSummary } from '../../conversation/types.ts';

const REASONS: Record<EscalationSummary['reason'], string> = {
  repeated_failure: 'the suggested fixes failed more than once',
  didnt_work: "the author pressed **Didn't work**",
  no_hypothesis: 'Pincer has no diagnosis for this',
  repeated_paste: 'the same output keeps coming back',
  requested: 'a person asked for a helper (`/helper`)',
};

export interface AlertFacts {
  link: string;
  authorId: string;
  summary: EscalationSummary;
}

const LIMIT = 1900;

function list(title: string, lines: string[], room: number): string[] {
  if (lines.length === 0) return [`**${title}:** none`];
  const out = [`**${title}:**`];
  let used = out[0]!.length;
  for (const [i, line] of lines.entries()) {
    const item = `- ${line.replace(/\s+/g, ' ').slice(0, 200)}`;
    if (used + item.length + 1 > room) {
      out.push(`- … ${lines.length - i} more`);
      break;
    }
    out.push(item);
    used += item.length + 1;
  }
  return out;
}

/** The alert's markdown (≤ 2000 characters). Mentions are rendered but never ping (no allowedMentions). */
export function helperAlertText(a: AlertFacts): string {
  const head = [
    `**Help needed** in ${a.link}`,
    `Thread author: <@${a.authorId}>`,
    `Why: ${REASONS[a.summary.reason]}`,
    `Branch Pincer had: ${a.summary.branch ? `\`${a.summary.branch}\`` : 'none (no confirmed diagnosis)'}`,
  ];
  const room = Math.floor((LIMIT - head.join('\n').length) / 2);
  return [...head, ...list('Evidence', a.summary.evidence, room), ...list('Tried', a.summary.tried, room)].join('\n');
}

export function acknowledgedText(original: string, helperId: string): string {
  const line = `\n**Acknowledged by <@${helperId}>**`;
  return (original.length + line.length > 2000 ? original.slice(0, 2000 - line.length) : original) + line;
}
