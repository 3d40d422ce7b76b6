/**
 * `openclaw doctor` auth notes (§5, §10.6; OpenClaw 2026.3.13 to 2026.9.6):
 * `Auth profile cooldowns` (`- <id>: cooldown (25m) — Wait for cooldown or switch provider.`),
 * `Model auth` (`- <id>: <status>[ [<reasonCode>]][ (<remaining>)] — <hint>`) and `OAuth refresh
 * errors`, plain or inside the clack note boxes (`◇  Model auth ──╮` / `│  - …  │`), with the
 * titles of every note seen; and `doctor --json` (9.x: `{schemaVersion, ok, checksRun,
 * checksSkipped, findings: [{checkId, severity, message, path?, fixHint?}]}`). One fact per paste.
 * The `Auth profile SQLite migration` note is read by store-guards.ts.
 */
import { spanOf, type Parser } from './context.ts';
import type { Fact, FactOf } from './facts.ts';
import type { PreparedLine } from './lines.ts';
import { findJsonBlocks } from './json-blocks.ts';

type Entry = FactOf<'doctor'>['entries'][number];

const TITLE = /(?:^|[◇◆│]\s*)(Auth profile cooldowns|Model auth|Auth profiles|OAuth refresh errors|OpenClaw doctor)\b/;
// ≥8.1 adds the reason to the status: `- anthropic:default: cooldown:auth (22m) — Re-authenticate with …`.
// `OAuth refresh errors` (§10.6): `- <id>: re-auth required [invalid refresh token] — Run `…`.`, `- <id>: OAuth refresh failed — Try again; …`.
const ENTRY = /^- (\S{1,128}?): (OAuth refresh failed|[a-z][a-z_ -]{0,30}?(?::[\w-]{1,40})?)(?: \[([a-z_][a-z_ ]{0,39})\])?(?: \(([^()]{1,20})\))?(?: [—–-] (.{1,300}))?$/;

function unbox(text: string): string {
  let t = text.trim();
  if (t.startsWith('│') || t.startsWith('┃')) t = t.slice(1);
  if (t.endsWith('│') || t.endsWith('┃')) t = t.slice(0, -1);
  return t.trim();
}

const NOTE_TITLE = /^[◇◆]\s+(.{2,80}?)\s*─/;
type Finding = NonNullable<FactOf<'doctor'>['findings']>[number];

/** `doctor --json` objects (they carry `schemaVersion` and `findings`). */
function doctorJson(lines: readonly PreparedLine[], ctx: { messageId: string }): Fact[] {
  const facts: Fact[] = [];
  for (const block of findJsonBlocks(lines)) {
    const v = block.value as { schemaVersion?: unknown; findings?: unknown } | null;
    if (!v || typeof v !== 'object' || typeof v.schemaVersion !== 'number' || !Array.isArray(v.findings)) continue;
    const findings: Finding[] = [];
    for (const f of v.findings as Record<string, unknown>[]) {
      if (typeof f?.checkId !== 'string' || typeof f.message !== 'string') continue;
      const finding: Finding = { checkId: f.checkId, severity: typeof f.severity === 'string' ? f.severity : 'unknown', message: f.message };
      if (typeof f.fixHint === 'string') finding.fixHint = f.fixHint;
      findings.push(finding);
    }
    const source = spanOf(ctx, lines[block.first] as PreparedLine, lines[block.last] as PreparedLine);
    facts.push({ kind: 'doctor', source, confidence: 1, entries: [], format: 'json', findings });
  }
  return facts;
}

/** Reads doctor auth entries (only after a doctor section title), and `doctor --json`. */
export const parseDoctor: Parser = (lines, ctx) => {
  const json = doctorJson(lines, ctx);
  const entries: Entry[] = [];
  const sections: string[] = [];
  let inDoctor = false;
  let first: PreparedLine | undefined;
  let last: PreparedLine | undefined;
  for (const line of lines) {
    const t = line.text.trim();
    const note = t.startsWith('◇') || t.startsWith('◆') ? NOTE_TITLE.exec(t) : null;
    if (note && sections.length < 60) sections.push(note[1]!.trim());
    // Shorter than the shortest title (`Model auth`): not a title.
    if (t.length >= 10 && TITLE.test(t)) {
      inDoctor = true;
      first ??= line;
      last = line;
      continue;
    }
    if (!inDoctor) continue;
    const m = ENTRY.exec(unbox(line.text));
    if (!m || !(m[1] as string).includes(':')) continue;
    const entry: Entry = { profileId: m[1] as string, status: (m[2] as string).trim() };
    if (m[3]) entry.reasonCode = m[3];
    if (m[4]) entry.remaining = m[4];
    if (m[5]) entry.hint = m[5].trim();
    entries.push(entry);
    last = line;
  }
  if (entries.length === 0 || !first || !last) return json;
  const fact: Fact = { kind: 'doctor', source: spanOf(ctx, first, last), confidence: 1, entries, format: 'text' };
  if (sections.length > 0) fact.sections = sections;
  return [fact, ...json];
};
