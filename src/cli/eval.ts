/**
 * `pincer eval [--json] FILE.jsonl`: runs every labelled case of a corpus file through the
 * pipeline (one process, one paste per case, as if the user addressed Pincer in a fresh thread)
 * and scores it against its labels. A line is
 *   {"id", "input", "expect_status", "accept_branches": [...], "accept_commands": [...],
 *    "openclaw_version": "2026.4.26" | null, …}
 * `openclaw_version` is the version the report states beside its text (an issue template's version
 * field): the pipeline reads it as a version the user named, and a version printed in the paste wins.
 * (test/fixtures/corpus/README.md). Scores:
 * - status: got status = expect_status, over every case. A case whose `accept_branches` starts
 *   with `__uncovered__` has no catalog id: `diagnosed` with a listed stand-in or `needs_evidence`
 *   both count as right;
 * - branch: the reported branch is in `accept_branches`, over the `diagnosed` cases that list a
 *   catalog id;
 * - command: `next_command` matches one of `accept_commands` (whitespace collapsed, a TUI `!`
 *   dropped, a `<placeholder>` in the label matching any text), over the cases that list commands;
 * - negatives answered: `not_auth` cases Pincer answered as a model-auth failure.
 * Prints the figures, the status confusion table and every miss as `id: expected -> got`.
 */
import { readFile } from 'node:fs/promises';
import * as z from 'zod';
import { RELEASE_VERSION } from '../diagnosis/versions.ts';
import { diagnoseOnce } from '../pipeline/pipeline.ts';
import { parseCommandArgs, UsageError } from './args.ts';
import { type CliIo, println } from './io.ts';
import { InputError } from './read-source.ts';

export const EvalCase = z.object({
  id: z.string(),
  input: z.string(),
  expect_status: z.enum(['diagnosed', 'needs_evidence', 'not_auth']),
  accept_branches: z.array(z.string()),
  accept_commands: z.array(z.string()),
  /** The version the report states (an issue's version field), or null: Pincer reads it as the user saying it. */
  openclaw_version: z.string().regex(RELEASE_VERSION, 'expected YYYY.M.D').nullish(),
});
export type EvalCase = z.infer<typeof EvalCase>;

const UNCOVERED = '__uncovered__';
const STATUSES = ['diagnosed', 'needs_evidence', 'not_auth'] as const;

export interface Score {
  right: number;
  total: number;
}
export interface EvalMiss {
  id: string;
  dimension: 'status' | 'branch' | 'command';
  expected: string;
  got: string;
}
export interface EvalReport {
  cases: number;
  status: Score;
  branch: Score;
  command: Score;
  negativesAnswered: number;
  /** confusion[expected][got] = number of cases. */
  confusion: Record<string, Record<string, number>>;
  misses: EvalMiss[];
}

/** Reads JSONL text into cases. @throws InputError naming the first bad line. */
export function parseCases(text: string, name = 'input'): EvalCase[] {
  const cases: EvalCase[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new InputError(`${name}:${i + 1}: not JSON`);
    }
    const parsed = EvalCase.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new InputError(`${name}:${i + 1}: ${issue.path.join('.') || 'line'}: ${issue.message}`);
    }
    cases.push(parsed.data);
  });
  return cases;
}

const normalize = (command: string): string => command.trim().replace(/^!/, '').replace(/\s+/g, ' ');
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * True when `got` is the labelled command `accepted`: same words once whitespace is collapsed
 * and a TUI `!` is dropped; a `<placeholder>` in the label stands for any value.
 */
export function commandMatches(accepted: string, got: string | null): boolean {
  if (!got) return false;
  const pattern = normalize(accepted)
    .split(/(<[^<>\s][^<>]{0,40}>)/)
    .map((part, i) => (i % 2 === 1 ? '.+?' : escapeRe(part)))
    .join('');
  return new RegExp(`^${pattern}$`).test(normalize(got));
}

/** Runs every case through the pipeline and scores it. Pure apart from the pipeline's own work. */
export function evaluate(cases: readonly EvalCase[]): EvalReport {
  const report: EvalReport = {
    cases: cases.length,
    status: { right: 0, total: 0 },
    branch: { right: 0, total: 0 },
    command: { right: 0, total: 0 },
    negativesAnswered: 0,
    confusion: Object.fromEntries(STATUSES.map((s) => [s, Object.fromEntries(STATUSES.map((g) => [g, 0]))])),
    misses: [],
  };
  for (const c of cases) {
    const { outcome } = diagnoseOnce(c.input, undefined, { openclawVersion: c.openclaw_version ?? undefined });
    const got = { status: outcome.status, branch: outcome.branch ?? null, command: outcome.nextCommand ?? null };
    const row = report.confusion[c.expect_status]!;
    row[got.status] = (row[got.status] ?? 0) + 1;
    const uncovered = c.accept_branches[0] === UNCOVERED;
    const branches = c.accept_branches.filter((b) => b !== UNCOVERED);
    const branchOk = got.branch !== null && branches.includes(got.branch);

    report.status.total++;
    const statusOk = uncovered
      ? got.status === 'needs_evidence' || (got.status === 'diagnosed' && branchOk)
      : got.status === c.expect_status;
    if (statusOk) report.status.right++;
    else report.misses.push({ id: c.id, dimension: 'status', expected: uncovered ? `${c.expect_status} (uncovered)` : c.expect_status, got: got.status });

    if (c.expect_status === 'not_auth' && got.status !== 'not_auth') report.negativesAnswered++;

    if (c.expect_status === 'diagnosed' && branches.length > 0) {
      report.branch.total++;
      if (branchOk) report.branch.right++;
      else report.misses.push({ id: c.id, dimension: 'branch', expected: branches.join('|'), got: got.branch ?? got.status });
    }

    if (c.accept_commands.length > 0) {
      report.command.total++;
      if (c.accept_commands.some((a) => commandMatches(a, got.command))) report.command.right++;
      else report.misses.push({ id: c.id, dimension: 'command', expected: c.accept_commands.join(' | '), got: got.command ?? '(none)' });
    }
  }
  return report;
}

const pct = (s: Score): string => (s.total === 0 ? 'n/a' : `${((100 * s.right) / s.total).toFixed(1)}%`);

/** The report as the terminal shows it. */
export function formatReport(r: EvalReport): string {
  const out: string[] = [
    `cases: ${r.cases}`,
    `status:  ${pct(r.status)} (${r.status.right}/${r.status.total})`,
    `branch:  ${pct(r.branch)} (${r.branch.right}/${r.branch.total} diagnosed cases naming a catalog id)`,
    `command: ${pct(r.command)} (${r.command.right}/${r.command.total} cases listing commands)`,
    `negatives answered as auth: ${r.negativesAnswered}`,
    '',
    `${'expected \\ got'.padEnd(16)}${STATUSES.map((s) => s.padStart(16)).join('')}`,
    ...STATUSES.map((e) => `${e.padEnd(16)}${STATUSES.map((g) => String(r.confusion[e]?.[g] ?? 0).padStart(16)).join('')}`),
  ];
  for (const dimension of ['status', 'branch', 'command'] as const) {
    const misses = r.misses.filter((m) => m.dimension === dimension);
    if (misses.length === 0) continue;
    out.push('', `${dimension} misses (${misses.length}):`, ...misses.map((m) => `  ${m.id}: ${m.expected} -> ${m.got}`));
  }
  return out.join('\n');
}

/** Reads a corpus file. @throws InputError when it cannot be read or a line is malformed. */
export async function readCases(path: string): Promise<EvalCase[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new InputError(`cannot read ${path}: no such file or not readable`);
  }
  return parseCases(text, path);
}

/** @returns 0 (the figures are the output; thresholds belong to the caller). */
export async function runEval(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('eval', argv, { options: { json: { type: 'boolean' } }, positionals: 1 });
  const file = positionals[0];
  if (!file) throw new UsageError('eval: needs FILE.jsonl');
  const report = evaluate(await readCases(file));
  println(io.stdout, values.json ? JSON.stringify(report) : formatReport(report));
  return 0;
}
