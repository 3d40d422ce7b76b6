/**
 * Answering what an author message asked of Pincer (a `Reading`, see ./reading.ts): a solve
 * prompt, a hand-over when a fix failed, or the diagnosis through the repeat policy of
 * ./respond.ts — and, whatever was decided, the warning for a pasted credential.
 */
import type { Diagnosis } from '../diagnosis/types.ts';
import type { EvidenceView } from '../diagnosis/view.ts';
import { pickUnsaid } from './never-repeat.ts';
import { afterFailedStep, nextAnswers, questionReplies, solvePrompts } from './policy-texts.ts';
import { threadProvider } from '../diagnosis/signals.ts';
import type { ReducerDeps } from './deps.ts';
import { failureSignature } from './fingerprint.ts';
import { leadPosted, post, type Turn } from './post.ts';
import { quietFor } from './reading.ts';
import { escalate, respond, type Target } from './respond.ts';
import { failuresOn, hasFailed } from './suggestions.ts';
import type { Outcome, Reading, ThreadState } from './types.ts';
import { viewOf } from './view-input.ts';

/** The reported outcome of a diagnosis (candidates: not ruled out, the reported branch first). */
export const outcomeOf = (d: Diagnosis, t: Turn): Outcome => ({
  status: d.status,
  branch: d.branch,
  candidates: d.candidates.filter((c) => c.status !== 'ruled_out').map((c) => c.id),
  nextCommand: d.nextCommand,
  reply: t.posted,
});

/** No step left after a failure: nothing to try that has not failed. */
function noNextStep(d: Diagnosis, s: ThreadState): boolean {
  if (d.status === 'not_auth') return true;
  if (d.status === 'needs_evidence') return d.ask === null;
  return d.step === null || hasFailed(s, d.branch, d.nextCommand);
}

/** "It works now" / thanks: ask once (per problem) to mark the solution. */
function solvePrompt(t: Turn, sinceEpisode: number, to: Target, works: boolean): void {
  if (t.state.replies.some((r) => r.kind === 'solve_prompt' && r.episode >= sinceEpisode)) return;
  const reply = pickUnsaid(t.state, solvePrompts(works));
  if (!reply) return;
  post(t, reply, to.messageId, to.seq, { key: null });
  t.state = { ...t.state, solvePromptedAt: t.now };
}

/**
 * Answers reading `r` in the thread as it is now. `read` = the view and diagnosis already taken
 * for this state (saves running the rules twice); without it they are taken here.
 */
export function answer(t: Turn, r: Reading, deps: ReducerDeps, read?: { view: EvidenceView; diagnosis: Diagnosis }): Outcome {
  const view = read?.view ?? viewOf(t.state, r.messageId);
  const d = read?.diagnosis ?? deps.diagnose(view);
  const to: Target = { messageId: r.messageId, seq: r.seq };
  decide(t, r, d, view, to, deps);
  if (r.secretWarning) leadPosted(t, r.secretWarning, 'secret_warning', r.messageId, r.seq);
  const outcome = outcomeOf(d, t);
  // A question answered while nothing is confirmed: the reply is the answer, not the ask, so
  // there is no command to report (a confirmed step's command stays).
  const answeredQuestion = t.posted !== null && t.state.replies.some((x) => x.toMessageId === r.messageId && x.key?.startsWith('question:'));
  return answeredQuestion && d.status === 'needs_evidence' ? { ...outcome, nextCommand: null } : outcome;
}

/**
 * Answers `r` on a copy of the turn and keeps the result only when `accept` approves what it
 * would post (null: nothing). @returns the outcome, and whether the turn took the answer.
 */
export function answerIf(
  t: Turn,
  r: Reading,
  deps: ReducerDeps,
  read: { view: EvidenceView; diagnosis: Diagnosis } | undefined,
  accept: (posted: Turn['posted']) => boolean,
): { outcome: Outcome; kept: boolean } {
  const trial: Turn = { ...t, effects: [...t.effects] };
  const outcome = answer(trial, r, deps, read);
  const kept = accept(trial.posted);
  if (kept) Object.assign(t, trial);
  return { outcome: { ...outcome, reply: t.posted }, kept };
}

function decide(t: Turn, r: Reading, d: Diagnosis, view: EvidenceView, to: Target, deps: ReducerDeps): void {
  const s = t.state;
  const quiet = quietFor(s, r.addressed);
  // A question is answered (the command or one fact), never read as "the same paste again";
  // "it works now, but …?" gets the solve prompt and the answer in one reply.
  if (!quiet && r.question && answerQuestion(t, r, view, to)) return;
  // The same question again, with nothing else in the message: a question, never "the same
  // error again" — it gets a pointer to the answer once, then no reply; never a hand-over.
  if (r.question && !r.substantive && !r.worksNow) {
    if (!quiet) answerQuestion(t, r, view, to, true);
    return;
  }
  if (r.worksNow && !r.substantive) {
    if (!quiet) solvePrompt(t, r.closedEpisode, to, true);
    return;
  }
  if (quiet) return;
  // A question or remark with nothing Pincer can read ("should i type the request id?") is not
  // "the same paste again": in a help thread it gets no reply and never counts toward a hand-over.
  // A message whose only evidence is a leaked credential gets the warning alone.
  if (!r.readable && (!r.addressed || r.anyFacts)) return;
  if (r.thanks && !r.substantive) {
    if (s.replies.some((x) => x.kind === 'diagnosis' && x.episode === s.episode)) solvePrompt(t, s.episode, to, false);
  } else if (r.didntWork && (r.failedBranch !== null || s.suggestions.some((g) => g.episode === s.episode))) {
    escalate(t, 'didnt_work', r.pendingBranch ?? d.branch, to);
  } else if (r.failedBranch && failuresOn(s, r.failedBranch) >= 2) {
    escalate(t, 'repeated_failure', r.failedBranch, to);
  } else if (r.failedBranch && noNextStep(d, s)) {
    escalate(t, 'no_hypothesis', r.failedBranch, to);
  } else if (r.asksNext && !r.fresh && answerNext(t, d, to)) {
    return;
  } else {
    const rendered = deps.render(d, view);
    // The step just failed and the diagnosis moved on: say so first.
    const moved = r.failedBranch !== null && d.branch !== r.failedBranch && rendered.kind !== 'not_auth';
    const shown = moved ? afterFailedStep(rendered, view.failed.findLast((f) => f.branch === r.failedBranch)?.command ?? null) : rendered;
    respond(t, d, view, shown, to, r.addressed, failureSignature(view.all('provider_error')), r.fresh, deps.render);
  }
}

/**
 * "What next?" with nothing new: the command (or question) that stands, once per step in this
 * episode, so asking is never counted as the same paste again. @returns whether it posted.
 */
function answerNext(t: Turn, d: Diagnosis, to: Target): boolean {
  const command = d.nextCommand;
  const key = `next:${d.branch ?? '-'}:${command ?? d.ask?.ask.id ?? '-'}`;
  const mine = t.state.replies.filter((x) => x.episode === t.state.episode);
  // Only a step or ask already posted is "what stands"; otherwise the full reply says it.
  const said = mine.some((x) => (command !== null && x.nextCommand === command && x.branch === d.branch) || (d.ask !== null && x.askId === d.ask.ask.id));
  if (!said || mine.some((x) => x.key === key)) return false;
  const then = d.status === 'diagnosed' && d.step && d.step.kind !== 'none' ? d.step.then : null;
  const reply = pickUnsaid(t.state, nextAnswers(command, then, command ? null : (d.ask?.text ?? null)));
  if (!reply) return false;
  post(t, { ...reply, branch: d.branch }, to.messageId, to.seq, { key });
  return true;
}

/** "Answered just above", naming the answer's first command so the user need not scroll. */
function pointerTo(answerMarkdown: string): string {
  const command = [...answerMarkdown.matchAll(/`([^`]+)`/g)].map((m) => m[1] as string).find((c) => /^!?(?:openclaw|claude) /.test(c));
  return `I answered that in my reply just above${command ? ` (the command is \`${command}\`)` : ''}.`;
}

/**
 * Posts the answer to `r.question` unless this episode already had it (`again`: the pointer to
 * that answer, once). @returns whether it posted.
 */
function answerQuestion(t: Turn, r: Reading, view: EvidenceView, to: Target, again = false): boolean {
  const first = questionReplies({ topic: r.question ?? '', provider: threadProvider(view) ?? 'anthropic', inTui: view.inTui, version: view.version, versionRange: view.versionRange });
  // Asked again: a pointer to the answer above with its command, not the same words twice.
  const variants = again ? first?.map((v) => ({ ...v, markdown: pointerTo(v.markdown) })) : first;
  const key = `question${again ? '-again' : ''}:${r.question}`;
  if (!variants || t.state.replies.some((x) => x.key === key && x.episode === t.state.episode)) return false;
  const answerText = pickUnsaid(t.state, variants);
  if (!answerText) return false;
  if (r.worksNow) {
    const prompt = pickUnsaid(t.state, solvePrompts(true));
    const merged = prompt ? { ...prompt, markdown: `${prompt.markdown}\n\n${answerText.markdown}` } : answerText;
    post(t, merged, to.messageId, to.seq, { key });
    t.state = { ...t.state, solvePromptedAt: t.now };
    return true;
  }
  post(t, answerText, to.messageId, to.seq, { key });
  return true;
}
