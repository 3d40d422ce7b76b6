/**
 * The replies the conversation layer writes itself — nudges, reminders, the hand-over to humans,
 * the solve prompt, the note to another member — worded like a good human helper: short, one
 * step, never a secret. Each builder returns variants, first choice first; the policy takes the
 * first whose text the thread has not seen (never the same text twice).
 */
import type { BranchId } from '../diagnosis/catalog.ts';
import type { VersionRange } from '../diagnosis/versions.ts';
import { answerQuestion } from './question-answers.ts';
import type { EscalationSummary } from './types.ts';
import type { RenderedReply, ReplyKind } from './reply-shape.ts';

const reply = (kind: ReplyKind, markdown: string, extra: Partial<RenderedReply> = {}): RenderedReply => ({
  kind,
  markdown,
  buttons: [],
  branch: null,
  nextCommand: null,
  askId: null,
  ...extra,
});

/** The command as the user must type it where they are (`!` prefix inside the TUI). */
export const whereTyped = (command: string, inTui: boolean): string =>
  inTui && !command.startsWith('!') && !command.startsWith('/') ? `!${command}` : command;

/**
 * Pending ask again: how to run it where the user is. `fresh` = the message added a fact that
 * does not change the ask ("I'm on a VPS"): acknowledged as such, never called "the same error".
 */
export function askNudges(ask: { askId: string; command: string | null; text: string }, inTui: boolean, fresh = false): RenderedReply[] {
  const extra = { askId: ask.askId, nextCommand: ask.command ? whereTyped(ask.command, inTui) : null };
  if (fresh) {
    const what = ask.command ? `run \`${whereTyped(ask.command, inTui)}\` on the machine that runs the gateway and paste what it prints` : ask.text;
    return [
      reply('nudge', `Thanks, noted. It does not change what decides the next step: ${what}.`, extra),
      reply('nudge', `Good to know. The one thing I still need: ${what}.`, extra),
    ];
  }
  if (!ask.command) {
    return [
      // Words Pincer could not read are no "output"; the question stands as asked.
      reply('nudge', `I couldn't read an answer to this in your message, so I still need it: ${ask.text}`, extra),
      reply('nudge', `Before anything else, I need one answer from you: ${ask.text}`, extra),
    ];
  }
  const cmd = whereTyped(ask.command, inTui);
  const how = inTui
    ? `Inside the TUI, type \`${cmd}\` as its own message (one command per message; say yes if it asks to allow local shell), then paste everything it prints here.`
    : `In a terminal on the machine running the gateway, run \`${cmd}\` and paste everything it prints here.`;
  return [
    reply('nudge', `That's the same error as before, so I can't tell more from it.\n${how}`, extra),
    reply('nudge', `I still need one output to go further.\n${how}`, extra),
  ];
}

/**
 * The same step again: `fresh` = the message held new evidence that does not change the step
 * ("I'm on macOS", "yes it contains api"); otherwise nothing new came in.
 */
export function stepNudges(branch: BranchId | null, command: string | null, then: string | null, fresh: boolean): RenderedReply[] {
  const extra = { branch, nextCommand: command };
  const after = then ? ` Then ${then.charAt(0).toLowerCase()}${then.slice(1)}` : '';
  const run = command ? `run \`${command}\`` : 'do the step in my last message';
  const stuck = 'If you already did and it still fails, say "didn\'t work" and I\'ll bring in a human helper.';
  return fresh
    ? [
        reply('nudge', `Thanks, that fits what I said: the next step is still to ${run}.${after}`, extra),
        reply('nudge', `That doesn't change the next step: ${run}.${after}\n${stuck}`, extra),
      ]
    : [
        reply('nudge', `Nothing new since my last message, so the next step is the same: ${run}.${after}\n${stuck}`, extra),
        reply('nudge', `This matches what you sent before. Please ${run} first.${after}`, extra),
      ];
}

/** "What next?" answered with the step or the ask that stands (a question, never "the same paste"). */
export function nextAnswers(command: string | null, then: string | null, question: string | null): RenderedReply[] {
  const after = then ? ` Then ${then.charAt(0).toLowerCase()}${then.slice(1)}` : '';
  if (command) {
    return [
      reply('nudge', `Next: run \`${command}\`.${after}`, { nextCommand: command }),
      reply('nudge', `The next step is \`${command}\`.${after} If you already ran it, paste what it printed here.`, { nextCommand: command }),
    ];
  }
  return question ? [reply('nudge', `Next, just answer this here: ${question}`)] : [];
}

/** A 24 h reminder about an unanswered ask (at most one per ask). */
export function reminders(ask: { askId: string; command: string | null; text: string }, inTui: boolean): RenderedReply[] {
  const what = ask.command ? `run \`${whereTyped(ask.command, inTui)}\` and paste the output here` : `answer this: ${ask.text}`;
  return [
    reply('nudge', `Still stuck? When you have a minute, ${what}, and I'll take it from there.`, { askId: ask.askId }),
    reply('nudge', `Checking in: whenever you can, ${what}.`, { askId: ask.askId }),
  ];
}

const REASONS: Record<EscalationSummary['reason'], string> = {
  repeated_failure: 'the same error came back after two fixes for the same cause',
  didnt_work: "you said the fix didn't work",
  no_hypothesis: 'I have no other cause left to try for what you pasted',
  repeated_paste: "the same output keeps coming back and I can't tell more from it",
  requested: 'you asked for a human',
};

/** The hand-over: why, then the evidence and the tries, as short lines. */
export function escalationReplies(summary: EscalationSummary): RenderedReply[] {
  const lines = [
    ...summary.evidence.map((e) => `- ${e}`),
    ...summary.tried.map((t) => `- tried: ${t}`),
  ].slice(0, 12);
  const body = lines.length ? `\nWhat the thread shows so far:\n${lines.join('\n')}` : '';
  return [
    reply('escalation', `I'm handing this to the human helpers, because ${REASONS[summary.reason]}.${body}`, { branch: summary.branch }),
    reply('escalation', `A human helper should take this one: ${REASONS[summary.reason]}.${body}`, { branch: summary.branch }),
  ];
}


const HOLD_OPENINGS: Record<EscalationSummary['reason'], string> = {
  repeated_failure: "That fix didn't work either, so this stays with the human helpers I've asked to look.",
  didnt_work: "Noted that it didn't work; a human helper has been asked to look at this thread.",
  no_hypothesis: "I have nothing else to suggest for this, and a human helper has been asked to look.",
  repeated_paste: 'A human helper has been asked to look at this thread.',
  requested: 'A human helper has been asked to look at this thread.',
};

/** After the hand-over (once per reason/step): the user is not left without an answer. */
export function holdingNotes(reason: EscalationSummary['reason'], command: string | null): RenderedReply[] {
  const step = command ? ` Until then, the step stands: \`${command}\`.` : '';
  return [
    reply('nudge', `${HOLD_OPENINGS[reason]}${step}`),
    reply('nudge', `Still waiting on a human helper here.${step} Paste new output whenever something changes.`),
    reply('nudge', `I have no further step for this one${command ? ` beyond \`${command}\`` : ''}; the human helpers have the history of what was tried.`),
  ];
}

/** In words: `ms` (> 0) rounded up to seconds under two minutes, else to minutes. */
export function inAbout(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 120) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

/** A rate limit holds the answer for `ms`: everything sent meanwhile is read and answered once. */
export function heldNotes(ms: number): RenderedReply[] {
  const when = inAbout(ms);
  return [
    reply('held_note', `That is a lot of messages in a short time, so I'll wait a moment: I'm reading everything you send and will answer all of it in one reply in about ${when}.`),
    reply('held_note', `Got it. I'm holding my answer for about ${when} so I can answer everything you send in one go; nothing you paste meanwhile is lost.`),
  ];
}

/** "It works now" (or a thanks after a step): ask once to mark the solution. */
export function solvePrompts(works: boolean): RenderedReply[] {
  const all = [
    reply('solve_prompt', 'Glad it works now! Please mark the message that fixed it as the solution (right-click it → Apps → **Pincer: Mark solution**), so the next person with this error finds it.'),
    reply('solve_prompt', 'Nice, that one is sorted. If a message here fixed it, marking it as the solution (right-click → Apps → **Pincer: Mark solution**) helps the next person.'),
    reply('solve_prompt', "You're welcome! If that fixed it, please mark the message that did as the solution (right-click it → Apps → **Pincer: Mark solution**)."),
  ];
  return works ? all : [all[2] as RenderedReply, all[1] as RenderedReply];
}

/** Another member's paste in someone else's thread: answered for them, never merged. */
export const memberPointers = (): RenderedReply[] => [
  reply('not_auth', "That looks like your own setup, not the original poster's. Please open a post of your own with your paste, so I can read it without mixing the two up."),
  reply('not_auth', 'To keep this thread about one setup, please post yours separately; I read each post on its own.'),
];

/** First sentence for a reply repeated after a change: says why it is asked/said again. */
export function repeatLead(reason: string, kind: 'ask' | 'step', variant: number): string {
  const leads =
    kind === 'ask'
      ? [`Since ${reason}, the earlier output may be out of date, so I need it once more.`, `Asking again because ${reason}.`]
      : [`Since ${reason} and it still points to the same cause, here is the step again.`, `Even after that change (${reason}), the next step stays the same.`];
  return leads[variant % leads.length] ?? leads[0] ?? '';
}

/** What a question asked in an auth thread needs to be answered with. */
export interface QuestionContext {
  topic: string;
  provider: string;
  inTui: boolean;
  version: string | null;
  versionRange: VersionRange;
}

/**
 * The exact command or one sentence of fact for a question people ask in auth threads ("I want to
 * put the key again, what do i run?", "should i type the request id?"), from the version-keyed
 * table in ./question-answers.ts. Null for other topics.
 */
export function questionReplies(q: QuestionContext): RenderedReply[] | null {
  const cmd = (c: string): string => `\`${whereTyped(c, q.inTui && !/^openclaw (onboard|models auth (paste|login|setup))/.test(c))}\``;
  const body = answerQuestion(q.topic, q.versionRange, { provider: q.provider, version: q.version, cmd });
  return body ? [reply('nudge', body, { nextCommand: null })] : null;
}

/**
 * The line before a new diagnosis when the step Pincer gave just failed (the same failure pasted
 * again): says so, so the change of course is not a surprise. `command` = the failed step's command.
 */
export function afterFailedStep(rendered: RenderedReply, command: string | null): RenderedReply {
  const lead = command ? `\`${command}\` did not clear it, so the next step is this one.` : 'That step did not clear it, so the next step is this one.';
  return { ...rendered, markdown: `${lead}\n${rendered.markdown}` };
}
