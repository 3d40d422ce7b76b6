/**
 * The zod schema every rule must satisfy: catalog id, family, docs URL, declared commands, and
 * `when`/`next` present as functions. Checked once when ./branches/index.ts loads.
 */
import { z } from 'zod';
import { BranchFamily, BranchId } from './catalog.ts';
import type { Rule } from './types.ts';

const fn = z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', 'must be a function');

export const RuleSchema = z.object({
  id: BranchId,
  family: BranchFamily,
  title: z.string().min(3),
  priority: z.number().int().min(0),
  beats: z.array(BranchId).optional(),
  when: fn,
  next: fn,
  askFirst: fn.optional(),
  docs: z.string().regex(/^https:\/\/docs\.openclaw\.ai\//),
  commands: z.array(
    z.object({
      kind: z.enum(['openclaw', 'shell', 'tui', 'claude']),
      template: z.string().min(1),
      since: z.string().regex(/^\d{4}\.\d+\.\d+$/).optional(),
    }),
  ),
  signals: z.array(z.string().min(3)).min(1),
  then: z.string().min(1),
  reportable: z.boolean().optional(),
});

/**
 * Validates rules; throws an Error naming the rule id and the field when one is malformed, or
 * when two rules share an id or a rule beats itself.
 */
export function parseRules(rules: Rule[]): Rule[] {
  const seen = new Set<string>();
  for (const rule of rules) {
    const r = RuleSchema.safeParse(rule);
    if (!r.success) throw new Error(`rule ${String(rule?.id)}: ${r.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    if (seen.has(rule.id)) throw new Error(`rule ${rule.id}: defined twice`);
    if (rule.beats?.includes(rule.id)) throw new Error(`rule ${rule.id}: beats itself`);
    seen.add(rule.id);
  }
  return rules;
}
