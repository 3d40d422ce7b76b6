/**
 * The OpenClaw version range an output's shape implies (branches.md "Evidence that fixes the
 * version"), one `version_hint` fact per distinct marker. Read from real 2026.3.13–2026.9.6
 * captures: the count-first `profiles=` bit, `Utility model`, `Allowed models`, `Unavailable auth
 * profiles`, `Auth profile order override:` and the shared `state/openclaw.sqlite` store mean ≥8.1;
 * a per-agent `openclaw-agent.sqlite` ≥6.5; `Order override:` and the named-count bit ≤7.x;
 * `Auth store : …auth-profiles.json` ≤6.4; `Auth state file:` 4.7–6.4; `Auth file:` ≤4.6; the
 * migration error with `affected providers:` ≥9.4; the state-directory guard ≥9.1; the
 * `Logs: openclaw logs --follow` line under a failed run ≤7.x (gone from 8.1, openclaw-cli.md §10.8).
 * Bounds are inclusive; `2026.7.99` stands for "the last 7.x build" (maintenance builds 7.33–7.35
 * keep the 7.1 formats).
 */
import { spanOf, type Parser } from './context.ts';
import type { Fact } from './facts.ts';

interface Marker {
  /** Cheap first look: the line starts with (or, for `anywhere`, contains) this text. */
  first: string;
  anywhere?: boolean;
  re: RegExp;
  min?: string;
  max?: string;
  marker: string;
}

const LAST_7X = '2026.7.99';

const MARKERS: readonly Marker[] = [
  { first: 'requires legacy credential migration; affected providers:', anywhere: true, re: /requires legacy credential migration; affected providers:/, min: '2026.9.4', marker: 'migration error naming affected providers' },
  { first: 'requires legacy credential migration', anywhere: true, re: /requires legacy credential migration/, min: '2026.8.1', marker: 'legacy credential migration error' },
  { first: 'AUTH_PROFILE_MIGRATION_REQUIRED', anywhere: true, re: /AUTH_PROFILE_MIGRATION_REQUIRED/, min: '2026.8.1', marker: 'AUTH_PROFILE_MIGRATION_REQUIRED' },
  { first: 'No credentials or configuration were written.', anywhere: true, re: /No credentials or configuration were written\. CLI and /, min: '2026.9.1', marker: 'state-directory guard refusal' },
  { first: 'Gateway target ', re: /^Gateway target \S+ is remote\. Local credentials/, min: '2026.9.1', marker: 'remote Gateway warning' },
  { first: 'Installed Gateway service state and config paths could not be verified', re: /^Installed Gateway service state and config paths could not be verified/, min: '2026.9.2', marker: 'service paths warning' },
  { first: '- ', re: /^- [\w.-]+ effective=.*\| ?profiles=\d+ \(\d+ oauth, \d+ token, \d+ api-key\)/, min: '2026.8.1', marker: 'count-first profiles=' },
  { first: '- ', re: /^- [\w.-]+ effective=.*\| ?profiles=\d+ \(oauth=\d+, ?token=\d+, ?api_key=\d+\)/, max: LAST_7X, marker: 'named profile counts' },
  { first: 'Utility model', re: /^Utility model *:/, min: '2026.8.1', marker: 'Utility model row' },
  { first: 'Allowed models', re: /^Allowed models \(\d+\) *:/, min: '2026.8.1', marker: 'Allowed models row' },
  { first: 'Configured models', re: /^Configured models \(\d+\) *:/, max: LAST_7X, marker: 'Configured models row' },
  { first: 'Unavailable auth profiles', re: /^Unavailable auth profiles$/, min: '2026.8.1', marker: 'Unavailable auth profiles section' },
  { first: 'Auth profile order override', re: /^Auth profile order override[: ]/, min: '2026.8.1', marker: 'Auth profile order override' },
  { first: 'Order override:', re: /^Order override:/, max: LAST_7X, marker: 'Order override' },
  { first: 'Auth store', re: /^Auth store *: ?\S*\/state\/openclaw\.sqlite$/, min: '2026.8.1', marker: 'shared state/openclaw.sqlite store' },
  { first: 'Auth store', re: /^Auth store *: ?\S*openclaw-agent\.sqlite$/, min: '2026.6.5', marker: 'per-agent SQLite store' },
  { first: 'Auth store', re: /^Auth store *: ?\S*auth-profiles\.json$/, max: '2026.6.4', marker: 'auth-profiles.json store' },
  // Named in the missing-key error (`Auth store: …/openclaw-agent.sqlite`) or prose ("the SQLite auth_profile_store"): the SQLite store is 6.5+ (§10.1).
  { first: 'No API key found', anywhere: true, re: /No API key found\b[^\n]{0,200}\bAuth store: \S*openclaw-agent\.sqlite\b/, min: '2026.6.5', marker: 'per-agent SQLite store in the missing-key error' },
  { first: 'SQLite', anywhere: true, re: /\bSQLite\b[^\n]{0,10}`?(?:auth[_ ]profile[_ ]store|auth store)\b/, min: '2026.6.5', marker: 'SQLite auth store named' },
  { first: 'Auth state store:', re: /^Auth state store: /, min: '2026.6.5', marker: 'Auth state store' },
  { first: 'Auth state file:', re: /^Auth state file: /, min: '2026.4.7', max: '2026.6.4', marker: 'Auth state file' },
  { first: 'Auth file:', re: /^Auth file: /, max: '2026.4.6', marker: 'Auth file' },
  // `models status --json` (one key per line when pasted as printed).
  { first: '"utilityModel"', re: /^"utilityModel": /, min: '2026.8.1', marker: 'utilityModel key' },
  { first: '"modelRouteIssues"', re: /^"modelRouteIssues": /, min: '2026.8.1', marker: 'modelRouteIssues key' },
  { first: '"storePath"', re: /^"storePath": "[^"]*\/state\/openclaw\.sqlite"/, min: '2026.8.1', marker: 'shared store in JSON' },
  { first: '"storePath"', re: /^"storePath": "[^"]*openclaw-agent\.sqlite"/, min: '2026.6.5', marker: 'per-agent SQLite store in JSON' },
  { first: '"storePath"', re: /^"storePath": "[^"]*auth-profiles\.json"/, max: '2026.6.4', marker: 'auth-profiles.json store in JSON' },
  { first: '- ', re: /^- [\w.-]+ Run `openclaw configure` or set an API key env var\.$/, max: '2026.5.7', marker: 'Missing auth hint without `models auth login`' },
  { first: 'You are authenticated with OpenAI Codex OAuth', anywhere: true, re: /You are authenticated with OpenAI Codex OAuth\. Use openai-codex\//, max: '2026.5.7', marker: 'Codex OAuth hint (gone from 5.28)' },
  { first: 'Logs: openclaw logs --follow', re: /^Logs: openclaw logs --follow$/, max: LAST_7X, marker: 'Logs: suffix of a failed run' },
];

/**
 * The markers a line starting with a given character can match, in MARKERS order: those whose
 * `first` starts with that character, and every `anywhere` marker. Saves trying ~30 prefixes per line.
 */
const BY_FIRST_CHAR = new Map<string, Marker[]>();
for (const m of MARKERS) if (!m.anywhere) BY_FIRST_CHAR.set(m.first[0]!, []);
for (const [c, list] of BY_FIRST_CHAR) list.push(...MARKERS.filter((m) => m.anywhere || m.first[0] === c));
const ANYWHERE = MARKERS.filter((m) => m.anywhere);
/** …and the same without the `anywhere` markers, for a line that contains none of their texts. */
const BY_FIRST_CHAR_ONLY = new Map([...BY_FIRST_CHAR].map(([c, list]) => [c, list.filter((m) => !m.anywhere)]));
const ANY_ANYWHERE = new RegExp(ANYWHERE.map((m) => m.first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));

/** Reads version hints (at most one per marker per message). */
export const parseVersionHints: Parser = (lines, ctx) => {
  const facts: Fact[] = [];
  const seen = new Set<string>();
  for (const line of lines) {
    const t = line.text.trim();
    if (t.length < 6) continue;
    const anywhere = ANY_ANYWHERE.test(t);
    const candidates = anywhere ? (BY_FIRST_CHAR.get(t[0]!) ?? ANYWHERE) : (BY_FIRST_CHAR_ONLY.get(t[0]!) ?? []);
    for (const m of candidates) {
      if (seen.has(m.marker)) continue;
      if (!(m.anywhere ? t.includes(m.first) : t.startsWith(m.first)) || !m.re.test(t)) continue;
      seen.add(m.marker);
      const fact: Fact = { kind: 'version_hint', source: spanOf(ctx, line), confidence: 1, marker: m.marker };
      if (m.min) fact.min = m.min;
      if (m.max) fact.max = m.max;
      facts.push(fact);
      if (m.anywhere) break;
    }
  }
  return facts;
};
