/**
 * Family A (first part): the Anthropic API key itself (branches.md §A: api_key_invalid,
 * api_key_altered, oauth_token_in_api_key_profile). Which auth profile carries it is in
 * ./api-key-profiles.ts; the store, env and host rules of family A in ./api-key-setup.ts.
 */
import { msg, q } from '../reason.ts';
import {
  because,
  effectiveCredential,
  errorQuote,
  explicitOrder,
  impossibleHead,
  lastSeq,
  maskHead,
  providerLine,
  statements,
  userOs,
  xApiKeyRejections,
} from '../signals.ts';
import type { Rule } from '../types.ts';
import { confirmed, possible, ruledOut } from '../verdict.ts';
import { credentialLabel, keyLabels, notSeenYet, ONBOARD_WITH_ENV_KEY, READ_KEY } from './shared.ts';

const DOCS_ANTHROPIC = 'https://docs.openclaw.ai/providers/anthropic';

export const apiKeyInvalid: Rule = {
  id: 'api_key_invalid',
  family: 'api-key',
  title: 'Anthropic rejects the API key itself',
  priority: 10,
  whenSignals: [
    '`401 … invalid x-api-key` (any wrapper) AND the credential OpenClaw sends is an api_key profile or env key masked `sk-ant-a…` (§1.3)',
    'without `models status` evidence only a candidate: ask for it',
  ],
  then: '`openclaw models status`: the masked suffix must change; then `openclaw gateway restart`',
  docs: DOCS_ANTHROPIC,
  commands: [],
  when(view) {
    const err = xApiKeyRejections(view).at(-1);
    if (!err) return null;
    const pl = providerLine(view, 'anthropic');
    if (!pl) return possible(notSeenYet(err));
    const eff = effectiveCredential(view, pl.line);
    if (!eff) return ruledOut(because('`models status` shows no Anthropic credential that resolves', pl.status));
    const type = eff.source === 'profile' ? eff.profile.type : 'api_key';
    let cred = eff.source === 'profile' ? eff.profile.credential : eff.credential;
    if (cred.form === 'ref' && pl.line.env) cred = pl.line.env.credential;
    const head = maskHead(cred);
    if (type === 'api_key' && head?.startsWith('sk-ant-a') && !impossibleHead(head)) {
      const order = explicitOrder(view, 'anthropic');
      if (order?.order?.length && lastSeq(view, (f) => f === order.fact) > lastSeq(view, (f) => f === err)) {
        return confirmed(
          1,
          because(
            msg`You pinned ${q(order.order.join(', '))} after the last ${q(errorQuote(err))}; that profile holds a well-formed key (${q(credentialLabel(eff))}), so only a fresh run can tell whether Anthropic accepts it.`,
            order.fact,
            pl.status,
          ),
        );
      }
      return confirmed(
        2,
        because(
          msg`Anthropic answers ${q(errorQuote(err))} while OpenClaw sends ${q(credentialLabel(eff))}, a well-formed API key: the key itself is not valid (revoked, or copied wrong).`,
          err,
          pl.status,
        ),
      );
    }
    if (type === 'token' || type === 'oauth' || head !== undefined) {
      return ruledOut(because(msg`the credential in use, ${q(credentialLabel(eff))}, is not a well-formed API key`, pl.status));
    }
    return possible(notSeenYet(err));
  },
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
  whenSignals: [
    'the user says they edited, shortened, trimmed or retyped the key ("deleted some spaces")',
    'a mask with an impossible head or whitespace (`API sk-a..._HeoVAAA`, §1.3)',
  ],
  then: '`openclaw onboard --non-interactive --accept-risk --anthropic-api-key "$ANTHROPIC_API_KEY"`, then `openclaw models status`',
  docs: DOCS_ANTHROPIC,
  commands: [],
  when(view) {
    for (const { status, label, credential } of keyLabels(view)) {
      const head = maskHead(credential);
      if (head && impossibleHead(head)) {
        return confirmed(
          2,
          because(
            msg`${q(label)}: no key begins with ${q(head)}, so the stored key holds extra text (a label pasted with it, or an edit).`,
            status,
          ),
        );
      }
    }
    // "I deleted some spaces" stops counting once the key was entered again or a clean mask shows.
    const said = statements(view, 'edited_key').at(-1);
    const saidAt = lastSeq(view, (f) => f === said);
    const redone = lastSeq(view, (f) => (f.kind === 'statement' && f.topic === 'reonboarded') || f.kind === 'models_status');
    if (said && saidAt >= redone) return confirmed(1, because(msg`You said ${q(said.quote)}: a key with any character changed is a different key.`, said));
    const err = xApiKeyRejections(view).at(-1);
    return err && !providerLine(view, 'anthropic') ? possible(notSeenYet(err)) : null;
  },
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
  whenSignals: [
    'an api_key profile (or env `ANTHROPIC_API_KEY`) whose mask starts `sk-ant-o`',
    'the user says the key starts with `sk-ant-oat`',
  ],
  then: '`openclaw models auth order set --provider anthropic anthropic:manual`',
  docs: DOCS_ANTHROPIC,
  commands: [],
  when(view) {
    for (const { status, label, credential, type, env } of keyLabels(view)) {
      if ((type === 'api_key' || env === 'ANTHROPIC_API_KEY') && maskHead(credential)?.startsWith('sk-ant-o')) {
        return confirmed(2, because(msg`${q(label)} is a subscription token (\`sk-ant-o…\`) stored where an API key belongs.`, status));
      }
    }
    for (const json of view.all('auth_profiles_json')) {
      const p = json.profiles.find((x) => x.type === 'api_key' && x.valueHead?.startsWith('sk-ant-oat'));
      if (p) return confirmed(2, because(msg`${q(p.profileId)} has \`"type": "api_key"\` but holds an \`sk-ant-oat\` token.`, json));
    }
    const prefix = statements(view, 'key_prefix').at(-1);
    const err = xApiKeyRejections(view).at(-1);
    if (prefix?.value?.startsWith('sk-ant-oat') && err) {
      return confirmed(1, because(msg`You said the key starts with ${q(prefix.value)}: that is a subscription token, not an API key.`, prefix, err));
    }
    if (prefix?.value) return ruledOut(because(msg`the key starts with ${q(prefix.value)}`, prefix));
    if (err && !providerLine(view, 'anthropic')) return possible(notSeenYet(err));
    return null;
  },
  steps: [
    {
      versions: 'any',
      command: 'openclaw models auth paste-token --provider anthropic',
      why: 'Store the `sk-ant-oat…` token (from `claude setup-token`) as a token profile. If you want API billing instead, create a Console API key and run `openclaw onboard`.',
      then: 'Then `openclaw models auth order set --provider anthropic anthropic:manual` and retry.',
    },
  ],
};
