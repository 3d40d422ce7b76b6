/**
 * A pasted `auth-profiles.json` or part of it (§3.1, OpenClaw 2026.3.13), with its shape checked:
 * the whole store `{version, profiles, order?}`, a fragment of `profiles` entries
 * (`{"anthropic:default": {...}}`, seed 000), or the hand-written wrong shapes (nested by provider
 * `{"anthropic": {"apiKey": …}}`, `mode`/`apiKey` where `type`/`key` belong, oauth with
 * `accessToken`). Values are already masked by ingest; only the credential head is kept.
 */
import { credentialHead } from './credential.ts';
import { spanOf, type Parser } from './context.ts';
import type { Fact, FactOf } from './facts.ts';
import { findJsonBlocks } from './json-blocks.ts';

type AuthProfilesJson = FactOf<'auth_profiles_json'>;
type Profile = AuthProfilesJson['profiles'][number];

const VALUE_FIELDS = ['key', 'token', 'access', 'apiKey', 'accessToken', 'api_key', 'keyRef', 'tokenRef', 'value'];
const TYPES = new Set(['api_key', 'token', 'oauth']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function readProfile(profileId: string, entry: Record<string, unknown>, problems: string[], inStore: boolean): Profile {
  const p: Profile = { profileId };
  if (typeof entry.provider === 'string') p.provider = entry.provider;
  else if (inStore) problems.push(`missing_provider:${profileId}`);
  if (typeof entry.type === 'string') {
    p.type = entry.type;
    p.typeField = 'type';
  } else if (typeof entry.mode === 'string') {
    p.type = entry.mode;
    p.typeField = 'mode';
    problems.push(`mode_instead_of_type:${profileId}`);
  }
  if (p.type !== undefined && !TYPES.has(p.type)) problems.push(`unknown_type:${profileId}`);
  const field = VALUE_FIELDS.find((f) => entry[f] !== undefined);
  if (field) {
    p.valueField = field;
    const value = entry[field];
    if (typeof value === 'string') {
      const head = credentialHead(value);
      if (head) p.valueHead = head;
    } else if (isObject(value) && typeof value.source === 'string') p.valueHead = `ref:${value.source}`;
    if (field === 'apiKey' || field === 'api_key') problems.push(`${field}_instead_of_key:${profileId}`);
    if (field === 'accessToken') problems.push(`accessToken_instead_of_access:${profileId}`);
  }
  if (p.type === 'token' && p.valueHead === 'sk-ant-api') problems.push(`api_key_in_token_profile:${profileId}`);
  if (p.type === 'api_key' && p.valueHead === 'sk-ant-oat') problems.push(`oauth_token_in_api_key_profile:${profileId}`);
  return p;
}

const looksLikeProfile = (v: unknown): v is Record<string, unknown> =>
  isObject(v) && ['type', 'mode', ...VALUE_FIELDS].some((k) => v[k] !== undefined);

/** Config-side `auth.profiles` (metadata `{provider, mode}`, no secrets) is not the store. */
const isConfigMetadata = (profiles: Record<string, unknown>): boolean =>
  Object.values(profiles).every((v) => isObject(v) && v.mode !== undefined && !VALUE_FIELDS.some((f) => v[f] !== undefined));

function read(value: Record<string, unknown>): Omit<AuthProfilesJson, 'kind' | 'source' | 'confidence'> | null {
  const problems: string[] = [];
  if (value.error !== undefined || (typeof value.type === 'string' && /error$/.test(value.type))) return null;
  if (isObject(value.profiles) && isConfigMetadata(value.profiles)) return null;
  if (isObject(value.profiles) && (value.version !== undefined || Object.values(value.profiles).some(looksLikeProfile))) {
    if (isObject(value.auth)) return null;
    const profiles = Object.entries(value.profiles).filter(([, v]) => isObject(v)).map(([id, v]) => readProfile(id, v as Record<string, unknown>, problems, true));
    const out: Omit<AuthProfilesJson, 'kind' | 'source' | 'confidence'> = { shape: 'store', profiles, problems };
    if (isObject(value.order)) {
      const order: Record<string, string[]> = {};
      for (const [p, ids] of Object.entries(value.order)) if (Array.isArray(ids)) order[p] = ids.filter((x): x is string => typeof x === 'string');
      out.order = order;
    }
    return out;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return null;
  if (entries.every(([id, v]) => id.includes(':') && looksLikeProfile(v))) {
    return { shape: 'profiles_fragment', profiles: entries.map(([id, v]) => readProfile(id, v as Record<string, unknown>, problems, false)), problems };
  }
  if (entries.every(([id, v]) => /^[\w.-]{1,64}$/.test(id) && looksLikeProfile(v))) {
    problems.push('nested_by_provider');
    const profiles = entries.map(([id, v]) => {
      const p = readProfile(id, v as Record<string, unknown>, problems, false);
      p.provider = p.provider ?? id;
      return p;
    });
    return { shape: 'nested_by_provider', profiles, problems };
  }
  return null;
}

/** Reads pasted auth-profiles.json stores and fragments. */
export const parseAuthProfilesJson: Parser = (lines, ctx) => {
  const facts: Fact[] = [];
  for (const block of findJsonBlocks(lines)) {
    if (!isObject(block.value)) continue;
    const parsed = read(block.value);
    if (!parsed) continue;
    const fact: AuthProfilesJson = { kind: 'auth_profiles_json', source: spanOf(ctx, lines[block.first]!, lines[block.last]!), confidence: 1, ...parsed };
    facts.push(fact);
  }
  return facts;
};
