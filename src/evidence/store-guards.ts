/**
 * Messages about where OpenClaw keeps state (§10.1, §10.11; read from 8.1 and 9.6 captures):
 * - the auth-store migration error, ≥8.1 `Auth profile store <path> requires legacy credential
 *   migration; run openclaw doctor --fix.` (≥9.4 `…; affected providers: <p>[, <p>]; run …`), as a
 *   plain line, inside a `--json` error object (`"message": "…"`) or doctor's
 *   `doctor:auth-profiles run failed: …`; and the code `AUTH_PROFILE_MIGRATION_REQUIRED`;
 * - doctor's 6.5+ note `Auth profile SQLite migration` (legacy JSON files listed) and its change
 *   line `Migrated auth profile JSON for …` (the import happened);
 * - the ≥9.1 state-directory guard: the refusal `No credentials or configuration were written. CLI
 *   and <live Gateway|installed Gateway service> use different state directories (CLI: <a>;
 *   Gateway: <b>)[ and config paths (CLI: <c>; Gateway: <d>)]. Fix: run … openclaw <command>.`,
 *   the warnings `CLI and <source> use different …`, `Gateway target <url> is remote. …` and
 *   `Gateway is reachable but requires credentials, …`.
 */
import { spanOf, type Parser } from './context.ts';
import type { Fact, FactOf } from './facts.ts';
import type { PreparedLine } from './lines.ts';

type Migration = FactOf<'auth_store_migration'>;
type Guard = FactOf<'state_dir_guard'>;

const MIGRATION = /Auth profile store (\S{1,400}) requires legacy credential migration(?:; affected providers: ([^;]{1,300}))?; run openclaw doctor --fix/;
const REFUSED = /No credentials or configuration were written\. CLI and (?:live Gateway|installed Gateway service) use different state directories \(CLI: ([^;]{1,400}); Gateway: ([^)]{1,400})\)(?: and config paths \(CLI: ([^;]{1,400}); Gateway: ([^)]{1,400})\))?\.(?: Fix: run (?:\S+=\S+ ){0,3}(openclaw(?: [\w-]+){1,6})\.?)?/;
const DIFFERENT = /^CLI and (?:the )?(?:live Gateway|installed Gateway service|[\w ]{1,60}) use different .{1,300}Local commands may read or write state the Gateway does not use\./;
const REMOTE = /^Gateway target (\S{1,300}) is remote\. Local credentials and configuration do not reach that Gateway\./;
const NEEDS_CREDENTIALS = /^Gateway is reachable but requires credentials, so its state and config paths could not be verified\./;

const unbox = (t: string): string => t.replace(/^[│┃|]\s*/, '').replace(/\s*[│┃|]$/, '').trim();

function migrationLine(t: string, line: PreparedLine, ctx: { messageId: string }): Migration | null {
  const m = t.includes('requires legacy credential migration') ? MIGRATION.exec(t) : null;
  // The code alone (a `--json` error's `code`, or quoted in a report) names the same refusal.
  if (!m && /\bAUTH_PROFILE_MIGRATION_REQUIRED\b/.test(t)) {
    return { kind: 'auth_store_migration', source: spanOf(ctx, line), confidence: 1, via: t.includes('"code"') ? 'json_error' : 'error' };
  }
  if (!m) return null;
  const via: Migration['via'] = t.includes('"message"') || t.includes('"cli_error"') ? 'json_error' : t.includes('doctor:auth-profiles') ? 'doctor_warning' : 'error';
  const fact: Migration = { kind: 'auth_store_migration', source: spanOf(ctx, line), confidence: 1, via, storePath: m[1]! };
  if (m[2]) fact.affectedProviders = m[2].split(/, ?/).map((p) => p.trim()).filter(Boolean);
  return fact;
}

function guardLine(t: string, line: PreparedLine, ctx: { messageId: string }): Guard | null {
  const base = { kind: 'state_dir_guard' as const, source: spanOf(ctx, line), confidence: 1 };
  const refused = t.includes('No credentials or configuration were written.') ? REFUSED.exec(t) : null;
  if (refused) {
    const g: Guard = { ...base, guard: 'refused', cliStateDir: refused[1]!.trim(), gatewayStateDir: refused[2]!.trim() };
    if (refused[3]) g.cliConfig = refused[3].trim();
    if (refused[4]) g.gatewayConfig = refused[4].trim();
    if (refused[5]) g.command = refused[5];
    return g;
  }
  if (t.startsWith('CLI and ') && DIFFERENT.test(t)) return { ...base, guard: 'different' };
  const remote = t.startsWith('Gateway target ') ? REMOTE.exec(t) : null;
  if (remote) return { ...base, guard: 'remote', target: remote[1]! };
  if (t.startsWith('Gateway is reachable') && NEEDS_CREDENTIALS.test(t)) return { ...base, guard: 'needs_credentials' };
  return null;
}

/** Doctor's `Auth profile SQLite migration` note (boxed or plain), up to the next note. */
function doctorNote(lines: readonly PreparedLine[], i: number, ctx: { messageId: string }): { fact: Migration; end: number } {
  const body: string[] = [];
  let last = lines[i] as PreparedLine;
  let j = i + 1;
  for (; j < lines.length && j < i + 40; j++) {
    const t = (lines[j] as PreparedLine).text.trim();
    if (/^[◇◆]/.test(t) || /^└/.test(t)) break;
    body.push(unbox(t));
    last = lines[j] as PreparedLine;
  }
  const text = body.join(' ');
  const fact: Migration = { kind: 'auth_store_migration', source: spanOf(ctx, lines[i] as PreparedLine, last), confidence: 1, via: 'doctor_note' };
  const affected = /\(affected providers: ([^)]{1,300})\)/.exec(text);
  if (affected) fact.affectedProviders = affected[1]!.split(/, ?/).map((p) => p.trim());
  return { fact, end: j - 1 };
}

/** Reads migration and state-directory messages. */
export const parseStoreGuards: Parser = (lines, ctx) => {
  const facts: Fact[] = [];
  let note: Migration | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as PreparedLine;
    const t = line.text.trim();
    if (t.length < 20) continue;
    if (t.includes('Auth profile SQLite migration')) {
      const { fact, end } = doctorNote(lines, i, ctx);
      note = fact;
      facts.push(fact);
      i = end;
      continue;
    }
    if (note && t.includes('Migrated auth profile JSON for') && unbox(t).startsWith('Migrated auth profile JSON for')) note.migrated = true;
    const f = migrationLine(t, line, ctx) ?? guardLine(t, line, ctx);
    // A bare code next to the full message adds nothing (and would hide its affected providers).
    const codeOnly = f?.kind === 'auth_store_migration' && !f.storePath;
    if (f && !(codeOnly && facts.some((x) => x.kind === 'auth_store_migration' && x.storePath))) facts.push(f);
  }
  return facts;
};
