/**
 * Staleness and "something changed", recomputed from a thread episode's facts in message order.
 *
 * Rules (issue 5):
 * - a reported action (re-onboarded, restarted, bought credits, pinned an order, set an env var,
 *   `order set` output) is a change and makes earlier setup snapshots (`models status`, auth
 *   order, auth-profiles.json …) stale: they may no longer be true;
 * - newer output of the same command supersedes older output (the older becomes stale); when it
 *   differs (another mask, profile count, version) that is a change;
 * - a message with error lines supersedes earlier error lines; another error code is a change.
 * Recomputing from scratch keeps edits simple: an edited paste just re-runs the analysis.
 */
import type { Fact } from '../evidence/facts.ts';
import type { ChangeRecord, StoredFact, ThreadState } from './types.ts';
import {
  ACTION_TOPICS,
  EVENT_KINDS,
  SNAPSHOT_KINDS,
  isAction,
  differsReason,
  failureSignature,
  fingerprint,
  isSubstantive,
  subjectOf,
} from './fingerprint.ts';

/** Why a message is a change, or null. `earlier` = the live facts before it. Pure. */
export function changeReason(earlier: readonly StoredFact[], facts: readonly Fact[]): string | null {
  for (const f of facts) {
    if (f.kind === 'statement' && ACTION_TOPICS[f.topic]) return ACTION_TOPICS[f.topic] ?? null;
    if (f.kind === 'auth_order_changed') return 'you changed the auth order';
  }
  const live = earlier.filter((r) => !r.stale);
  for (const f of facts) {
    if (!isSubstantive(f) || f.kind === 'statement' || f.kind === 'provider_error') continue;
    const prev = live.filter((r) => subjectOf(r.fact) === subjectOf(f)).at(-1);
    if (prev && fingerprint(prev.fact) !== fingerprint(f)) return differsReason(f.kind);
  }
  const sigNew = failureSignature(facts);
  const sigOld = failureSignature(live.map((r) => r.fact));
  if (sigNew && sigOld && sigNew !== sigOld) return differsReason('provider_error');
  return null;
}

/**
 * Re-derives stale flags and change records for one episode. `facts` may come in any order;
 * the result is ordered by message seq. Pure; O(facts²) for a thread's few dozen facts.
 */
export function analyseEpisode(
  facts: readonly StoredFact[],
  episode: number,
): { facts: StoredFact[]; changes: ChangeRecord[] } {
  const bySeq = new Map<number, StoredFact[]>();
  for (const f of facts) bySeq.set(f.seq, [...(bySeq.get(f.seq) ?? []), f]);
  const out: StoredFact[] = [];
  const changes: ChangeRecord[] = [];
  for (const seq of [...bySeq.keys()].sort((a, b) => a - b)) {
    const group = bySeq.get(seq) ?? [];
    const incoming = group.map((g) => g.fact);
    const reason = changeReason(out, incoming);
    const action = incoming.some(isAction);
    const output = incoming.some((f) => isSubstantive(f) && f.kind !== 'statement');
    const subjects = new Set(incoming.filter((f) => SNAPSHOT_KINDS.has(f.kind) || f.kind === 'version').map(subjectOf));
    const hasErrors = incoming.some((f) => f.kind === 'provider_error');
    for (const r of out) {
      if (r.stale) continue;
      if (
        (action && SNAPSHOT_KINDS.has(r.fact.kind)) ||
        (output && EVENT_KINDS.has(r.fact.kind)) ||
        subjects.has(subjectOf(r.fact)) ||
        (hasErrors && r.fact.kind === 'provider_error')
      ) {
        r.stale = true;
      }
    }
    out.push(...group.map((g) => ({ ...g, stale: false })));
    const first = group[0];
    if (reason && first) changes.push({ seq, messageId: first.messageId, episode, reason });
  }
  return { facts: out, changes };
}

/**
 * "Nothing new": every substantive fact of the message is already held, live, in the episode
 * (same content; a new request id does not count), and the message is not a change.
 * With `besidesActions`, a reported action ("I ran onboard again") does not count as new: the
 * same error after it is exactly the fix failing.
 */
export function nothingNew(earlier: readonly StoredFact[], facts: readonly Fact[], besidesActions = false): boolean {
  const rest = besidesActions ? facts.filter((f) => !isAction(f)) : facts;
  const held = new Set(earlier.filter((r) => !r.stale).map((r) => fingerprint(r.fact)));
  return rest.filter(isSubstantive).every((f) => held.has(fingerprint(f))) && changeReason(earlier, rest) === null;
}

/**
 * Replaces episode `episode`'s facts, re-deriving every stale flag. Change records are history
 * — what the thread showed when it was shown; a reply repeated because of a change stays
 * justified even if that paste is edited later — so only message `seq` (the new or edited one)
 * may gain a record, and none is removed.
 */
export function withEpisodeFacts(s: ThreadState, episode: number, facts: readonly StoredFact[], seq: number): ThreadState {
  const analysed = analyseEpisode(facts, episode);
  const has = s.changes.some((c) => c.episode === episode && c.seq === seq);
  const mine = has ? [] : analysed.changes.filter((c) => c.seq === seq);
  return {
    ...s,
    facts: [...s.facts.filter((f) => f.episode !== episode), ...analysed.facts],
    changes: [...s.changes, ...mine].sort((a, b) => a.episode - b.episode || a.seq - b.seq),
  };
}
