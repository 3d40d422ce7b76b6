/**
 * `openclaw models auth order get|set|clear` text output (§2, §10.4; OpenClaw 2026.3.13 to
 * 2026.9.6): `Agent: main` / `Provider: anthropic` / `Auth file: <path>` (≤4.6; `Auth state file:`
 * 4.7–6.4; `Auth state store:` ≥6.5) / `Order override: (none)|a, b` (≤7.x) or `Auth profile order
 * override: none (selecting automatically)|a, b` (≥8.1); `order set` prints the same without the
 * store line; `order clear` prints `Cleared per-agent order override.` (≤7.x) or `Auth profile
 * order override cleared; selecting automatically.` (≥8.1).
 */
import { spanOf, type Parser } from './context.ts';
import type { Fact } from './facts.ts';
import type { PreparedLine } from './lines.ts';

const OVERRIDE = /^(Order override|Auth profile order override): ?(.*)$/;

interface Head {
  agentId?: string;
  provider?: string;
  storePath?: string;
  stateFile: boolean;
  first: PreparedLine;
}

function headAbove(lines: readonly PreparedLine[], i: number): Head {
  const head: Head = { stateFile: false, first: lines[i] as PreparedLine };
  for (let j = i - 1; j >= 0 && j >= i - 5; j--) {
    const line = lines[j] as PreparedLine;
    const t = line.text.trim();
    if (t === '') continue;
    const m = /^(Agent|Provider|Auth file|Auth state file|Auth state store): ?(.*)$/.exec(t);
    if (!m) break;
    const value = (m[2] as string).trim();
    if (m[1] === 'Agent') head.agentId = value;
    else if (m[1] === 'Provider') head.provider = value;
    else {
      head.storePath = value;
      head.stateFile = m[1] !== 'Auth file';
    }
    head.first = line;
  }
  return head;
}

/** Reads `order get` / `order set` / `order clear` outputs. */
export const parseAuthOrder: Parser = (lines, ctx) => {
  const facts: Fact[] = [];
  lines.forEach((line, i) => {
    const t = line.text.trim();
    const override = t.startsWith('Order override:') || t.startsWith('Auth profile order override:') ? OVERRIDE.exec(t) : null;
    const cleared = t === 'Cleared per-agent order override.' || t.startsWith('Auth profile order override cleared;');
    if (!override && !cleared) return;
    const head = headAbove(lines, i);
    const source = spanOf(ctx, head.first, line);
    if (cleared) {
      const fact: Fact = { kind: 'auth_order_changed', source, confidence: 1, action: 'clear', order: [] };
      if (head.provider) fact.provider = head.provider;
      facts.push(fact);
      return;
    }
    const value = (override?.[2] ?? '').trim();
    const none = /^(?:\(none\)|none(?: \((.{1,200})\))?)$/.exec(value);
    const order = none || value === '' ? null : value.split(/, ?/).filter(Boolean);
    const label = override?.[1] === 'Order override' ? 'order_override' : 'auth_profile_order_override';
    if (head.storePath !== undefined || order === null) {
      const fact: Fact = { kind: 'auth_order', source, confidence: head.storePath !== undefined ? 1 : 0.8, stateFile: head.stateFile, order, label };
      if (none?.[1]) fact.noneDetail = none[1];
      if (head.agentId) fact.agentId = head.agentId;
      if (head.provider) fact.provider = head.provider;
      if (head.storePath) fact.storePath = head.storePath;
      facts.push(fact);
    } else {
      const fact: Fact = { kind: 'auth_order_changed', source, confidence: 0.9, action: 'set', order };
      if (head.provider) fact.provider = head.provider;
      facts.push(fact);
    }
  });
  return facts;
};
