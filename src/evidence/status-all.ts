/**
 * `openclaw status --all` ("Full diagnosis (read-only, pasteable)", §10.7; read from 9.6 and
 * 8.1 captures): the `Overview` table (`│ Item │ Value │` rows: Version, Config, Gateway,
 * Secrets …, values wrapped over continuation rows) and the `Agents` table (`│ Agent │ … │ Store │`).
 * Gives a `status_all` fact, and a `version` fact from the Version row.
 */
import { spanOf, type Parser } from './context.ts';
import type { Fact, FactOf } from './facts.ts';
import type { PreparedLine } from './lines.ts';

type StatusAll = FactOf<'status_all'>;

/** Cells of a `│ a │ b │` table row, or null when the line is not one. */
function cells(t: string): string[] | null {
  if (!t.startsWith('│') || !t.endsWith('│')) return null;
  return t.slice(1, -1).split('│').map((c) => c.trim());
}

/** Reads `status --all` reports (anchored at the `Overview` table's `Item │ Value` header). */
export const parseStatusAll: Parser = (lines, ctx) => {
  const facts: Fact[] = [];
  for (let i = 0; i < lines.length; i++) {
    const head = cells((lines[i] as PreparedLine).text.trim());
    if (!head || head[0] !== 'Item' || head[1] !== 'Value') continue;
    const rows = new Map<string, string>();
    let key = '';
    let last = lines[i] as PreparedLine;
    let j = i + 1;
    for (; j < lines.length; j++) {
      const t = (lines[j] as PreparedLine).text.trim();
      if (t.startsWith('├')) continue;
      const c = cells(t);
      if (!c || c.length < 2) break;
      if (c[0]) key = c[0];
      if (key) rows.set(key, [rows.get(key), c[1]].filter(Boolean).join(c[0] ? '' : ' '));
      last = lines[j] as PreparedLine;
    }
    const fact: StatusAll = { kind: 'status_all', source: spanOf(ctx, lines[i] as PreparedLine, last), confidence: 1, agents: [] };
    const version = /^v?(\d{4}\.\d{1,2}\.\d{1,2}(?:-[\w.]{1,20})?)$/.exec(rows.get('Version') ?? '');
    if (version) fact.version = version[1]!;
    if (rows.get('Config')) fact.configPath = rows.get('Config')!;
    const gateway = rows.get('Gateway');
    if (gateway) {
      fact.gateway = gateway;
      fact.gatewayReachable = !/\bunreachable\b/.test(gateway);
    }
    if (rows.get('Secrets')) fact.secrets = rows.get('Secrets')!;
    // The Agents table follows within a few dozen lines.
    for (let k = j; k < lines.length && k < j + 60; k++) {
      const c = cells((lines[k] as PreparedLine).text.trim());
      if (!c) continue;
      if (c[0] === 'Agent' || c[0] === 'Channel' || c[0] === 'Item') continue;
      const store = c.find((x) => /(?:\.sqlite|auth-profiles\.json)$/.test(x));
      if (store && /^[\w.-]{1,64}$/.test(c[0] ?? '')) {
        fact.agents.push({ agentId: c[0]!, store });
        last = lines[k] as PreparedLine;
      }
    }
    fact.source = spanOf(ctx, lines[i] as PreparedLine, last);
    facts.push(fact);
    if (fact.version) {
      facts.push({ kind: 'version', source: spanOf(ctx, lines[i] as PreparedLine), confidence: 1, version: fact.version, from: 'status_all' });
    }
    i = j - 1;
  }
  return facts;
};
