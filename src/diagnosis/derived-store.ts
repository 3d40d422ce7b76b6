/**
 * Derived facts about the auth store (registered in ./derived.ts): whether the loader can read a
 * pasted auth-profiles.json as written (reference §3.1), and whether `models status` or
 * `models auth list` shows an empty store (§10.1, §10.5). Pure readers over the view.
 */
import type { Fact } from '../evidence/facts.ts';
import type { DerivedItem } from './derived.ts';
import type { EvidenceView } from './view.ts';

type Reader = (view: EvidenceView) => DerivedItem[];

/** The `type` values the store reads. */
const STORE_TYPES = new Set(['api_key', 'token', 'oauth']);

const item = (fields: Record<string, unknown>, fact: Fact): DerivedItem => ({ fields, facts: [fact] });

/**
 * `store_shape_problem`: the first pasted auth-profiles.json (thread order) the loader cannot read
 * as written, and the first thing it trips on. Fields: `problem`:
 * - `nested_by_provider`: `{"anthropic": {…}}` instead of `profiles` keyed by profile id;
 * - `foreign_field`: a profile uses a field the store does not read — `profileId`, and `field`
 *   as quoted (`"mode"` for `type`, `"apiKey"` / `"accessToken"` for the secret, or an unknown
 *   `type` value);
 * - `loader_problem`: a store-shaped file with a parser problem, `detail` the first one (not when
 *   the only problems are missing `provider` fields and a provider answered HTTP 401: then the
 *   store was read, and the paste was trimmed).
 * At most one item, resting on that file.
 */
const storeShapeProblem: Reader = (view) => {
  const answered401 = view.all('provider_error').some((e) => e.httpStatus === 401);
  for (const json of view.all('auth_profiles_json')) {
    if (json.shape === 'nested_by_provider') return [item({ problem: 'nested_by_provider' }, json)];
    const bad = json.profiles.find(
      (p) => p.typeField === 'mode' || p.valueField === 'apiKey' || p.valueField === 'accessToken' || (p.type !== undefined && !STORE_TYPES.has(p.type)),
    );
    if (bad) return [item({ problem: 'foreign_field', profileId: bad.profileId, field: bad.typeField === 'mode' ? '"mode"' : `"${bad.valueField ?? bad.type}"` }, json)];
    const readAnyway = answered401 && json.problems.every((p) => p.startsWith('missing_provider'));
    if (json.shape === 'store' && json.problems.length > 0 && !readAnyway) return [item({ problem: 'loader_problem', detail: json.problems[0] }, json)];
  }
  return [];
};

/** The 2026.6.5–7.x per-agent SQLite store, as `models status` names it (≥8.1 prints `state/openclaw.sqlite`). */
const AGENT_SQLITE = /openclaw-agent\.sqlite$/;

/**
 * `agent_store_empty`: the newest `models status` reads the 6.5–7.x per-agent SQLite store
 * (`Auth store : …/openclaw-agent.sqlite`) and shows no stored profile, with a `Missing auth`
 * provider or no provider line at all — what a store left behind by the JSON import looks like
 * (reference §10.1). Fields: `authStore`, `provider` (the first `Missing auth` one, if any).
 */
const agentStoreEmpty: Reader = (view) => {
  const status = view.latest('models_status');
  if (!status?.authStore || !AGENT_SQLITE.test(status.authStore)) return [];
  if (status.providers.some((p) => p.profiles.length > 0)) return [];
  if (status.missingAuth.length === 0 && status.providers.length > 0) return [];
  return [item({ authStore: status.authStore, provider: status.missingAuth[0]?.provider }, status)];
};

/** `auth_list_empty`: the newest `models auth list` printed `Profiles: (none)`. Fields: `agentId`, `storePath` (when printed). */
const authListEmpty: Reader = (view) => {
  const list = view.latest('auth_list');
  return list && list.profiles.length === 0 ? [item({ agentId: list.agentId, storePath: list.storePath }, list)] : [];
};

/** The auth-store file's derived fact kinds, by name (spread into ./derived.ts `DERIVED`). */
export const STORE_READERS: Record<string, Reader> = {
  store_shape_problem: storeShapeProblem,
  agent_store_empty: agentStoreEmpty,
  auth_list_empty: authListEmpty,
};
