/**
 * Family A (the auth store's file): an auth-profiles.json written or edited by hand, in a shape
 * the loader does not read (branches.md §A auth_store_malformed, §3.1 of the reference).
 */
import { errorProvider, errorsWith, statements } from '../signals.ts';
import type { Rule } from '../types.ts';
import { compareVersions } from '../versions.ts';
import type { EvidenceView } from '../view.ts';

/**
 * `No API key found` read from a JSON store (`Auth store: …auth-profiles.json`, or a version ≤6.4)
 * while the user says that file holds the key or token (catalog v2 auth_store_malformed). From 6.5
 * the runtime reads SQLite only: a hand-edited JSON file there is auth_store_migration. The rule's
 * last two signals say the same as data; this picks the step (a token or an API key).
 */
function heldInJsonStore(view: EvidenceView) {
  const holds = statements(view, 'store_holds_key').at(-1);
  if (!holds) return undefined;
  const jsonEra = view.versionRange.max !== undefined && compareVersions(view.versionRange.max, '2026.6.4') <= 0;
  const err = errorsWith(view, 'no_api_key').filter((e) => e.storePath?.endsWith('auth-profiles.json') || (jsonEra && !e.storePath)).at(-1);
  if (!err || (view.versionRange.min && compareVersions(view.versionRange.min, '2026.6.5') >= 0)) return undefined;
  return { err, holds };
}

/** `No API key found` although the user says the JSON file holds the key (`{with}`: their words). */
const HELD_IN_JSON = {
  error: ['no_api_key'],
  reason: '`{quote}` although `{with}`: the file is there, but not in a shape the loader reads.',
  specificity: 1,
} as const;

export const authStoreMalformed: Rule = {
  id: 'auth_store_malformed',
  family: 'api-key',
  title: "auth-profiles.json is not in the store's format",
  priority: 28,
  beats: ['no_credentials'],
  then: '`openclaw models status` shows the profile',
  docs: 'https://docs.openclaw.ai/gateway/authentication',
  commands: [],
  signals: [
    {
      fact: 'store_shape_problem',
      where: { problem: 'nested_by_provider' },
      reason: 'The file is nested by provider (`{"anthropic": {…}}`); the store keeps `profiles` by profile id.',
      text: 'a pasted auth-profiles.json nested by provider (`{"anthropic": {…}}`), not `profiles` by profile id (§3.1)',
    },
    {
      fact: 'store_shape_problem',
      where: { problem: 'foreign_field' },
      reason: '`{profileId}` uses `{field}`, which is not a field of the store (`type` + `key`/`token`/`access`).',
      text: 'a profile with `mode` instead of `type`, `apiKey` / `accessToken` instead of `key` / `access`, or an unknown `type`',
    },
    {
      fact: 'store_shape_problem',
      where: { problem: 'loader_problem' },
      reason: 'auth-profiles.json: `{detail}`',
      text: 'a store-shaped file with a problem the loader trips on (a fragment of `profiles` entries is not malformed; nor is a missing `provider` when the provider answered 401)',
    },
    // "I wrote auth-profiles.json by hand": the loader keeps only what OpenClaw itself writes.
    {
      statement: ['store_hand_edited'],
      reason: '`{quote}`: a store written or edited by hand is read only when it has the exact shape OpenClaw writes.',
      text: 'the user says they wrote or edited auth-profiles.json by hand',
    },
    // `No API key found` although the user says the file holds it, on a version that reads the JSON file (≤6.4; from 6.5 that is auth_store_migration).
    {
      ...HELD_IN_JSON,
      where: { storePath: { re: 'auth-profiles\\.json$' } },
      versions: '≤2026.6.4',
      with: { statement: ['store_holds_key'] },
      text: '`No API key found` read from an `Auth store` ending in `auth-profiles.json` while the user says that file holds the key or token',
    },
    {
      ...HELD_IN_JSON,
      where: { storePath: { any: [null] } },
      with: [{ statement: ['store_holds_key'] }, { fact: 'thread_version', where: { max: { atMost: '2026.6.4' } }, cite: false }],
      text: '`No API key found` naming no store, on a version known to be ≤6.4 (one that reads the JSON file), while the user says the file holds the key or token',
    },
  ],
  steps: [
    {
      versions: 'any',
      command: 'openclaw onboard',
      why: "Let OpenClaw write the store: choose your provider's API key in the wizard instead of editing the file by hand.",
      then: 'Then `openclaw models status` shows the profile.',
    },
    {
      case: 'token',
      versions: 'any',
      command: 'openclaw models auth paste-token --provider <provider>',
      why: 'Let OpenClaw write the token profile instead of editing the file by hand.',
      then: 'Then `openclaw models status` shows the profile.',
    },
  ],
  stepCase: (ctx) => (malformedToken(ctx.view) !== undefined ? 'token' : undefined),
  values: (ctx) => ({ '<provider>': malformedToken(ctx.view) }),
};

/**
 * The provider of the token the malformed store was meant to hold: a token profile in the pasted
 * file, a Claude subscription said with no file pasted, or "the file holds valid tokens"
 * (undefined = an API key: the wizard writes it).
 */
function malformedToken(view: EvidenceView): string | undefined {
  const json = view.all('auth_profiles_json').at(-1);
  const token = json?.profiles.find((p) => p.type === 'token' || p.valueField === 'token');
  if (token) return token.provider ?? token.profileId.split(':')[0];
  if (json) return undefined;
  const said = heldInJsonStore(view);
  if (said?.holds.value === 'token' || statements(view, 'subscription').length > 0) return (said && errorProvider(said.err)) ?? 'anthropic';
  return undefined;
}
