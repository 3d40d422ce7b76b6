/**
 * Which OpenClaw versions a thread can be on, and the per-version steps of catalog v2
 * (branches.md `≤7.1: …; ≥8.1: …`) as data: `pincer explain`, `pincer rules`, the rules and the
 * tests read this one table. A version is `2026.M.P`; ranges are inclusive.
 */
import type { FactRecord } from './view.ts';
import type { CommandKind } from './types.ts';

/** Inclusive bounds; a missing bound is open. `{}` = nothing known. */
export interface VersionRange {
  min?: string;
  max?: string;
}

/** Numeric parts of `2026.3.13` / `2026.7.2-beta.7` (pre-release tags ignored); null when unreadable. */
export function versionParts(v: string): [number, number, number] | null {
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(v.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/** <0, 0, >0 as `a` is older, equal, newer than `b` (unreadable versions compare equal). */
export function compareVersions(a: string, b: string): number {
  const x = versionParts(a);
  const y = versionParts(b);
  if (!x || !y) return 0;
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return 0;
}

/**
 * Maintenance builds 6.33–6.35 and 7.33–7.35 behave like 7.1 (openclaw-cli.md §10.0); so does
 * `2026.7.99`, the bound version hints use for "the last 7.x build". 7.2 betas follow 8.1.
 */
function effective(v: string): string {
  const p = versionParts(v);
  if (p && (p[1] === 6 || p[1] === 7) && p[2] >= 33) return `${p[0]}.7.1`;
  return v;
}

/**
 * The range the thread's version facts allow: an exact `version` fact (newest wins) fixes it;
 * otherwise the `version_hint` facts are intersected (hints that contradict each other are
 * dropped, leaving the range unknown).
 */
export function versionRangeOf(live: readonly FactRecord[]): VersionRange {
  let exact: string | undefined;
  let min: string | undefined;
  let max: string | undefined;
  for (const { fact } of live) {
    if (fact.kind === 'version') exact = fact.version;
    else if (fact.kind === 'version_hint') {
      if (fact.min && (!min || compareVersions(fact.min, min) > 0)) min = fact.min;
      if (fact.max && (!max || compareVersions(fact.max, max) < 0)) max = fact.max;
    }
  }
  if (exact) return { min: exact, max: exact };
  if (min && max && compareVersions(min, max) > 0) return {};
  return { ...(min ? { min } : {}), ...(max ? { max } : {}) };
}

/** One step that differs by version. Rows oldest first; a row covers versions up to `upTo`. */
export interface VersionedStep {
  rows: { upTo?: string; command: string; kind: CommandKind }[];
  /** Valid on every version in use, or the one ask that decides (`openclaw --version`). */
  unknown: { command: string; kind: CommandKind };
}

/** Per-version steps of catalog v2 (branches.md), keyed by branch id (and `.<step>` when a branch has several). */
export const VERSIONED_STEPS = {
  stale_order_override: {
    rows: [
      { upTo: '2026.7.1', command: 'openclaw models auth order clear --provider <provider>', kind: 'openclaw' },
      { command: 'openclaw models auth order set --provider <provider> <profile-id>', kind: 'openclaw' },
    ],
    unknown: { command: 'openclaw models auth order set --provider <provider> <profile-id>', kind: 'openclaw' },
  },
  profile_cooldown: {
    rows: [
      { upTo: '2026.7.1', command: 'openclaw logs --follow', kind: 'openclaw' },
      { command: 'openclaw models status', kind: 'openclaw' },
    ],
    unknown: { command: 'openclaw logs --follow', kind: 'openclaw' },
  },
  codex_model_prefix_mismatch: {
    rows: [
      { upTo: '2026.5.7', command: 'openclaw configure --section model', kind: 'openclaw' },
      { command: 'openclaw doctor --fix', kind: 'openclaw' },
    ],
    unknown: { command: 'openclaw --version', kind: 'openclaw' },
  },
  // The old error text (`OAuth token refresh failed for <p>`, `refresh_token_reused`): its own hint
  // is `Fix: run "openclaw doctor --yes"` (§4.3), which is also the step when the version is unknown.
  oauth_refresh_failed: {
    rows: [
      { upTo: '2026.7.1', command: 'openclaw doctor --yes', kind: 'openclaw' },
      { command: 'openclaw models auth login --provider <provider>', kind: 'openclaw' },
    ],
    unknown: { command: 'openclaw doctor --yes', kind: 'openclaw' },
  },
  // The chat copy `⚠️ Model login expired on the gateway for <p>` and doctor's `OAuth refresh
  // errors` print the login command themselves (§10.6, §10.8): valid on every version they exist in.
  'oauth_refresh_failed.copy': {
    rows: [
      { upTo: '2026.7.1', command: 'openclaw doctor --yes', kind: 'openclaw' },
      { command: 'openclaw models auth login --provider <provider>', kind: 'openclaw' },
    ],
    unknown: { command: 'openclaw models auth login --provider <provider>', kind: 'openclaw' },
  },
  // A stored non-Anthropic profile shadowing the key set elsewhere (config `apiKey`, env): write the
  // new key into the profile. `paste-api-key` exists from 5.28 (openclaw-cli.md §2, §10.9); the
  // wizard works on every version.
  'profile_shadows_env.other_provider': {
    rows: [
      { upTo: '2026.5.27', command: 'openclaw onboard', kind: 'openclaw' },
      { command: 'openclaw models auth paste-api-key --provider <provider>', kind: 'openclaw' },
    ],
    unknown: { command: 'openclaw onboard', kind: 'openclaw' },
  },
} as const satisfies Record<string, VersionedStep>;

export type VersionedStepId = keyof typeof VERSIONED_STEPS;

function rowIndex(step: VersionedStep, v: string): number {
  const at = step.rows.findIndex((r) => r.upTo !== undefined && compareVersions(effective(v), r.upTo) <= 0);
  return at >= 0 ? at : step.rows.length - 1;
}

/**
 * The step's command for what is known of the version: the row that covers the whole range, or
 * `unknown` when the range spans rows (or nothing is known). `versionKnown` says which.
 */
export function stepForVersion(id: VersionedStepId, range: VersionRange): { command: string; kind: CommandKind; versionKnown: boolean } {
  const step: VersionedStep = VERSIONED_STEPS[id];
  const last = step.rows.length - 1;
  const lo = range.min ? rowIndex(step, range.min) : 0;
  const hi = range.max ? rowIndex(step, range.max) : last;
  if (lo === hi) return { ...step.rows[lo]!, versionKnown: true };
  return { ...step.unknown, versionKnown: false };
}

/** `≥8.1`, `6.5–7.x`, `≤6.4`, or null when nothing is known: for replies and `explain`. */
export function describeRange(range: VersionRange): string | null {
  const short = (v: string) => v.replace(/^2026\./, '').replace(/\.99$/, '.x');
  if (range.min && range.max) return range.min === range.max ? range.min : `${short(range.min)}–${short(range.max)}`;
  if (range.min) return `≥${short(range.min)}`;
  if (range.max) return `≤${short(range.max)}`;
  return null;
}

/**
 * The per-version steps of a branch as text lines (`≤7.1: …`, `≥7.2: …`, `unknown: …`), for
 * `pincer explain`; [] when the branch's step is the same on every version.
 */
export function versionedStepLines(branch: string): string[] {
  const short = (v: string) => v.replace(/^2026\./, '');
  const next = (v: string) => {
    const p = versionParts(v)!;
    return `${p[1]}.${p[2] + 1}`;
  };
  return Object.entries(VERSIONED_STEPS as Record<string, VersionedStep>)
    .filter(([id]) => id === branch || id.startsWith(`${branch}.`))
    .flatMap(([id, step]) => [
      ...(id === branch ? [] : [`${id.slice(branch.length + 1)}:`]),
      ...step.rows.map((r, i) => {
        const from = i === 0 ? null : step.rows[i - 1]!.upTo!;
        const range = r.upTo ? (from ? `${next(from)}–${short(r.upTo)}` : `≤${short(r.upTo)}`) : `≥${next(from!)}`;
        return `  ${range}: ${r.command}`;
      }),
      `  unknown: ${step.unknown.command}`,
    ]);
}
