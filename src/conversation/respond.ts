/**
 * Speak or stay silent (issue 5's rules that hold in every thread):
 * - a reply whose text, or whose key (same ask / same branch + next command), was already posted
 *   is a repeat; after a change it may go out once more with a first sentence saying why;
 * - a repeat with nothing changed gets one nudge (how to do the pending step where the user is),
 *   the next one hands over to humans (once per problem), then one holding note, then silence —
 *   broken by a differently worded note when nobody has answered for 6 hours;
 * - an ask already answered in this episode is never asked again without a change.
 */
import type { BranchId } from '../diagnosis/catalog.ts';
import { presentAsk } from '../diagnosis/engine.ts';
import { fallbackQuestion } from '../diagnosis/fallback-ask.ts';
import type { Diagnosis } from '../diagnosis/types.ts';
import type { EvidenceView } from '../diagnosis/view.ts';
import { hashText, lastWithKey, pickUnsaid, replyKey, textSaid } from './never-repeat.ts';
import { askNudges, escalationReplies, holdingNotes, repeatLead, stepNudges } from './policy-texts.ts';
import type { RenderedReply } from './reply-shape.ts';
import { answeredAsk, openAsk } from './asks.ts';
import { hasFailed } from './suggestions.ts';
import { escalatedThisEpisode, escalationSummary } from './escalation.ts';
import { asksSomething, post, setStatus, type Turn } from './post.ts';
import { episodeReplies, lastChangeSince } from './thread.ts';
import type { ReducerDeps } from './deps.ts';
import type { ChangeRecord, EscalationSummary, ThreadState } from './types.ts';

export interface Target {
  messageId: string;
  seq: number;
}

/**
 * Is `candidate` a repeat (its text, its ask or its branch + next command already posted, or its
 * ask already answered), and if so, the newest change since — which allows it once more.
 */
export function repetition(s: ThreadState, candidate: RenderedReply): { repeat: boolean; change: ChangeRecord | undefined } {
  const prev = lastWithKey(s, replyKey(candidate));
  const answered = asksSomething(candidate) && candidate.askId ? answeredAsk(s, candidate.askId) : undefined;
  const answeredSeq = answered ? (s.messages.find((m) => m.messageId === answered.answeredBy)?.seq ?? -1) : -1;
  const said = textSaid(s, candidate);
  const repeat = prev !== undefined || answered !== undefined || said;
  if (!repeat) return { repeat, change: undefined };
  const change = lastChangeSince(s, Math.max(prev?.seq ?? -1, answeredSeq));
  const h = hashText(candidate.markdown);
  const first = prev ?? s.replies.find((r) => r.textHash === h || (r.previousHashes ?? []).includes(h));
  const earlierProblem = !answered && first !== undefined && first.episode < s.episode;
  if (change || !earlierProblem) return { repeat, change };
  // Said while solving an earlier problem: this one is new, which is a change in itself.
  const last = s.messages.at(-1);
  return { repeat, change: { seq: last?.seq ?? 0, messageId: last?.messageId ?? '', episode: s.episode, reason: 'this is a new problem' } };
}

/**
 * Hands the thread to humans once per episode (reply + `escalate` effect). Afterwards a holding
 * note instead, once per `holdKey` (default: per reason and branch) and `HOLD_AGAIN_AFTER_MS`.
 */
export function escalate(
  t: Turn,
  reason: EscalationSummary['reason'],
  branch: BranchId | null,
  to: Target,
  holdKey = `hold:${reason}:${branch ?? '-'}`,
  command: string | null = null,
): void {
  if (escalatedThisEpisode(t.state)) return hold(t, to, holdKey, reason, command);
  const summary = escalationSummary(t.state, reason, branch);
  const reply = pickUnsaid(t.state, escalationReplies(summary));
  if (reply) post(t, reply, to.messageId, to.seq, { key: null });
  t.state = {
    ...t.state,
    escalatedAt: t.now,
    escalations: [...t.state.escalations, { at: t.now, episode: t.state.episode, triggerId: to.messageId, summary }],
  };
  t.effects.push({ type: 'escalate', summary });
  setStatus(t, 'needs_human');
}

/**
 * After a holding note, the same failure again is met with silence, unless nobody has answered
 * for this long (ms): then the next note, worded differently, so a user whom no human reached is
 * never left talking to nobody. A human helper who speaks in the thread silences Pincer anyway.
 */
export const HOLD_AGAIN_AFTER_MS = 6 * 3_600_000;

function hold(t: Turn, to: Target, key: string, reason: EscalationSummary['reason'], command: string | null): void {
  const last = episodeReplies(t.state).filter((r) => r.key === key).at(-1);
  if (last && t.now - last.at < HOLD_AGAIN_AFTER_MS) return;
  const note = pickUnsaid(t.state, holdingNotes(reason, command));
  if (note) post(t, note, to.messageId, to.seq, { key });
}

/**
 * While nothing is confirmed, the next question the user can answer in words (one not asked in
 * this problem yet) as a diagnosis and its rendered reply; null when Pincer has none left.
 */
function fallbackAsk(s: ThreadState, d: Diagnosis, view: EvidenceView, render: ReducerDeps['render']): { d: Diagnosis; reply: RenderedReply } | null {
  if (d.status !== 'needs_evidence') return null;
  const possible = d.candidates.filter((c) => c.status === 'possible').map((c) => c.id as BranchId);
  const asked = new Set(s.asks.filter((a) => a.episode === s.episode).map((a) => a.askId));
  const ask = fallbackQuestion(possible, view, asked);
  if (!ask) return null;
  const next: Diagnosis = { ...d, ask: presentAsk(ask, view), nextCommand: null };
  const reply = render(next, view);
  return textSaid(s, reply) ? null : { d: next, reply };
}

/**
 * Same thing again with nothing changed: nudge once per key, then another question while one is
 * left (`render` renders it), then escalate, then hold.
 */
function repeatWithoutChange(
  t: Turn,
  d: Diagnosis,
  view: EvidenceView,
  candidate: RenderedReply,
  to: Target,
  fresh: boolean,
  render?: ReducerDeps['render'],
): void {
  const key = replyKey(candidate) ?? `text:${hashText(candidate.markdown)}`;
  // A new fact that leaves the ask as it is: acknowledged, and never a step toward a hand-over.
  if (fresh && asksSomething(candidate)) {
    const ask = openAsk(t.state) ?? { askId: candidate.askId ?? '', command: d.ask?.command ?? null, text: d.ask?.text ?? '' };
    const noted = pickUnsaid(t.state, askNudges(ask, view.inTui, true));
    if (noted) post(t, noted, to.messageId, to.seq, { key: `noted:${key}` });
    return;
  }
  const nudgeKey = `nudge:${key}`;
  const nudged = episodeReplies(t.state).some((r) => r.key === nudgeKey);
  if (!nudged) {
    const ask = asksSomething(candidate) ? openAsk(t.state) : undefined;
    const variants = asksSomething(candidate)
      ? askNudges(ask ?? { askId: candidate.askId ?? '', command: d.ask?.command ?? null, text: d.ask?.text ?? '' }, view.inTui)
      : stepNudges(candidate.branch, candidate.nextCommand, d.step && d.step.kind !== 'none' ? d.step.then : null, fresh);
    const nudge = pickUnsaid(t.state, variants);
    if (nudge) return post(t, nudge, to.messageId, to.seq, { key: nudgeKey });
  }
  const other = render && !escalatedThisEpisode(t.state) ? fallbackAsk(t.state, d, view, render) : null;
  if (other) return post(t, other.reply, to.messageId, to.seq, { diagnosis: other.d });
  escalate(t, 'repeated_paste', d.branch, to, `hold:${key}`, candidate.nextCommand);
}

/**
 * Answers an author message (or an addressed helper) with the diagnosis `d`, obeying the rules
 * above. `addressed` matters only for `not_auth` (silent in a help thread unless addressed);
 * `fresh` = the message held new evidence (a repeat then says "that fits", not "nothing new").
 */
export function respond(
  t: Turn,
  d: Diagnosis,
  view: EvidenceView,
  candidate: RenderedReply,
  to: Target,
  addressed: boolean,
  failureSignature: string,
  fresh = false,
  render?: ReducerDeps['render'],
): void {
  const s = t.state;
  if (d.status === 'not_auth') {
    if (addressed && !textSaid(s, candidate)) post(t, candidate, to.messageId, to.seq, { key: null });
    return;
  }
  // Nothing to ask and nothing confirmed, or only a step that already failed: hand over.
  if (d.status === 'needs_evidence' && !d.ask) return escalate(t, 'no_hypothesis', null, to);
  if (candidate.kind === 'diagnosis' && hasFailed(s, candidate.branch, candidate.nextCommand)) {
    return escalate(t, 'no_hypothesis', candidate.branch, to);
  }
  const { repeat, change } = repetition(s, candidate);
  const opts = { diagnosis: d, failureSignature };
  if (!repeat) return post(t, candidate, to.messageId, to.seq, opts);
  if (change) {
    const kind = asksSomething(candidate) ? 'ask' : 'step';
    for (const v of [0, 1]) {
      const reworded = { ...candidate, markdown: `${repeatLead(change.reason, kind, v)}\n${candidate.markdown}` };
      if (!textSaid(s, reworded, undefined, true)) return post(t, reworded, to.messageId, to.seq, opts);
    }
  }
  repeatWithoutChange(t, d, view, candidate, to, fresh, render);
}
