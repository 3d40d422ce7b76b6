/**
 * The zod schema every rule must satisfy: catalog id, family, docs URL, declared commands, and
 * declared signals, `steps` rows with a fallback row per case, and `values`/`stepCase` as
 * functions. The tests check every rule against it; start-up runs `linkRules`.
 */
import * as z from 'zod';
import { BranchFamily, BranchId } from './catalog.ts';
import { ErrorCode, Fact, StatementTopic } from '../evidence/facts.ts';
import { isDerived } from './derived.ts';
import { rowRange } from './steps.ts';
import { compareVersions } from './versions.ts';
import type { DeclaredCommand, Rule } from './types.ts';

const versionsText = z.string().refine((v) => {
  try {
    rowRange(v);
    return true;
  } catch {
    return false;
  }
}, 'must be any, unknown, ≤V, ≥V or V–W');

/** The parsed fact kinds (the discriminator of `Fact`). */
const FACT_KINDS = new Set<string>(Fact.options.map((o) => o.shape.kind.value));

const FieldTest = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.object({ not: z.string() }).strict(),
  z.object({ re: z.string() }).strict(),
  z.object({ gt: z.number() }).strict(),
  z.object({ has: z.string() }).strict(),
  z.object({ any: z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])).min(1) }).strict(),
  z.object({ none: z.array(z.union([z.string(), z.number(), z.boolean()])).min(1) }).strict(),
  z.object({ differs: z.string().min(1) }).strict(),
  z.object({ atLeast: z.string().regex(/^\d{4}\.\d+\.\d+$/) }).strict(),
  z.object({ atMost: z.string().regex(/^\d{4}\.\d+\.\d+$/) }).strict(),
]);
const Where = z.record(z.string(), FieldTest);

/** A fact kind a `fact` spec may name: a parsed kind other than errors and statements (their own forms), or a derived one. */
const FactName = z.string().refine((k) => isDerived(k) || (FACT_KINDS.has(k) && k !== 'provider_error' && k !== 'statement'), 'must be a fact kind (not provider_error/statement) or a derived fact (./derived.ts)');

/** One piece of evidence (./patterns.ts EvidenceSpec): exactly one of `error`, `statement`, `fact`. */
const evidenceFields = {
  error: z.union([z.array(ErrorCode).min(1), z.literal('any')]).optional(),
  statement: z.array(StatementTopic).min(1).optional(),
  fact: FactName.optional(),
  current: z.boolean().optional(),
  latest: z.boolean().optional(),
  each: z.string().min(1).optional(),
  where: Where.optional(),
  quote: z.string().min(1).optional(),
};
const exactlyOne = (s: { error?: unknown; statement?: unknown; fact?: unknown }) => [s.error, s.statement, s.fact].filter((x) => x !== undefined).length === 1;

const Unless = z
  .object({ error: z.union([z.array(ErrorCode), z.literal('any')]).optional(), statement: z.array(StatementTopic).optional(), fact: FactName.optional(), where: Where.optional() })
  .strict();

const WithSchema = z
  .object({ ...evidenceFields, order: z.enum(['after', 'not_before', 'before', 'below']).optional(), cite: z.literal(false).optional() })
  .strict()
  .refine(exactlyOne, 'with needs exactly one of error, statement, fact');

/** One declared signal (./patterns.ts). */
const SignalSchema = z
  .object({
    ...evidenceFields,
    versions: versionsText.optional(),
    reason: z.string().min(3),
    text: z.string().min(3),
    unless: z.union([Unless, z.array(Unless).min(1)]).optional(),
    with: z.union([WithSchema, z.array(WithSchema).min(1)]).optional(),
    quotes: z.record(z.string().regex(/^\w+$/), z.string().min(1)).optional(),
    verdict: z.enum(['possible', 'ruled_out']).optional(),
    specificity: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  })
  .strict()
  .refine(exactlyOne, 'needs exactly one of error, statement, fact')
  .refine((s) => !(s.verdict && s.specificity), 'specificity ranks confirmed verdicts only');

const fn = z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', 'must be a function');

export const RuleSchema = z.object({
  id: BranchId,
  family: BranchFamily,
  title: z.string().min(3),
  priority: z.number().int().min(0),
  beats: z.array(BranchId).optional(),
  signals: z.array(SignalSchema).min(1),
  values: fn.optional(),
  stepCase: fn.optional(),
  steps: z
    .array(
      z.object({
        case: z.string().min(1).optional(),
        versions: versionsText,
        kind: z.enum(['command', 'action', 'none']).optional(),
        command: z.string().min(1).optional(),
        commandKind: z.enum(['openclaw', 'shell', 'tui', 'claude']).optional(),
        runIn: z.enum(['shell', 'tui', 'gateway_host']).optional(),
        text: z.string().optional(),
        proof: z.string().optional(),
        why: z.string().min(1),
        then: z.string().optional(),
        headline: z.string().optional(),
      }),
    )
    .min(1),
  askFirst: fn.optional(),
  docs: z.string().regex(/^https:\/\/docs\.openclaw\.ai\//),
  commands: z.array(
    z.object({
      kind: z.enum(['openclaw', 'shell', 'tui', 'claude']),
      template: z.string().min(1),
      since: z.string().regex(/^\d{4}\.\d+\.\d+$/).optional(),
    }),
  ),
  then: z.string().min(1),
  reportable: z.boolean().optional(),
});

/**
 * Validates rules against RuleSchema, then links them (`linkRules`); throws an Error naming the
 * rule id and the field when one is malformed.
 */
export function parseRules(rules: Rule[]): Rule[] {
  for (const rule of rules) {
    const r = RuleSchema.safeParse(rule);
    if (!r.success) throw new Error(`rule ${String(rule?.id)}: ${r.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  }
  return linkRules(rules);
}

/**
 * The checks across rules and fields that a start-up can afford (ids unique, `beats` known and
 * not itself, signals and no `when`, an `unknown`/`any` step row per case), then each
 * rule's `commands` completed from its steps. Returns the same array; throws an Error naming
 * the rule. The built-in rules' shapes are checked against RuleSchema by the tests
 * (test/diagnosis/rules.test.ts), not at every start: zod compiling the schema for 46 rules was
 * ~75 ms of each cold `pincer diagnose`.
 */
export function linkRules(rules: Rule[]): Rule[] {
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.id)) throw new Error(`rule ${rule.id}: defined twice`);
    if (rule.beats?.includes(rule.id)) throw new Error(`rule ${rule.id}: beats itself`);
    if (!Array.isArray(rule.signals) || rule.signals.length === 0) throw new Error(`rule ${rule.id}: needs signals`);
    if ('when' in rule) throw new Error(`rule ${rule.id}: a when (rules are data: a derived fact in diagnosis/derived*.ts says what several facts say together)`);
    const steps = rule.steps;
    for (const c of new Set(steps.map((s) => s.case))) {
      const rows = steps.filter((s) => s.case === c);
      if (!rows.some((s) => s.versions === 'unknown' || s.versions === 'any')) {
        throw new Error(`rule ${rule.id}: steps${c ? ` [${c}]` : ''} need an \`unknown\` or \`any\` row`);
      }
    }
    seen.add(rule.id);
  }
  for (const rule of rules) {
    for (const b of rule.beats ?? []) if (!seen.has(b)) throw new Error(`rule ${rule.id}: beats unknown branch ${b}`);
    rule.commands = withStepCommands(rule);
  }
  return rules;
}

/**
 * The rule's declared commands plus every command of its `steps` rows (each template once). A row
 * whose command is only a placeholder (`<slash>`: what the user typed) adds nothing: the rule's
 * `commands` list what it can be.
 */
function withStepCommands(rule: Rule): DeclaredCommand[] {
  const out = [...rule.commands];
  for (const row of rule.steps) {
    if (!row.command || /^<[^>]+>$/.test(row.command) || out.some((c) => c.template === row.command)) continue;
    const kind = row.commandKind ?? (row.command.startsWith('openclaw ') ? 'openclaw' : row.command.startsWith('claude ') ? 'claude' : row.command.startsWith('/') ? 'tui' : 'shell');
    // First version it is given on: the lowest bound of its rows; none when a row gives it on any version.
    const mins = rule.steps.filter((r) => r.command === row.command).map((r) => rowRange(r.versions)?.min);
    const since = mins.includes(undefined) ? undefined : mins.sort((a, b) => compareVersions(a!, b!))[0];
    out.push({ kind, template: row.command, ...(since && !since.endsWith('.99') ? { since } : {}) });
  }
  return out;
}
