/**
 * Family A (the auth store's file): an auth-profiles.json written or edited by hand, in a shape
 * the loader does not read (branches.md §A auth_store_malformed, §3.1 of the reference).
 */
import { msg, q } from '../reason.ts';
import { because, errorProvider, errorQuote, errorsWith, statements } from '../signals.ts';
import type { Rule } from '../types.ts';
import { compareVersions } from '../versions.ts';
import type { EvidenceView } from '../view.ts';
import { confirmed } from '../verdict.ts';

/**
 * `No API key found` read from a JSON store (`Auth store: …auth-profiles.json`, or a version ≤6.4)
 * while the user says that file holds the key or token (catalog v2 auth_store_malformed). From 6.5
 * the runtime reads SQLite only: a hand-edited JSON file there is auth_store_migration.
 */
function heldInJsonStore(view: EvidenceView) {
  const holds = statements(view, 'store_holds_key').at(-1);
  if (!holds) return undefined;
  const jsonEra = view.versionRange.max !== undefined && compareVersions(view.versionRange.max, '2026.6.4') <= 0;
  const err = errorsWith(view, 'no_api_key').filter((e) => e.storePath?.endsWith('auth-profiles.json') || (jsonEra && !e.storePath)).at(-1);
  if (!err || (view.versionRange.min && compareVersions(view.versionRange.min, '2026.6.5') >= 0)) return undefined;
  return { err, holds };
}

export const authStoreMalformed: Rule = {
  id: 'auth_store_malformed',
  family: 'api-key',
  title: "auth-profiles.json is not in the store's format",
  priority: 28,
  beats: ['no_credentials'],
  whenSignals: [
    'a pasted auth-profiles.json whose fields are not the store\'s (§3.1): nested by provider, `mode`/`apiKey` instead of `type`/`key`, `type: "oauth"` with `accessToken`',
    'a fragment of `profiles` entries is not by itself malformed',
  ],
  then: '`openclaw models status` shows the profile',
  docs: 'https://docs.openclaw.ai/gateway/authentication',
  commands: [],
  // Still code (issue 13, not converted yet): a loop over pasted files whose quoted field depends on which of four shape tests failed; needs a derived `store_shape_problem` fact.
  when(view) {
    for (const json of view.all('auth_profiles_json')) {
      if (json.shape === 'nested_by_provider') return confirmed(2, because('The file is nested by provider (`{"anthropic": {…}}`); the store keeps `profiles` by profile id.', json));
      const bad = json.profiles.find(
        (p) =>
          p.typeField === 'mode' ||
          p.valueField === 'apiKey' ||
          p.valueField === 'accessToken' ||
          (p.type !== undefined && !['api_key', 'token', 'oauth'].includes(p.type)),
      );
      if (bad) {
        const field = bad.typeField === 'mode' ? '"mode"' : `"${bad.valueField ?? bad.type}"`;
        return confirmed(2, because(msg`${q(bad.profileId)} uses ${q(field)}, which is not a field of the store (\`type\` + \`key\`/\`token\`/\`access\`).`, json));
      }
      // Only `provider` missing while the provider answered 401: the store was read (a trimmed paste).
      const readAnyway = json.problems.every((p) => p.startsWith('missing_provider')) && view.all('provider_error').some((e) => e.httpStatus === 401);
      if (json.shape === 'store' && json.problems.length > 0 && !readAnyway) return confirmed(2, because(msg`auth-profiles.json: ${q(json.problems[0]!)}`, json));
    }
    // "I wrote auth-profiles.json by hand": the loader keeps only what OpenClaw itself writes.
    const edited = statements(view, 'store_hand_edited').at(-1);
    if (edited) return confirmed(1, because(msg`${q(edited.quote)}: a store written or edited by hand is read only when it has the exact shape OpenClaw writes.`, edited));
    // `No API key found` although the user says the file holds it, on a version that reads the JSON file (≤6.4).
    const said = heldInJsonStore(view);
    return said ? confirmed(1, because(msg`${q(errorQuote(said.err))} although ${q(said.holds.quote)}: the file is there, but not in a shape the loader reads.`, said.err, said.holds)) : null;
  },
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
