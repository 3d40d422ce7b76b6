/**
 * Steps as data: each rule's `steps` table gives the one next step per OpenClaw version range, as
 * catalog v2 writes it (`≤7.1: …; ≥8.1: …; unknown: …`). A row's command, why and then are
 * templates whose `<placeholders>` the rule's `values(ctx)` fills from the thread's facts.
 * `pickRow` is the only place that chooses a row; `pincer explain` and `pincer rules` print the
 * same rows.
 *
 * Row `versions`: `any` (valid on every version in use), `unknown` (the step when the version is
 * not known or the known range spans rows: valid on all, or the ask `openclaw --version`),
 * `≤2026.7.1`, `≥2026.8.1` or `2026.6.5–2026.7.x` (inclusive; `.x` = the last build of a minor).
 * Versions between two rows that npm never published (7.2 betas, 8.0) follow the later row.
 */
import { fill } from './commands.ts';
import type { Message } from './reason.ts';
import type { CommandKind, Step, StepContext } from './types.ts';
import { compareVersions, versionParts, type VersionRange } from './versions.ts';

export interface StepRow {
  versions: string;
  /**
   * For a branch with several situations (a check first, then the fix once the check is pasted):
   * the situation's name; the rule's `stepCase(ctx)` picks it. Rows without one form the default.
   */
  case?: string;
  /** `command` (default when `command` is set), `action` (console/portal, no command) or `none` (nothing to fix). */
  kind?: 'command' | 'action' | 'none';
  /** The command template, e.g. `openclaw models auth order set --provider <provider> <profile-id>`. */
  command?: string;
  /** Defaults from the first word: `openclaw …` → openclaw, `claude …` → claude, `/…` → tui, else shell. */
  commandKind?: CommandKind;
  runIn?: 'shell' | 'tui' | 'gateway_host';
  /** action/none: what to do (or that nothing is to be done). */
  text?: string;
  /** none: the command that proves all is well (`openclaw agent -m "ping"`). */
  proof?: string;
  why: string;
  then?: string;
  headline?: string;
}

export type Steps = readonly StepRow[];

/** Placeholder values a rule reads from the facts (`<provider>` → `anthropic`); undefined = not known. */
export type StepValues = Record<string, string | undefined>;

const LAST_BUILD = 99;

/** `≤2026.7.1` → {max}, `≥2026.8.1` → {min}, `2026.6.5–2026.7.x` → both; null for `any` / `unknown`. */
export function rowRange(versions: string): VersionRange | null {
  const v = (s: string) => s.trim().replace(/\.x$/, `.${LAST_BUILD}`);
  if (versions === 'any' || versions === 'unknown') return null;
  if (versions.startsWith('≤')) return { max: v(versions.slice(1)) };
  if (versions.startsWith('≥')) return { min: v(versions.slice(1)) };
  const [min, max] = versions.split('–');
  if (min && max) return { min: v(min), max: v(max) };
  throw new Error(`step row versions "${versions}": expected any, unknown, ≤V, ≥V or V–W`);
}

/**
 * Maintenance builds 6.33–6.35 and 7.33–7.35 behave like 7.1 (openclaw-cli.md §10.0), as does
 * `2026.7.99`, the bound version hints use for "the last 7.x build".
 */
function effective(v: string): string {
  const p = versionParts(v);
  if (p && (p[1] === 6 || p[1] === 7) && p[2] >= 33) return `${p[0]}.7.1`;
  return v;
}

/** The ranged rows, oldest first (by upper bound; an open upper bound last). */
function ranged(steps: Steps): { row: StepRow; range: VersionRange }[] {
  return steps
    .map((row) => ({ row, range: rowRange(row.versions) }))
    .filter((r): r is { row: StepRow; range: VersionRange } => r.range !== null)
    .sort((a, b) => (a.range.max === undefined ? 1 : b.range.max === undefined ? -1 : compareVersions(a.range.max, b.range.max)));
}

/** The ranged row a single version falls in (gaps go to the later row), or null below the first row. */
function rowAt(rows: ReturnType<typeof ranged>, version: string): StepRow | null {
  const v = effective(version);
  const at = rows.find((r) => r.range.max === undefined || compareVersions(v, r.range.max) <= 0);
  if (!at) return null;
  if (at === rows[0] && at.range.min && compareVersions(v, at.range.min) < 0) return null;
  return at.row;
}

/**
 * The row for what is known of the thread's version: the ranged row holding the whole range;
 * otherwise `unknown` (nothing known, or the range spans rows), then `any`.
 * @throws Error when no row applies (a malformed table; `parseRules` rejects those at load).
 */
export function pickRow(steps: Steps, range: VersionRange): StepRow & { versionKnown: boolean } {
  const rows = ranged(steps);
  if (rows.length > 0 && (range.min || range.max)) {
    const lo = range.min ? rowAt(rows, range.min) : null;
    const hi = range.max ? rowAt(rows, range.max) : null;
    // An open end is only decided when the first/last row is itself open on that side.
    const loRow = range.min ? lo : rows[0]!.range.min === undefined ? rows[0]!.row : null;
    const hiRow = range.max ? hi : rows.at(-1)!.range.max === undefined ? rows.at(-1)!.row : null;
    if (loRow && loRow === hiRow) return { ...loRow, versionKnown: true };
  }
  const fallback = steps.find((r) => r.versions === 'unknown') ?? steps.find((r) => r.versions === 'any');
  if (!fallback) throw new Error('steps: no row for this version, and no `unknown` or `any` row');
  return { ...fallback, versionKnown: fallback.versions === 'any' };
}

function kindOf(command: string): CommandKind {
  if (command.startsWith('openclaw ')) return 'openclaw';
  if (command.startsWith('claude ')) return 'claude';
  if (command.startsWith('/')) return 'tui';
  return 'shell';
}

/**
 * A template as a message: each filled `<placeholder>` becomes a quoted value (`` `{n}` `` when
 * the template has it in backticks), so reply/ quotes pasted values safely.
 */
export function templateMessage(template: string, values: StepValues): Message {
  const quotes: string[] = [];
  const id = template.replace(/<[A-Za-z/_-]{1,20}>/g, (ph) => {
    const v = values[ph];
    if (v === undefined || v === '') return ph;
    quotes.push(v);
    return `{${quotes.length - 1}}`;
  });
  return { id, quotes };
}

/** The Step of a row with the rule's values filled (placeholders not known are listed in `missing`). */
export function stepOfRow(row: StepRow, values: StepValues): Step {
  const then = fill(row.then ?? '', values).text;
  if (row.kind === 'action') return { kind: 'action', text: templateMessage(row.text ?? '', values), why: templateMessage(row.why, values), then };
  if (row.kind === 'none' || !row.command) {
    return { kind: 'none', text: templateMessage(row.text ?? '', values), why: templateMessage(row.why, values), ...(row.proof ? { proof: row.proof } : {}) };
  }
  // Every placeholder the facts did not fill is listed with where to find it.
  const open = Object.fromEntries([...row.command.matchAll(/<[A-Za-z/_-]{1,20}>/g)].map((m) => [m[0], undefined]));
  const { text: command, missing } = fill(row.command, { ...open, ...values });
  const commandKind = row.commandKind ?? kindOf(row.command);
  const step: Step = {
    kind: 'command',
    command,
    commandKind,
    runIn: row.runIn ?? (commandKind === 'tui' ? 'tui' : 'shell'),
    why: templateMessage(row.why, values),
    then,
  };
  if (missing.length > 0) step.missing = missing;
  if (row.headline) step.headline = row.headline;
  return step;
}

/** The step a table-driven rule gives for this thread: `pickRow` on its version range, filled. */
export function tableStep(steps: Steps, ctx: StepContext, values: StepValues = {}, stepCase?: string): Step {
  return stepOfRow(pickRow(steps.filter((r) => r.case === stepCase), ctx.view.versionRange), values);
}

/** The rows as text lines (`≤7.1: openclaw …`), for `pincer explain` and `pincer rules --markdown`. */
export function stepLines(steps: Steps): string[] {
  return steps.map((r) => {
    const what = r.command ?? (r.kind === 'none' ? `nothing to fix${r.proof ? ` (proof: ${r.proof})` : ''}` : `(${r.kind ?? 'action'}) ${r.text ?? ''}`);
    // Shown as the catalog writes them: `≤7.1`, `6.5–7.x`, `≥8.1`.
    return `${r.case ? `[${r.case}] ` : ''}${r.versions.replace(/2026\./g, '')}: ${what}`;
  });
}
