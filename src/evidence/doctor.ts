/**
 * `openclaw doctor` auth notes (§5, OpenClaw 2026.3.13, `src/commands/doctor-auth.ts`):
 * `Auth profile cooldowns` (`- <id>: cooldown (25m) — Wait for cooldown or switch provider.`) and
 * `Model auth` (`- <id>: <status>[ [<reasonCode>]][ (<remaining>)] — <hint>`), plain or inside
 * the clack note boxes (`◇  Model auth ──╮` / `│  - …  │`). One fact per doctor paste.
 */
import { spanOf, type Parser } from './context.ts';
import type { Fact, FactOf } from './facts.ts';
import type { PreparedLine } from './lines.ts';

type Entry = FactOf<'doctor'>['entries'][number];

const TITLE = /(?:^|[◇◆│]\s*)(Auth profile cooldowns|Model auth|Auth profiles|OAuth refresh errors|OpenClaw doctor)\b/;
const ENTRY = /^- (\S{1,128}?): ([a-z][a-z_ ]{0,30}?)(?: \[([a-z_]{1,40})\])?(?: \(([^()]{1,20})\))?(?: [—–-] (.{1,300}))?$/;

function unbox(text: string): string {
  let t = text.trim();
  if (t.startsWith('│') || t.startsWith('┃')) t = t.slice(1);
  if (t.endsWith('│') || t.endsWith('┃')) t = t.slice(0, -1);
  return t.trim();
}

/** Reads doctor auth entries (only after a doctor section title). */
export const parseDoctor: Parser = (lines, ctx) => {
  const entries: Entry[] = [];
  let inDoctor = false;
  let first: PreparedLine | undefined;
  let last: PreparedLine | undefined;
  for (const line of lines) {
    const t = line.text.trim();
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
  if (entries.length === 0 || !first || !last) return [];
  return [{ kind: 'doctor', source: spanOf(ctx, first, last), confidence: 1, entries }];
};
