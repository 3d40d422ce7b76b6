/**
 * The diagnosis engine: every rule over the view → candidates (confirmed / possible / ruled out,
 * each with its because), then either the winning branch and its one step, or the one ask that
 * decides, or `not_auth` when nothing in the view is a model-auth failure or model-auth output
 * (a healthy `models status` alone gets the question what fails). Pure and synchronous;
 * a rule that throws is treated as having nothing to say (no message may crash Pincer).
 */
import { askValues, chooseAsk, isAnswered } from './ask-choice.ts';
import { ASKS } from './asks.ts';
import { RULES } from './branches/index.ts';
import type { BranchId } from './catalog.ts';
import { fill, typedForm } from './commands.ts';
import { rankConfirmed } from './precedence.ts';
import { gatewayRemote } from './signals.ts';
import { text } from './reason.ts';
import { matchSignals } from './patterns.ts';
import { tableStep } from './steps.ts';
import { authOutput, authSymptom } from './symptoms.ts';
import type { Ask, Candidate, Diagnosis, Rule, Step, Verdict } from './types.ts';
import type { EvidenceView } from './view.ts';

const CONFIDENCE: Record<1 | 2 | 3, number> = { 1: 0.7, 2: 0.9, 3: 1 };

function attempt<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

const judge = (rule: Rule, view: EvidenceView): Verdict | null =>
  attempt(() => matchSignals(rule.signals, view), null);

/** The ask as the user should see it: the command filled (TUI form where it works) or the question. */
export function presentAsk(ask: Ask, view: EvidenceView): NonNullable<Diagnosis['ask']> {
  if (ask.kind === 'question' || !ask.command) return { ask, command: null, text: ask.question ?? '' };
  const { text } = fill(ask.command, askValues(view));
  const command = typedForm(view, text, 'openclaw', gatewayRemote(view) === true);
  return { ask, command, text: ask.purpose ?? '' };
}

/**
 * Diagnoses a thread's view.
 * @returns status `diagnosed` (branch + step), `needs_evidence` (the ask), or `not_auth`.
 */
export function diagnose(view: EvidenceView): Diagnosis {
  const judged = RULES.map((rule) => ({ rule, verdict: judge(rule, view) })).filter(
    (j): j is { rule: Rule; verdict: Verdict } => j.verdict !== null,
  );
  const sideWarnings = judged.filter((j) => j.rule.reportable === false && j.verdict.status === 'confirmed').map((j) => j.rule.id);
  const reportable = judged.filter((j) => j.rule.reportable !== false);
  const failedBranches = new Set(view.failed.map((f) => f.branch));
  const ranked = rankConfirmed(reportable.filter((j) => j.verdict.status === 'confirmed'), failedBranches);
  // Possible and ruled-out candidates in precedence order (priority, then id): never the order rules were loaded in.
  const byPrecedence = (a: { rule: Rule }, b: { rule: Rule }) => b.rule.priority - a.rule.priority || a.rule.id.localeCompare(b.rule.id);
  const possible = reportable.filter((j) => j.verdict.status === 'possible').sort(byPrecedence);
  const ruledOut = reportable.filter((j) => j.verdict.status === 'ruled_out').sort(byPrecedence);
  const candidates: Candidate[] = [...ranked, ...possible, ...ruledOut].map((j) => ({
    id: j.rule.id,
    status: j.verdict.status,
    because: j.verdict.because,
  }));
  const base = { candidates, ...(sideWarnings.length > 0 ? { sideWarnings } : {}) };

  const winner = ranked[0];
  if (winner) {
    const step = safeStep(winner.rule, view, winner.verdict);
    const askId = attempt(() => winner.rule.askFirst?.(view) ?? null, null);
    const ask = ASKS.find((a) => a.id === askId && !isAnswered(a, view));
    const shown = ask ? presentAsk(ask, view) : null;
    return {
      ...base,
      status: 'diagnosed',
      branch: winner.rule.id,
      step,
      ask: shown,
      // A question asked first (API key or subscription?) leaves the step's command as the next one.
      nextCommand: shown?.command ?? stepCommand(step, view),
      confidence: CONFIDENCE[winner.verdict.specificity ?? 1],
    };
  }
  if (possible.length > 0) {
    const ask = chooseAsk(
      possible.map((p) => p.rule.id as BranchId),
      view,
    );
    const shown = ask ? presentAsk(ask, view) : null;
    return { ...base, status: 'needs_evidence', branch: null, step: null, ask: shown, nextCommand: shown?.command ?? null, confidence: 0 };
  }
  // The symptom layer: a genuine auth-looking failure no rule confirms is never `not_auth`.
  if (authSymptom(view)) {
    const ask = symptomAsk(view);
    const shown = ask ? presentAsk(ask, view) : null;
    return { ...base, status: 'needs_evidence', branch: null, step: null, ask: shown, nextCommand: shown?.command ?? null, confidence: 0 };
  }
  // Auth output that shows no failure (a healthy `models status` pasted first): ask what fails, never hand it over as off-topic.
  const failureAsk = authOutput(view) ? ASKS.find((a) => a.id === 'failure_text') : undefined;
  if (failureAsk) return { ...base, status: 'needs_evidence', branch: null, step: null, ask: presentAsk(failureAsk, view), nextCommand: null, confidence: 0 };
  return { ...base, status: 'not_auth', branch: null, step: null, ask: null, nextCommand: null, confidence: 0 };
}

/**
 * The one ask for an auth failure no rule reads yet: the exact build when it broke with a release,
 * else `models status` (it shows the setup), else the version.
 */
function symptomAsk(view: EvidenceView): Ask | null {
  for (const id of ['version_regression', 'models_status', 'version', 'auth_order_get']) {
    const ask = ASKS.find((a) => a.id === id);
    if (ask && !isAnswered(ask, view)) return ask;
  }
  return null;
}

function safeStep(rule: Rule, view: EvidenceView, verdict: Verdict): Step {
  try {
    const ctx = { view, verdict };
    return tableStep(rule.steps, ctx, rule.values?.(ctx), rule.stepCase?.(ctx));
  } catch {
    return { kind: 'action', text: text(rule.title), why: verdict.because[0]?.reason ?? text(''), then: rule.then };
  }
}

/**
 * `candidates` as `pincer diagnose --json` reports them: every id not ruled out, confirmed ones
 * first (the reported branch first), then the possible ones.
 */
export function candidateIds(d: Diagnosis): BranchId[] {
  return d.candidates.filter((c) => c.status !== 'ruled_out').map((c) => c.id);
}

/**
 * The exact text to type for a step: the command; for "nothing to fix", the proof that chat works
 * (`openclaw agent -m "ping"`); null for console actions.
 */
export function stepCommand(step: Step, view: EvidenceView): string | null {
  if (step.kind === 'none') return step.proof ?? null;
  if (step.kind !== 'command') return null;
  if (step.runIn === 'gateway_host') return step.command;
  return typedForm(view, step.command, step.commandKind, gatewayRemote(view) === true);
}
