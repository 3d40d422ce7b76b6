/**
 * Family A (first half): the Anthropic API key itself and the auth profiles holding it
 * (branches.md §A: api_key_invalid … profile_shadows_env, key_provider_mismatch).
 * The store, env and host rules of family A are in ./api-key-setup.ts.
 */
import { code } from '../../reply/markdown.ts';
import { commandStep } from '../commands.ts';
import {
  because,
  effectiveCredential,
  errorQuote,
  explicitOrder,
  foreignHead,
  impossibleHead,
  lastSeq,
  maskHead,
  profileInUse,
  providerLine,
  statements,
  userOs,
  xApiKeyRejections,
} from '../signals.ts';
import type { Rule } from '../types.ts';
import { confirmed, possible, ruledOut } from '../verdict.ts';
import { credentialLabel, failureSeen, fixedProfile, keyLabels, notSeenYet, ONBOARD_WITH_ENV_KEY, READ_KEY } from './shared.ts';

const DOCS_ANTHROPIC = 'https://docs.openclaw.ai/providers/anthropic';
const DOCS_AUTH = 'https://docs.openclaw.ai/gateway/authentication';

export const apiKeyInvalid: Rule = {
  id: 'api_key_invalid',
  family: 'api-key',
  title: 'Anthropic rejects the API key itself',
  priority: 10,
  signals: [
    '`401 … invalid x-api-key` (any wrapper) AND the credential OpenClaw sends is an api_key profile or env key masked `sk-ant-a…` (§1.3)',
    'without `models status` evidence only a candidate: ask for it',
  ],
  then: '`openclaw models status`: the masked suffix must change; then `openclaw gateway restart`',
  docs: DOCS_ANTHROPIC,
  commands: [
    { kind: 'openclaw', template: 'openclaw onboard' },
    { kind: 'tui', template: '/reset' },
  ],
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
            `You pinned ${code(order.order.join(', '))} after the last ${code(errorQuote(err))}; that profile holds a well-formed key (${code(credentialLabel(eff))}), so only a fresh run can tell whether Anthropic accepts it.`,
            order.fact,
            pl.status,
          ),
        );
      }
      return confirmed(
        2,
        because(
          `Anthropic answers ${code(errorQuote(err))} while OpenClaw sends ${code(credentialLabel(eff))}, a well-formed API key: the key itself is not valid (revoked, or copied wrong).`,
          err,
          pl.status,
        ),
      );
    }
    if (type === 'token' || type === 'oauth' || head !== undefined) {
      return ruledOut(because(`the credential in use, ${code(credentialLabel(eff))}, is not a well-formed API key`, pl.status));
    }
    return possible(notSeenYet(err));
  },
  next(ctx) {
    // The order was pinned after the last 401: that error may predate the fix, so retry first.
    const order = explicitOrder(ctx.view, 'anthropic');
    const errAt = lastSeq(ctx.view, (f) => f === xApiKeyRejections(ctx.view).at(-1));
    if (order?.order?.length && lastSeq(ctx.view, (f) => f === order.fact) > errAt) {
      const step = commandStep('/reset', 'tui', {}, {
        runIn: 'tui',
        why: 'Start a fresh session in the TUI (`openclaw tui` if it is closed) and send a test message.',
        then: 'If the same `invalid x-api-key` comes back, the key itself is invalid: create a new one in the Anthropic Console and run `openclaw onboard`. Paste what you get here.',
      });
      return step.kind === 'command' ? { ...step, headline: 'Pinned: now retry in a fresh session' } : step;
    }
    return commandStep('openclaw onboard', 'openclaw', {}, {
      why: 'Create a NEW key in the Anthropic Console (Settings → API Keys, copy it with the copy button), then choose **Anthropic API key** and paste it unchanged.',
      then: 'Run `openclaw models status` (the masked suffix must change), then `openclaw gateway restart`.',
    });
  },
};

export const apiKeyAltered: Rule = {
  id: 'api_key_altered',
  family: 'api-key',
  title: 'The stored API key was edited or pasted with extra text',
  priority: 20,
  beats: ['api_key_invalid'],
  signals: [
    'the user says they edited, shortened, trimmed or retyped the key ("deleted some spaces")',
    'a mask with an impossible head or whitespace (`API sk-a..._HeoVAAA`, §1.3)',
  ],
  then: '`openclaw onboard --non-interactive --accept-risk --anthropic-api-key "$ANTHROPIC_API_KEY"`, then `openclaw models status`',
  docs: DOCS_ANTHROPIC,
  commands: [
    { kind: 'shell', template: 'export ANTHROPIC_API_KEY="$(pbpaste | tr -d \'\\r\\n\')"' },
    { kind: 'shell', template: READ_KEY },
  ],
  when(view) {
    for (const { status, label, credential } of keyLabels(view)) {
      const head = maskHead(credential);
      if (head && impossibleHead(head)) {
        return confirmed(
          2,
          because(
            `${code(label)}: no key begins with ${code(head)}, so the stored key holds extra text (a label pasted with it, or an edit).`,
            status,
          ),
        );
      }
    }
    // "I deleted some spaces" stops counting once the key was entered again or a clean mask shows.
    const said = statements(view, 'edited_key').at(-1);
    const saidAt = lastSeq(view, (f) => f === said);
    const redone = lastSeq(view, (f) => (f.kind === 'statement' && f.topic === 'reonboarded') || f.kind === 'models_status');
    if (said && saidAt >= redone) return confirmed(1, because(`You said ${code(said.quote)}: a key with any character changed is a different key.`, said));
    const err = xApiKeyRejections(view).at(-1);
    return err && !providerLine(view, 'anthropic') ? possible(notSeenYet(err)) : null;
  },
  next(ctx) {
    const mac = userOs(ctx.view) === 'macos';
    return commandStep(mac ? 'export ANTHROPIC_API_KEY="$(pbpaste | tr -d \'\\r\\n\')"' : READ_KEY, 'shell', {}, {
      why: mac
        ? 'Copy the key with the copy button in the Anthropic Console (create a new one if unsure), then run this in Terminal: it takes the clipboard without any edit.'
        : 'Run this in a terminal and paste the key from the Anthropic Console (copy button) when it waits: nothing is shown and nothing gets trimmed or wrapped.',
      then: `In the same terminal: \`${ONBOARD_WITH_ENV_KEY}\`, then \`openclaw models status\`.`,
    });
  },
};

export const oauthTokenInApiKeyProfile: Rule = {
  id: 'oauth_token_in_api_key_profile',
  family: 'api-key',
  title: 'A Claude subscription token is stored as an API key',
  priority: 30,
  beats: ['profile_order_conflict', 'api_key_invalid'],
  signals: [
    'an api_key profile (or env `ANTHROPIC_API_KEY`) whose mask starts `sk-ant-o`',
    'the user says the key starts with `sk-ant-oat`',
  ],
  then: '`openclaw models auth order set --provider anthropic anthropic:manual`',
  docs: DOCS_ANTHROPIC,
  commands: [{ kind: 'openclaw', template: 'openclaw models auth paste-token --provider anthropic' }],
  when(view) {
    for (const { status, label, credential, type, env } of keyLabels(view)) {
      if ((type === 'api_key' || env === 'ANTHROPIC_API_KEY') && maskHead(credential)?.startsWith('sk-ant-o')) {
        return confirmed(2, because(`${code(label)} is a subscription token (\`sk-ant-o…\`) stored where an API key belongs.`, status));
      }
    }
    for (const json of view.all('auth_profiles_json')) {
      const p = json.profiles.find((x) => x.type === 'api_key' && x.valueHead?.startsWith('sk-ant-oat'));
      if (p) return confirmed(2, because(`${code(p.profileId)} has \`"type": "api_key"\` but holds an \`sk-ant-oat\` token.`, json));
    }
    const prefix = statements(view, 'key_prefix').at(-1);
    const err = xApiKeyRejections(view).at(-1);
    if (prefix?.value?.startsWith('sk-ant-oat') && err) {
      return confirmed(1, because(`You said the key starts with ${code(prefix.value)}: that is a subscription token, not an API key.`, prefix, err));
    }
    if (prefix?.value) return ruledOut(because(`the key starts with ${code(prefix.value)}`, prefix));
    if (err && !providerLine(view, 'anthropic')) return possible(notSeenYet(err));
    return null;
  },
  next: () =>
    commandStep('openclaw models auth paste-token --provider anthropic', 'openclaw', {}, {
      why: 'Store the `sk-ant-oat…` token (from `claude setup-token`) as a token profile. If you want API billing instead, create a Console API key and run `openclaw onboard`.',
      then: 'Then `openclaw models auth order set --provider anthropic anthropic:manual` and retry.',
    }),
};

export const apiKeyInTokenProfile: Rule = {
  id: 'api_key_in_token_profile',
  family: 'api-key',
  title: 'An API key is stored as a token profile',
  priority: 40,
  beats: ['profile_order_conflict', 'api_key_invalid', 'provider_overloaded', 'auth_store_malformed'],
  signals: [
    'a token profile whose mask starts `token:sk-ant-a` (an API key stored via paste-token)',
    'a pasted auth-profiles.json with `"type": "token"` holding an `sk-ant-api…` value (seed 000: 529 loop)',
    'token profiles are tried before api_key ones (§3.3)',
  ],
  then: '`openclaw models auth order get --provider anthropic` → `Order override: anthropic:default`',
  docs: DOCS_AUTH,
  commands: [
    { kind: 'openclaw', template: 'openclaw models auth order set --provider anthropic <profile-id>' },
    { kind: 'openclaw', template: ONBOARD_WITH_ENV_KEY },
  ],
  when(view) {
    const pl = providerLine(view, 'anthropic');
    const token = pl?.line.profiles.find((p) => p.type === 'token' && maskHead(p.credential)?.startsWith('sk-ant-a'));
    if (pl && token) {
      const order = explicitOrder(view, 'anthropic');
      if (order?.order?.length && !order.order.includes(token.profileId)) {
        return ruledOut(because(`the order already pins ${code(order.order.join(', '))}, so ${code(token.profileId)} is not tried`, order.fact));
      }
      const counts = pl.line.counts;
      const countText = counts ? `profiles=${counts.total} (oauth=${counts.oauth}, token=${counts.token}, api_key=${counts.apiKey}) · ` : '';
      return confirmed(
        2,
        because(
          `${code(`${countText}${token.profileId}=token:${token.credential.form === 'masked' ? token.credential.mask : ''}`)}: an API key stored as a token, and token profiles are tried before api_key ones, so Anthropic gets it the wrong way.`,
          pl.status,
        ),
      );
    }
    for (const json of view.all('auth_profiles_json')) {
      const p = json.profiles.find((x) => x.type === 'token' && x.valueHead?.startsWith('sk-ant-') && !x.valueHead.startsWith('sk-ant-oat'));
      if (!p) continue;
      const overloaded = view.all('provider_error').find((e) => e.code === 'overloaded' || e.code === 'auth_service_unavailable' || e.httpStatus === 529);
      if (p.valueHead?.startsWith('sk-ant-api') || overloaded) {
        return confirmed(
          2,
          because(`${code(`"${p.profileId}": { "type": "token" … "${p.valueHead}…" }`)} holds an API key as a token: Anthropic answers that route with 529s and 401s.`, json, overloaded),
        );
      }
      return possible(because(`${code(p.profileId)} is \`"type": "token"\`; an API key there is sent the wrong way`, json));
    }
    const err = xApiKeyRejections(view).at(-1);
    if (err && !pl) return possible(notSeenYet(err));
    return null;
  },
  next(ctx) {
    const pl = providerLine(ctx.view, 'anthropic');
    const apiKey = pl?.line.profiles.find((p) => p.type === 'api_key' && p.credential.form !== 'missing');
    if (apiKey) {
      return commandStep('openclaw models auth order set --provider anthropic <profile-id>', 'openclaw', { '<profile-id>': apiKey.profileId }, {
        why: `Pin the API-key profile ${code(apiKey.profileId)} so the token profile is no longer tried first.`,
        then: `Check with \`openclaw models auth order get --provider anthropic\` → \`Order override: ${apiKey.profileId}\`, then \`/reset\` in the TUI and retry.`,
      });
    }
    return commandStep(ONBOARD_WITH_ENV_KEY, 'openclaw', {}, {
      why: `Rewrite it as an API-key profile. First put the key in this shell without echoing it: \`${READ_KEY}\`.`,
      then: 'Then `openclaw models status` should show the profile as `api_key`, and `openclaw gateway restart`.',
    });
  },
};

export const profileOrderConflict: Rule = {
  id: 'profile_order_conflict',
  family: 'api-key',
  title: 'Another auth profile is used instead of the one you fixed',
  priority: 15,
  beats: ['setup_token_rejected', 'api_key_invalid'],
  signals: ['`profiles=N` with N ≥ 2 for the failing provider and the profile in use is not the one the user just fixed'],
  then: '`openclaw models auth order get --provider <provider>`, then `/reset` in the TUI and retry',
  docs: DOCS_AUTH,
  commands: [{ kind: 'openclaw', template: 'openclaw models auth order set --provider <provider> <profile-id>' }],
  when(view) {
    const err = xApiKeyRejections(view).at(-1);
    const pl = providerLine(view, 'anthropic');
    if (!pl) return err ? possible(notSeenYet(err)) : null;
    if (pl.line.profiles.length < 2) return err ? ruledOut(because('only one Anthropic profile exists', pl.status)) : null;
    const used = profileInUse(view, pl.line);
    const fixed = fixedProfile(view, pl.line);
    if (fixed && used && fixed !== used.profileId && failureSeen(view)) {
      return confirmed(2, because(`${pl.line.profiles.length} Anthropic profiles: you fixed ${code(fixed)}, but ${code(used.profileId)} is tried first.`, pl.status));
    }
    return failureSeen(view) ? possible(because(`${pl.line.profiles.length} Anthropic profiles; which one is tried first decides`, pl.status)) : null;
  },
  next(ctx) {
    const pl = providerLine(ctx.view, 'anthropic');
    const fixed = pl ? fixedProfile(ctx.view, pl.line) : undefined;
    return commandStep('openclaw models auth order set --provider <provider> <profile-id>', 'openclaw', { '<provider>': 'anthropic', '<profile-id>': fixed }, {
      why: 'Pin the profile you fixed so OpenClaw stops trying the other one first.',
      then: 'Then `openclaw models auth order get --provider anthropic`, `/reset` in the TUI, and retry.',
    });
  },
};

export const profileShadowsEnv: Rule = {
  id: 'profile_shadows_env',
  family: 'api-key',
  title: 'A stored profile wins over the env key you set',
  priority: 12,
  signals: ['`effective=profiles:…` AND an `env=<mask>` bit with a different mask, and the user says they set the env var (§3.5)'],
  then: '`openclaw models status`: profile mask == env mask',
  docs: 'https://docs.openclaw.ai/help/environment',
  commands: [{ kind: 'openclaw', template: ONBOARD_WITH_ENV_KEY }],
  when(view) {
    const pl = providerLine(view, 'anthropic');
    if (!pl || pl.line.effective?.kind !== 'profiles' || pl.line.env?.credential.form !== 'masked') return null;
    const used = profileInUse(view, pl.line);
    if (used?.credential.form !== 'masked' || used.credential.mask === pl.line.env.credential.mask) return null;
    const said = statements(view, 'set_env_var').at(-1);
    const why = because(
      `${code(`${used.profileId}=${used.credential.mask}`)} is used while your env key is ${code(`env=${pl.line.env.credential.mask}`)}: any stored profile beats env (§3.5).`,
      pl.status,
      said,
    );
    if (said) return confirmed(2, why);
    return failureSeen(view) ? possible(why) : null;
  },
  next: () =>
    commandStep(ONBOARD_WITH_ENV_KEY, 'openclaw', {}, {
      why: 'Run it in the shell where `ANTHROPIC_API_KEY` is set: it writes that key into the profile, so both agree.',
      then: 'Then `openclaw models status`: the profile mask must equal the `env=` mask.',
    }),
};

export const keyProviderMismatch: Rule = {
  id: 'key_provider_mismatch',
  family: 'api-key',
  title: "The key belongs to another provider (or lost its prefix)",
  priority: 25,
  beats: ['api_key_invalid', 'provider_key_invalid'],
  signals: ['key prefix that does not belong to the provider (`sk-or-` under anthropic, `sk-kimi-` under moonshot, `sk-proj-` for anthropic, a key without its prefix)'],
  then: '`openclaw models status`',
  docs: 'https://docs.openclaw.ai/concepts/model-providers',
  commands: [{ kind: 'openclaw', template: 'openclaw onboard' }],
  when(view) {
    for (const { status, label, credential, provider } of keyLabels(view, true)) {
      const head = maskHead(credential);
      if (head && foreignHead(provider, head)) {
        return confirmed(2, because(`${code(label)} under ${code(provider)}: a ${provider} key never starts with ${code(head)}.`, status));
      }
    }
    const prefix = statements(view, 'key_prefix').at(-1);
    const err = xApiKeyRejections(view).at(-1);
    if (prefix?.value && err) {
      if (!prefix.value.startsWith('sk-ant')) {
        return confirmed(1, because(`You said the key starts with ${code(prefix.value)}: Anthropic keys start with \`sk-ant-\`.`, prefix, err));
      }
      return ruledOut(because(`the key starts with ${code(prefix.value)}`, prefix));
    }
    if (err && !providerLine(view, 'anthropic')) return possible(notSeenYet(err));
    return null;
  },
  next: () =>
    commandStep('openclaw onboard', 'openclaw', {}, {
      why: "Get the provider's own key from its console (an Anthropic key starts with `sk-ant-api`), then choose that provider in the wizard and paste it unchanged.",
      then: 'Then `openclaw models status`.',
    }),
};
