/**
 * The summary handed to humans when Pincer stops: the evidence it read and the fixes it tried,
 * as short lines (no secrets: credentials are OpenClaw masks or were masked at ingest).
 */
import type { BranchId } from '../diagnosis/catalog.ts';
import type { Fact } from '../evidence/facts.ts';
import { FILLER_TOPICS } from './fingerprint.ts';
import { episodeFacts } from './thread.ts';
import type { EscalationSummary, ThreadState } from './types.ts';

const clip = (s: string, n = 120): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function modelsStatusLines(f: Extract<Fact, { kind: 'models_status' }>): string[] {
  return f.providers.slice(0, 3).map((p) => {
    const c = p.counts;
    const counts = c ? ` profiles=${c.total} (oauth=${c.oauth}, token=${c.token}, api_key=${c.apiKey})` : '';
    const labels = p.profiles
      .slice(0, 3)
      .map((l) => `${l.profileId}=${l.type}${l.credential.form === 'masked' ? `:${l.credential.mask}` : ''}`)
      .join(', ');
    return clip(`\`models status\`: ${p.provider}${counts}${labels ? ` | ${labels}` : ''}`);
  });
}

/** Evidence lines for the current episode, newest state first where it matters. Pure. */
export function evidenceLines(s: ThreadState): string[] {
  const facts = episodeFacts(s);
  const lines: string[] = [];
  const errors = new Map<string, number>();
  for (const r of facts) if (r.fact.kind === 'provider_error') {
    const f = r.fact;
    const label = `${f.httpStatus ? `HTTP ${f.httpStatus} ` : ''}${f.code}${f.provider ? ` (${f.provider})` : ''}`;
    errors.set(label, (errors.get(label) ?? 0) + 1);
  }
  for (const [label, n] of errors) lines.push(`error: ${label}${n > 1 ? ` ×${n}` : ''}`);
  const live = facts.filter((r) => !r.stale).map((r) => r.fact);
  const latest = <K extends Fact['kind']>(k: K) => live.filter((f): f is Extract<Fact, { kind: K }> => f.kind === k).at(-1);
  const ms = latest('models_status');
  if (ms) lines.push(...modelsStatusLines(ms));
  const order = latest('auth_order');
  if (order) lines.push(`auth order: ${order.order ? order.order.join(', ') : '(none)'}`);
  const version = latest('version');
  if (version) lines.push(`OpenClaw ${version.version}`);
  if (live.some((f) => f.kind === 'tui_footer' || f.kind === 'tui_status')) lines.push('the user is in the TUI');
  for (const f of live) {
    if (f.kind === 'statement' && !FILLER_TOPICS.has(f.topic)) lines.push(clip(`said: "${f.quote}"`, 100));
  }
  return lines;
}

/** Tries of the current episode: `\`command\` (branch): outcome`. Pure. */
export function triedLines(s: ThreadState): string[] {
  return s.suggestions
    .filter((g) => g.episode === s.episode)
    .map((g) => `${g.command ? `\`${g.command}\`` : 'a step without a command'} (${g.branch}): ${g.outcome === 'pending' ? 'no result yet' : g.outcome}`);
}

export function escalationSummary(s: ThreadState, reason: EscalationSummary['reason'], branch: BranchId | null): EscalationSummary {
  return { reason, branch, evidence: evidenceLines(s), tried: triedLines(s) };
}

/** Escalated already in this episode (escalate at most once per problem). */
export const escalatedThisEpisode = (s: ThreadState): boolean => s.escalations.some((e) => e.episode === s.episode);
