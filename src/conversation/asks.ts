/**
 * Asks bookkeeping: which ask is open, and turning "yes" / "the first one" into the open ask's
 * answer. A statement like `answer_first` means nothing without the question, so when an ask is
 * open the reducer writes the chosen outcome's `answer` into the statement's `value`
 * (e.g. `answer_first` → value `sk-ant-api`) — rules read it from there.
 */
import type { Fact } from '../evidence/facts.ts';
import type { Diagnosis } from '../diagnosis/types.ts';
import type { AskRecord, ThreadState } from './types.ts';

/** The newest unanswered ask of the current episode. */
export const openAsk = (s: ThreadState): AskRecord | undefined =>
  s.asks.filter((a) => a.episode === s.episode && !a.answeredBy && !a.supersededBy).at(-1);

/** An ask with this id already answered in the current episode (its answer is held). */
export const answeredAsk = (s: ThreadState, askId: string): AskRecord | undefined =>
  s.asks.filter((a) => a.episode === s.episode && a.askId === askId && a.answeredBy).at(-1);

function pick(ask: AskRecord, topic: string): string | undefined {
  const a = ask.answers;
  switch (topic) {
    case 'answer_first':
      return a[0];
    case 'answer_second':
      return a[1];
    case 'answer_yes':
      return a.find((x) => /^yes\b/i.test(x)) ?? (a.length === 2 ? a[0] : undefined);
    case 'answer_no':
      return a.find((x) => /^no\b/i.test(x)) ?? (a.length === 2 ? a[1] : undefined);
    default:
      return undefined;
  }
}

/**
 * Maps positional / yes-no statements to the open ask's outcomes. Returns the facts (statements
 * rewritten with `value` = the outcome's answer) and the answer chosen, if any. Pure.
 */
export function mapAnswers(ask: AskRecord | undefined, facts: readonly Fact[]): { facts: Fact[]; answer?: string } {
  if (!ask || ask.answers.length === 0) return { facts: [...facts] };
  let answer: string | undefined;
  const out = facts.map((f) => {
    if (f.kind !== 'statement' || f.value) return f;
    const v = pick(ask, f.topic);
    if (v === undefined) return f;
    answer ??= v;
    return { ...f, value: v };
  });
  return answer === undefined ? { facts: out } : { facts: out, answer };
}

/** A new AskRecord for the ask a diagnosis chose, posted as `replyId`. */
export function askRecord(s: ThreadState, d: Diagnosis, replyId: string, now: number): AskRecord | null {
  if (!d.ask) return null;
  const id = d.ask.ask.id;
  return {
    askId: id,
    replyId,
    at: now,
    repeat: s.asks.filter((a) => a.episode === s.episode && a.askId === id).length,
    episode: s.episode,
    command: d.ask.command,
    text: d.ask.text,
    answers: d.ask.ask.outcomes.map((o) => o.answer),
  };
}
