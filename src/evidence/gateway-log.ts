/**
 * Gateway log lines (`openclaw logs`, §4.2, OpenClaw 2026.3.13): `embedded run agent end: … model=
 * provider= error=…`, `embedded run failover decision: … decision=… reason=… provider=<p>/<m>`,
 * `auth profile failure state updated: … provider= reason= window=…`, `model fallback decision:
 * decision=… requested=<p>/<m> … reason=…`. Profile ids in logs are hashed and are not kept.
 */
import { spanOf, type Parser } from './context.ts';
import type { Fact, FactOf } from './facts.ts';

type GatewayLog = FactOf<'gateway_log'>;

const EVENTS: [string, GatewayLog['event']][] = [
  ['embedded run agent end:', 'agent_end'],
  ['embedded run failover decision:', 'failover_decision'],
  ['auth profile failure state updated:', 'profile_failure'],
  ['model fallback decision:', 'model_fallback'],
];

/** The first event whose marker the line contains. */
function eventIn(text: string): (typeof EVENTS)[number] | undefined {
  for (const event of EVENTS) if (text.includes(event[0])) return event;
  return undefined;
}

/** `key=value` fields; `error=` takes the rest of the line. */
function fields(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const errorAt = text.indexOf(' error=');
  const head = errorAt >= 0 ? text.slice(0, errorAt) : text;
  for (const m of head.matchAll(/(?:^|\s)([a-zA-Z]{2,20})=(\S{1,300})/g)) out[m[1] as string] = m[2] as string;
  if (errorAt >= 0) out.error = text.slice(errorAt + 7).trim();
  return out;
}

/** Reads gateway log lines. */
export const parseGatewayLog: Parser = (lines, ctx) => {
  const facts: Fact[] = [];
  for (const line of lines) {
    const t = line.text;
    // Shorter than the shortest marker (23 characters): no event.
    if (t.length > 4000 || t.length < 23) continue;
    const hit = eventIn(t);
    if (!hit) continue;
    const f = fields(t.slice(t.indexOf(hit[0]) + hit[0].length));
    const fact: GatewayLog = { kind: 'gateway_log', source: spanOf(ctx, line), confidence: 1, event: hit[1] };
    const ref = hit[1] === 'model_fallback' ? f.requested : f.provider;
    const slash = ref?.indexOf('/') ?? -1;
    if (ref && slash > 0) {
      fact.provider = ref.slice(0, slash);
      fact.model = ref.slice(slash + 1);
    } else if (ref) fact.provider = ref;
    if (f.model && !fact.model) fact.model = f.model;
    const reason = f.reason ?? f.error;
    if (reason && reason !== 'none') fact.reason = reason;
    const decision = f.decision ?? f.window;
    if (decision) fact.decision = decision;
    facts.push(fact);
  }
  return facts;
};
