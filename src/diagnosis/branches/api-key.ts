/**
 * Family A (first part): the Anthropic API key itself (branches.md §A: api_key_invalid,
 * api_key_altered, oauth_token_in_api_key_profile). Which auth profile carries it is in
 * ./api-key-profiles.ts; the store, env and host rules of family A in ./api-key-setup.ts.
 */
import { explicitOrder, lastSeq, userOs, xApiKeyRejections } from '../signals.ts';
import type { Rule } from '../types.ts';
import { IMPOSSIBLE_HEAD, NOT_SEEN_YET, NOT_SEEN_YET_TEXT, ONBOARD_WITH_ENV_KEY, PRESENT, READ_KEY, WELL_FORMED_KEY } from './shared.ts';

const DOCS_ANTHROPIC = 'https://docs.openclaw.ai/providers/anthropic';
const SUBSCRIPTION_AS_KEY = '`{label}` is a subscription token (`sk-ant-o…`) stored where an API key belongs.';

export const apiKeyInvalid: Rule = {
  id: 'api_key_invalid',
  family: 'api-key',
  title: 'Anthropic rejects the API key itself',
  priority: 10,
  then: '`openclaw models status`: the masked suffix must change; then `openclaw gateway restart`',
  docs: DOCS_ANTHROPIC,
  commands: [],
  // What OpenClaw sends when Anthropic answers `invalid x-api-key` decides (§1.3): without `models status` only a candidate.
  signals: [
    {
      fact: 'rejected_credential',
      where: { type: 'api_key', head: { re: WELL_FORMED_KEY }, pinned: PRESENT },
      specificity: 1,
      reason: 'You pinned `{pinned}` after the last `{refusal}`; that profile holds a well-formed key (`{label}`), so only a fresh run can tell whether Anthropic accepts it.',
      text: 'an explicit order pinned after the last `invalid x-api-key`, and the pinned profile holds a well-formed `sk-ant-a…` key',
    },
    {
      fact: 'rejected_credential',
      where: { type: 'api_key', head: { re: WELL_FORMED_KEY } },
      reason: 'Anthropic answers `{refusal}` while OpenClaw sends `{label}`, a well-formed API key: the key itself is not valid (revoked, or copied wrong).',
      text: '`401 … invalid x-api-key` (any wrapper) while OpenClaw sends an api_key profile or env key masked `sk-ant-a…`',
    },
    {
      fact: 'sent_credential',
      where: { via: 'none' },
      verdict: 'ruled_out',
      reason: '`models status` shows no Anthropic credential that resolves',
      text: 'the refusal, but `models status` shows no Anthropic credential that resolves',
    },
    {
      fact: 'sent_credential',
      where: { type: { any: ['token', 'oauth'] } },
      verdict: 'ruled_out',
      reason: 'the credential in use, `{label}`, is not a well-formed API key',
      text: 'the credential sent is a token or OAuth profile',
    },
    {
      fact: 'sent_credential',
      where: { head: PRESENT },
      verdict: 'ruled_out',
      reason: 'the credential in use, `{label}`, is not a well-formed API key',
      text: 'the credential sent is masked with another head',
    },
    { fact: 'x_api_key_rejection', verdict: 'possible', reason: NOT_SEEN_YET, text: NOT_SEEN_YET_TEXT },
  ],
  steps: [
    {
      versions: 'any',
      command: 'openclaw onboard',
      why: 'Create a NEW key in the Anthropic Console (Settings → API Keys, copy it with the copy button), then choose **Anthropic API key** and paste it unchanged.',
      then: 'Run `openclaw models status` (the masked suffix must change), then `openclaw gateway restart`.',
    },
    {
      case: 'pinned_since',
      versions: 'any',
      command: '/reset',
      runIn: 'tui',
      headline: 'Pinned: now retry in a fresh session',
      why: 'Start a fresh session in the TUI (`openclaw tui` if it is closed) and send a test message.',
      then: 'If the same `invalid x-api-key` comes back, the key itself is invalid: create a new one in the Anthropic Console and run `openclaw onboard`. Paste what you get here.',
    },
  ],
  // The order was pinned after the last 401: that error may predate the fix, so retry first.
  stepCase(ctx) {
    const order = explicitOrder(ctx.view, 'anthropic');
    const errAt = lastSeq(ctx.view, (f) => f === xApiKeyRejections(ctx.view).at(-1));
    return order?.order?.length && lastSeq(ctx.view, (f) => f === order.fact) > errAt ? 'pinned_since' : undefined;
  },
};

export const apiKeyAltered: Rule = {
  id: 'api_key_altered',
  family: 'api-key',
  title: 'The stored API key was edited or pasted with extra text',
  priority: 20,
  beats: ['api_key_invalid'],
  then: '`openclaw onboard --non-interactive --accept-risk --anthropic-api-key "$ANTHROPIC_API_KEY"`, then `openclaw models status`',
  docs: DOCS_ANTHROPIC,
  commands: [],
  signals: [
    {
      fact: 'status_credential',
      where: { provider: 'anthropic', head: { re: IMPOSSIBLE_HEAD } },
      reason: '`{label}`: no key begins with `{head}`, so the stored key holds extra text (a label pasted with it, or an edit).',
      text: 'a mask with an impossible head or whitespace (`API sk-a..._HeoVAAA`, §1.3)',
    },
    {
      // "I deleted some spaces" stops counting once the key was entered again or a clean mask shows.
      fact: 'key_edit_said',
      specificity: 1,
      reason: 'You said `{quote}`: a key with any character changed is a different key.',
      text: 'the user says they edited, shortened, trimmed or retyped the key ("deleted some spaces")',
    },
    { fact: 'x_api_key_rejection', where: { statusShown: false }, verdict: 'possible', reason: NOT_SEEN_YET, text: NOT_SEEN_YET_TEXT },
  ],
  steps: [
    {
      versions: 'any',
      command: READ_KEY,
      why: 'Run this in a terminal and paste the key from the Anthropic Console (copy button) when it waits: nothing is shown and nothing gets trimmed or wrapped.',
      then: `In the same terminal: \`${ONBOARD_WITH_ENV_KEY}\`, then \`openclaw models status\`.`,
    },
    {
      case: 'macos',
      versions: 'any',
      command: 'export ANTHROPIC_API_KEY="$(pbpaste | tr -d \'\\r\\n\')"',
      why: 'Copy the key with the copy button in the Anthropic Console (create a new one if unsure), then run this in Terminal: it takes the clipboard without any edit.',
      then: `In the same terminal: \`${ONBOARD_WITH_ENV_KEY}\`, then \`openclaw models status\`.`,
    },
  ],
  // On a Mac the clipboard goes in untouched with pbpaste; elsewhere a silent read.
  stepCase: (ctx) => (userOs(ctx.view) === 'macos' ? 'macos' : undefined),
};

export const oauthTokenInApiKeyProfile: Rule = {
  id: 'oauth_token_in_api_key_profile',
  family: 'api-key',
  title: 'A Claude subscription token is stored as an API key',
  priority: 30,
  beats: ['profile_order_conflict', 'api_key_invalid'],
  then: '`openclaw models auth order set --provider anthropic anthropic:manual`',
  docs: DOCS_ANTHROPIC,
  commands: [],
  signals: [
    {
      fact: 'status_credential',
      where: { provider: 'anthropic', type: 'api_key', head: { re: '^sk-ant-o' } },
      reason: SUBSCRIPTION_AS_KEY,
      text: 'an api_key profile whose mask starts `sk-ant-o`',
    },
    {
      fact: 'status_credential',
      where: { provider: 'anthropic', env: 'ANTHROPIC_API_KEY', head: { re: '^sk-ant-o' } },
      reason: SUBSCRIPTION_AS_KEY,
      text: 'env `ANTHROPIC_API_KEY` whose mask starts `sk-ant-o`',
    },
    {
      fact: 'auth_profiles_json',
      each: 'profiles',
      where: { type: 'api_key', valueHead: { re: '^sk-ant-oat' } },
      reason: '`{profileId}` has `"type": "api_key"` but holds an `sk-ant-oat` token.',
      text: 'a pasted auth-profiles.json with `"type": "api_key"` holding an `sk-ant-oat…` value',
    },
    {
      statement: ['key_prefix'],
      latest: true,
      where: { value: { re: '^sk-ant-oat' } },
      with: { fact: 'x_api_key_rejection' },
      reason: 'You said the key starts with `{value}`: that is a subscription token, not an API key.',
      text: 'the user says the key starts with `sk-ant-oat`, and Anthropic refused it as an API key',
    },
    { statement: ['key_prefix'], latest: true, where: { value: PRESENT }, verdict: 'ruled_out', reason: 'the key starts with `{value}`', text: 'the user says the key starts with something else' },
    { fact: 'x_api_key_rejection', where: { statusShown: false }, verdict: 'possible', reason: NOT_SEEN_YET, text: NOT_SEEN_YET_TEXT },
  ],
  steps: [
    {
      versions: 'any',
      command: 'openclaw models auth paste-token --provider anthropic',
      why: 'Store the `sk-ant-oat…` token (from `claude setup-token`) as a token profile. If you want API billing instead, create a Console API key and run `openclaw onboard`.',
      then: 'Then `openclaw models auth order set --provider anthropic anthropic:manual` and retry.',
    },
  ],
};
