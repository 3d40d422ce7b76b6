/**
 * `openclaw models auth order get --json` (§2): `{agentId, agentDir, provider, authStorePath,
 * order: [...] | null}`; from ≈2026.4.7 `authStatePath` instead of `authStorePath`.
 */
import { spanOf, type Parser } from './context.ts';
import type { Fact } from './facts.ts';
import { findJsonBlocks } from './json-blocks.ts';
import type { PreparedLine } from './lines.ts';

/** Reads `order get --json` objects. */
export const parseAuthOrderJson: Parser = (lines, ctx) => {
  const facts: Fact[] = [];
  for (const block of findJsonBlocks(lines)) {
    const v = block.value as Record<string, unknown> | null;
    if (typeof v !== 'object' || v === null || Array.isArray(v) || !('order' in v)) continue;
    const path = typeof v.authStatePath === 'string' ? v.authStatePath : typeof v.authStorePath === 'string' ? v.authStorePath : undefined;
    if (path === undefined && typeof v.provider !== 'string') continue;
    const order = Array.isArray(v.order) ? v.order.filter((x): x is string => typeof x === 'string') : null;
    const fact: Fact = {
      kind: 'auth_order',
      source: spanOf(ctx, lines[block.first] as PreparedLine, lines[block.last] as PreparedLine),
      confidence: 1,
      stateFile: typeof v.authStatePath === 'string',
      order,
    };
    if (typeof v.agentId === 'string') fact.agentId = v.agentId;
    if (typeof v.provider === 'string') fact.provider = v.provider;
    if (path) fact.storePath = path;
    facts.push(fact);
  }
  return facts;
};
