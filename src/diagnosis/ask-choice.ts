/**
 * The choice of the one ask that decides (./asks.ts holds the asks): `chooseAsk` picks the ask
 * leaving the fewest candidates in the worst case, then the cheapest (question < one command <
 * several), then the one doable where the user is, then the lowest `rank`. Pure.
 */
import { ASKS } from './asks.ts';
import { ruleFor } from './branches/index.ts';
import type { BranchId } from './catalog.ts';
import { gatewayRemote, nonMainAgent, threadProvider } from './signals.ts';
import type { Ask } from './types.ts';
import type { EvidenceView } from './view.ts';

/**
 * Candidates left by each answer that can happen given `possible`: those it does not rule out and
 * that the branch it confirms does not beat (the engine would report the confirmed one). Answers
 * confirming nothing possible cannot happen and are skipped.
 */
export function remainders(ask: Ask, possible: readonly BranchId[]): BranchId[][] {
  const out: BranchId[][] = [];
  for (const o of ask.outcomes) {
    const decided = o.confirms.filter((id) => possible.includes(id));
    if (o.confirms.length > 0 && decided.length === 0) continue;
    const beaten = new Set(decided.flatMap((id) => ruleFor(id)?.beats ?? []));
    out.push(possible.filter((id) => !o.rulesOut.includes(id) && !beaten.has(id)));
  }
  return out;
}

/**
 * `worstCase` answers by ask, for the last `possible` lists seen: they depend on the fixed asks and
 * rules only, and one message asks it of every ask (the same few lists recur across threads).
 */
const worstCases = new Map<string, Map<Ask, number>>();
const WORST_CASE_LISTS = 256;

/** Worst-case number of candidates left after the ask; Infinity when no answer changes anything. */
export function worstCase(ask: Ask, possible: readonly BranchId[]): number {
  const key = possible.join(' ');
  let byAsk = worstCases.get(key);
  if (!byAsk) {
    if (worstCases.size >= WORST_CASE_LISTS) worstCases.clear();
    worstCases.set(key, (byAsk = new Map()));
  }
  let worst = byAsk.get(ask);
  if (worst === undefined) byAsk.set(ask, (worst = computeWorstCase(ask, possible)));
  return worst;
}

function computeWorstCase(ask: Ask, possible: readonly BranchId[]): number {
  const rest = remainders(ask, possible);
  if (rest.length === 0 || rest.every((r) => r.length === possible.length)) return Infinity;
  return Math.max(...rest.map((r) => r.length));
}

/** 0 when the ask can be done where the user is; 1 when it needs the gateway host the TUI is not on. */
function doability(ask: Ask, view: EvidenceView): number {
  return ask.kind === 'command' && ask.where === 'gateway_host' && view.inTui && gatewayRemote(view) === true ? 1 : 0;
}

/**
 * The ask that best separates `possible`, never one the view already answers; null when no ask
 * changes anything. Pure.
 */
export function chooseAsk(possible: readonly BranchId[], view: EvidenceView): Ask | null {
  const scored = ASKS.filter((a) => !isAnswered(a, view))
    .map((a) => ({ a, worst: worstCase(a, possible), doable: doability(a, view) }))
    .filter((s) => s.worst !== Infinity);
  scored.sort((x, y) => x.worst - y.worst || x.a.cost - y.a.cost || x.doable - y.doable || (x.a.rank ?? 99) - (y.a.rank ?? 99));
  if (scored[0]) return scored[0].a;
  // Nothing splits what is left: `models status` is still the one look that shows the setup.
  const status = ASKS.find((a) => a.id === 'models_status')!;
  return possible.length > 0 && !isAnswered(status, view) ? status : null;
}

/** `ask.answered`, where an ask whose check throws on odd evidence counts as answered (never asked). */
export function isAnswered(ask: Ask, view: EvidenceView): boolean {
  try {
    return ask.answered(view);
  } catch {
    return true;
  }
}

/** Values for an ask's placeholders, from the evidence. */
export function askValues(view: EvidenceView): Record<string, string | undefined> {
  return { '<provider>': threadProvider(view) ?? undefined, '<id>': nonMainAgent(view)?.id };
}
