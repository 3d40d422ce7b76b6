/**
 * Diagnosis → the words the user sees: one step, the command in a code block, one or two
 * sentences of why quoting the evidence, what to paste back, the docs page, and a small footer
 * with the branch id and confidence. Plain data (markdown + buttons), under Discord's 2000
 * characters, never holding a full credential or a live mention.
 */
import { ruleFor } from '../diagnosis/branches/index.ts';
import { gatewayRemote } from '../diagnosis/signals.ts';
import type { Diagnosis, Step } from '../diagnosis/types.ts';
import type { EvidenceView } from '../diagnosis/view.ts';
import { maskSecrets } from '../ingest/secrets.ts';
import { code, codeBlock, neutralize } from './markdown.ts';
import { renderMessage } from './reason.ts';
import type { RenderedReply } from './types.ts';
import { SECRET_LINE_START, secretLine } from '../conversation/secret-line.ts';

export const NOT_AUTH_NOTE =
  'Pincer handles model authentication and credential failures; a human helper will take it from here.';

const LIMIT = 2000;

/** Where to type the command, when that is not a plain terminal. */
function placeNote(step: Extract<Step, { kind: 'command' }>, typed: string | null): string | null {
  if (typed?.startsWith('!')) return 'Send it as its own message inside the TUI (the `!` runs it in your local shell).';
  if (step.runIn === 'gateway_host') return 'Type it on the machine that runs the gateway.';
  if (step.commandKind === 'tui') return 'Type it in the TUI input box, not in a terminal.';
  if (step.commandKind === 'openclaw' || step.commandKind === 'shell' || step.commandKind === 'claude') {
    return step.command.startsWith('openclaw onboard') || step.command.includes('paste-token') ? 'Run it in a normal terminal, not inside the TUI.' : null;
  }
  return null;
}

/**
 * `reply` without the `secretLine` warning, for a platform that warns about the credential in a
 * note of its own (Discord's leaked-key workflow); null when the warning was all it said.
 */
export function withoutSecretLine(reply: RenderedReply): RenderedReply | null {
  if (!reply.markdown.includes(SECRET_LINE_START)) return reply;
  const markdown = reply.markdown.split('\n').filter((l) => !l.startsWith(SECRET_LINE_START)).join('\n').trim();
  return markdown === '' ? null : { ...reply, markdown };
}

function footer(d: Diagnosis): string {
  if (d.status === 'diagnosed') return `-# ${d.branch} · confidence ${d.confidence.toFixed(2)}`;
  const open = d.candidates.filter((c) => c.status === 'possible').map((c) => c.id);
  if (open.length === 0) return '-# needs evidence';
  return `-# needs evidence · possible: ${open.slice(0, 5).join(', ')}${open.length > 5 ? ', …' : ''}`;
}

/** The step's `then`, always ending with what to paste back here. */
function thenLine(then: string): string {
  const text = then.replace(/^then:?\s+/i, '').replace(/^./, (c) => c.toUpperCase());
  const pasteBack = /paste/i.test(text) ? '' : ' If it still fails, paste what you see here.';
  return `**Then:** ${text}${pasteBack}`;
}

function stepLines(step: Step, typed: string | null): string[] {
  if (step.kind === 'command') {
    const lines = [renderMessage(step.why), codeBlock(typed ?? step.command)];
    const place = placeNote(step, typed);
    if (place) lines.push(place);
    for (const m of step.missing ?? []) lines.push(`Replace ${code(m.placeholder)}: ${m.where}.`);
    lines.push(thenLine(step.then));
    return lines;
  }
  if (step.kind === 'action') return [`**Do this:** ${renderMessage(step.text)}`, renderMessage(step.why), thenLine(step.then)];
  const lines = [`**${renderMessage(step.text)}**`, renderMessage(step.why)];
  if (step.proof) lines.push('To see that chat works:', codeBlock(step.proof));
  return lines;
}

function askLines(d: Diagnosis, view: EvidenceView): string[] {
  const shown = d.ask!;
  if (shown.ask.kind === 'question') return [`**${shown.text}**`, `Just answer here: ${shown.ask.purpose ?? 'it decides the next step'}.`];
  // "To tell which" only when there are causes to tell apart; a symptom with none named yet is read first.
  const lead = d.candidates.some((c) => c.status === 'possible') ? 'To tell which, run this' : 'To see what causes it, run this';
  const lines = [`${lead} and paste the output here; ${shown.text || 'it decides the next step'}:`, codeBlock(shown.command ?? '')];
  if (shown.command?.startsWith('!')) lines.push('Send it as its own message inside the TUI (one `!` command per message).');
  else if (shown.ask.where === 'gateway_host' && gatewayRemote(view) === true) lines.push('Run it on the machine that runs the gateway (not where the TUI runs).');
  if (shown.command?.includes('<id>')) lines.push('Replace `<id>` with the agent that runs the failing job (`main` unless you created another); the TUI footer shows it as `agent <id>`.');
  if (shown.command?.includes('<provider>')) lines.push('Replace `<provider>` with the part before `/` in your model name (e.g. `anthropic`).');
  return lines;
}

/** Cuts whole lines from the middle (never the command or the footer) until it fits. */
function fit(lines: string[]): string {
  let text = lines.filter(Boolean).join('\n');
  while (text.length > LIMIT && lines.length > 3) {
    lines.splice(lines.length - 3, 1);
    text = lines.filter(Boolean).join('\n');
  }
  return text.length > LIMIT ? `${text.slice(0, LIMIT - 1)}…` : text;
}

/**
 * Renders a diagnosis for the thread whose view produced it.
 * @returns kind `diagnosis` (buttons worked/didnt_work/dismiss), `ask` (dismiss) or `not_auth`
 *   (the one-line note, no buttons).
 */
export function renderDiagnosis(d: Diagnosis, view: EvidenceView): RenderedReply {
  const warn = secretLine(view);
  if (d.status === 'not_auth') {
    const markdown = [warn, NOT_AUTH_NOTE].filter(Boolean).join('\n');
    return { kind: 'not_auth', markdown, buttons: [], branch: null, nextCommand: null, askId: null };
  }
  const lines: (string | null)[] = [warn];
  if (d.status === 'diagnosed' && d.branch) {
    const rule = ruleFor(d.branch);
    const winner = d.candidates.find((c) => c.id === d.branch);
    const headline = d.step?.kind === 'command' && !d.ask ? d.step.headline : undefined;
    lines.push(`**${headline ?? rule?.title ?? d.branch}**`, sentence(winner?.because[0] && renderMessage(winner.because[0].reason)));
    if (d.ask) lines.push(...askLines(d, view));
    else if (d.step) lines.push(...stepLines(d.step, d.nextCommand));
    if (rule) lines.push(`Docs: <${rule.docs}>`);
  } else {
    const first = d.candidates.find((c) => c.status === 'possible')?.because[0];
    const lead = first && renderMessage(first.reason);
    if (lead) lines.push(sentence(lead));
    if (d.ask) lines.push(...askLines(d, view));
    else lines.push('What you pasted fits several causes and no single check tells them apart; a human helper will take it from here.');
  }
  lines.push(footer(d));
  const markdown = maskSecrets(neutralizeOutsideCode(fit(lines.filter((l): l is string => l !== null)))).text;
  const diagnosed = d.status === 'diagnosed';
  return {
    kind: diagnosed ? 'diagnosis' : 'ask',
    markdown,
    buttons: diagnosed ? ['worked', 'didnt_work', 'dismiss'] : ['dismiss'],
    branch: d.branch,
    // What this reply shows: the ask's command (none for a question), else the step's.
    nextCommand: d.ask ? d.ask.command : d.nextCommand,
    askId: d.ask?.ask.id ?? null,
  };
}

/** A reason as a sentence (ends with a full stop), or null. */
function sentence(text: string | undefined): string | null {
  if (!text) return null;
  return /[.!?…:]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}

/** Mentions can only come from quoted evidence; neutralise any that slipped through. */
function neutralizeOutsideCode(text: string): string {
  return neutralize(text);
}
