/**
 * What the terminal thread says where Discord's words would be wrong in a terminal. The pipeline
 * and its replies are the same for both surfaces; only these three cases differ:
 *
 * - Hand-over: no human helper is in the terminal. Instead Pincer says what it knows, what was
 *   tried, and where to take it (the OpenClaw help forum), with a summary to paste there — and
 *   keeps answering new evidence afterwards.
 * - After the hand-over the Discord thread waits for a human; the terminal reads each new
 *   message together with everything pasted in this session and answers from that.
 * - "It works now": there is no solution to mark in a terminal (Discord asks for
 *   "Pincer: Mark solution"); a new question in the same message is answered too.
 */
import type { EscalationSummary } from '../conversation/types.ts';
import type { OneOffResult, PipelineResult } from '../pipeline/types.ts';

/** Where OpenClaw's community help lives. */
export const HELP_FORUM = "the OpenClaw Discord's help forum (a new post there; https://docs.openclaw.ai has the invite)";

const REASONS: Record<EscalationSummary['reason'], string> = {
  repeated_failure: 'the fixes I know did not work',
  didnt_work: "you said the fix didn't work",
  no_hypothesis: 'I have no other cause left to try for what you pasted',
  repeated_paste: 'the same output keeps coming back',
  requested: 'you asked for a human',
};

/** The terminal's hand-over text, as markdown (rendered like any reply). */
export function terminalHandOver(summary: EscalationSummary, meanwhile: string | null): string {
  const known = summary.evidence.length ? summary.evidence.map((e) => `- ${e}`).join('\n') : '- nothing I could read as OpenClaw output yet';
  const tried = summary.tried.length ? summary.tried.map((t) => `- ${t}`).join('\n') : '- nothing yet';
  const paste = [
    `Pincer summary${summary.branch ? ` (branch: ${summary.branch})` : ''}`,
    ...summary.evidence.map((e) => `- ${e}`),
    ...summary.tried.map((t) => `- tried: ${t}`),
  ].join('\n');
  return [
    `**I can't take this further on my own** (${REASONS[summary.reason]}), and there are no human helpers in this terminal.`,
    '',
    '**What I know:**',
    known,
    '',
    '**What was tried:**',
    tried,
    '',
    `**Where to take it:** ${HELP_FORUM}. Paste this summary there, with your latest output:`,
    '```',
    paste.replace(/`/g, ''),
    '```',
    meanwhile ? `\n**Meanwhile**, from everything you pasted here:\n${meanwhile}` : 'I keep reading here too: paste new output whenever something changes.',
  ].join('\n');
}

/** The terminal's "it works now" text. */
export function terminalSolved(newPart: string | null): string {
  const lead = 'Glad it works now! Nothing to mark in the terminal (in Discord that is **Pincer: Mark solution** on the message that fixed it). `/new` starts a fresh thread, `/quit` ends.';
  return newPart ? `${lead}\n\nAbout the rest of your message:\n${newPart}` : lead;
}

/** A message that reports success but also asks for more ("works now, but I need help with …"). */
export const asksMore = (text: string): boolean => /\?|\b(but|however|also|need help|how (do|can) i|what do i)\b/i.test(text);

/** Discord's words that point at human helpers, as the terminal says them (nobody else is here). */
export function withoutHelpers(markdown: string): string {
  return markdown
    .replace(/a human helper will take it from here\./g, `a person can take it from here: ask in ${HELP_FORUM}.`)
    .replace(/say "didn't work" and I'll bring in a human helper\./g, 'say "didn\'t work" and I\'ll sum up what to take to the OpenClaw help forum.');
}

/** The part of "works now, but …" after the success: what is asked anew. */
const newPart = (text: string): string => {
  const m = /\b(but|however|also)\b/i.exec(text);
  return m ? text.slice(m.index + m[0].length).trim() : text;
};

/**
 * @param result the pipeline's answer to the message
 * @param text the message as typed (masked again by the one-off read)
 * @param session every message of this terminal session so far, including this one
 * @param shown every markdown shown in this session (showing one again becomes one short line)
 * @param once the pipeline's one-off diagnosis (stores nothing)
 * @returns the markdown to show, or null for "nothing to add"
 */
export function terminalReply(
  result: PipelineResult,
  text: string,
  session: string[],
  shown: ReadonlySet<string>,
  once: (text: string) => OneOffResult,
): string | null {
  const reply = result.outcome?.reply ?? null;
  const thread = result.thread;
  const fromSession = (): string | null => {
    const r = once(session.join('\n\n'));
    // A hand-over of its own is no answer to add to the terminal's hand-over.
    const answers = r.outcome.status !== 'not_auth' && r.outcome.reply?.kind !== 'escalation';
    const markdown = answers ? r.outcome.reply?.markdown ?? null : null;
    if (markdown === null || !shown.has(markdown)) return markdown;
    const step = r.outcome.nextCommand;
    const same = step ? `Nothing new in that for me: the step that stands is \`${step}\` — paste what it prints.` : 'Nothing new in that for me: paste new output whenever something changes.';
    // Said once already: the terminal says it has nothing to add rather than the same line again.
    return shown.has(same) ? null : same;
  };
  const escalate = result.effects.find((e): e is Extract<typeof e, { type: 'escalate' }> => e.type === 'escalate');
  if (escalate || reply?.kind === 'escalation') {
    const summary = escalate?.summary ?? { reason: 'repeated_paste' as const, branch: result.outcome?.branch ?? null, evidence: [], tried: [] };
    return terminalHandOver(summary, fromSession());
  }
  if (reply?.kind === 'solve_prompt') {
    const more = asksMore(text) ? once(newPart(text)).outcome.reply : null;
    return terminalSolved(more && more.kind !== 'solve_prompt' ? withoutHelpers(more.markdown) : null);
  }
  const handedOver = thread?.escalations.some((e) => e.episode === thread.episode) ?? false;
  if (handedOver && (reply === null || (reply.kind === 'nudge' && /human helper/i.test(reply.markdown)))) {
    const answer = fromSession();
    return answer === null ? null : withoutHelpers(answer);
  }
  return reply ? withoutHelpers(reply.markdown) : null;
}
