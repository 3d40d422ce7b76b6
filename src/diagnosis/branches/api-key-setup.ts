/**
 * Family A (the auth store): where the credential should come from and does not (branches.md §A:
 * stale_order_override, no_credentials; auth_store_malformed is in ./auth-profiles-file.ts). The environment's part
 * (env_not_visible_to_service, secret_ref_unresolved, env_var_name_unrecognized) is in
 * ./api-key-env.ts.
 */
import { msg, q } from '../reason.ts';
import { authOrderFile } from '../commands.ts';
import type { EvidenceView } from '../view.ts';
import { unreadyRoute, usableProfileId, whollyUnusable } from './store-signals.ts';
import {
  because,
  errorProvider,
  errorQuote,
  errorsWith,
  providerLine,
  providerOfModel,
  statements,
  threadProvider,
} from '../signals.ts';
import type { Rule } from '../types.ts';
import { confirmed, possible, ruledOut } from '../verdict.ts';
import { mainNoKey } from './shared.ts';

const DOCS_AUTH = 'https://docs.openclaw.ai/gateway/authentication';

const ORDER_SET_WHY = 'Only the ids in an explicit order are tried; pinning `<profile-id>` (a profile that exists) replaces the one that is gone.';
const ORDER_THEN = 'Then `openclaw models auth order get --provider <provider>` must show only that id, and `openclaw models status`.';

export const staleOrderOverride: Rule = {
  id: 'stale_order_override',
  family: 'api-key',
  title: 'The stored auth order names a profile that is missing or broken',
  priority: 35,
  beats: ['profile_order_conflict', 'no_credentials'],
  whenSignals: [
    '`Order override: <ids>` (≤7.1) or `Auth profile order override: <ids>` (≥8.1) naming a profile that is missing or broken',
  ],
  then: '`openclaw models auth order get --provider <provider>` must show only that id; then `openclaw models status`',
  docs: DOCS_AUTH,
  commands: [],
  // ≤7.x `order clear`; ≥8.1 `order set <usable id>` (clear can leave an order migrated into the shared store in place, §10.1).
  steps: [
    {
      versions: '≤2026.7.1',
      command: 'openclaw models auth order clear --provider <provider>',
      why: "The override is stored in the agent's `<store>`; clearing it lets OpenClaw use the profiles that do exist (and the env key when there are none).",
      then: ORDER_THEN,
    },
    { versions: '≥2026.8.1', command: 'openclaw models auth order set --provider <provider> <profile-id>', why: ORDER_SET_WHY, then: ORDER_THEN },
    { versions: 'unknown', command: 'openclaw models auth order set --provider <provider> <profile-id>', why: ORDER_SET_WHY, then: ORDER_THEN },
  ],
  signals: [
    {
      error: ['no_credentials_for_profile'],
      text: '`No credentials found for profile "<id>"`',
      reason: '`{quote}`: the order points at a profile that has no credential.',
    },
  ],
  when(view) {
    const ord = view.all('auth_order').at(-1);
    const excludes = statements(view, 'order_excludes').at(-1);
    if (!ord && excludes) return confirmed(1, because(msg`${q(excludes.quote)}: an order that names profiles which no longer exist leaves nothing to send.`, excludes));
    if (!ord) return null;
    if (!ord.order?.length) return ruledOut(because('`Order override: (none)`', ord));
    const pl = providerLine(view, (ord.provider ?? 'anthropic').toLowerCase());
    if (!pl) return possible(because(msg`${q(`Order override: ${ord.order.join(', ')}`)}; whether those profiles exist shows in \`openclaw models status\``, ord));
    const broken = ord.order.find((id) => {
      const p = pl.line.profiles.find((x) => x.profileId === id);
      return !p || p.credential.form === 'missing';
    });
    if (broken) return confirmed(2, because(msg`${q(`Order override: ${ord.order.join(', ')}`)} names ${q(broken)}, which has no credential.`, ord, pl.status));
    return ruledOut(because('every profile in the order exists', ord, pl.status));
  },
  values(ctx) {
    const err = errorsWith(ctx.view, 'no_credentials_for_profile').at(-1);
    const provider = (err ? errorProvider(err) : ctx.view.all('auth_order').at(-1)?.provider) ?? threadProvider(ctx.view) ?? undefined;
    const store = ctx.view.all('auth_order').at(-1)?.storePath?.endsWith('.sqlite') ? 'SQLite store' : authOrderFile(ctx.view.version);
    return { '<provider>': provider, '<profile-id>': usableProfileId(ctx.view, provider ?? 'anthropic'), '<store>': store };
  },
};

const ANTHROPIC_KEY_WHY = 'Choose **Anthropic API key** and paste a key created in its console.';
const PROVIDER_KEY_WHY = 'Choose the `<provider>` provider and paste a key created in its console.';
const NO_CREDENTIALS_THEN = 'Then `openclaw models status` must list the provider without `Missing auth`.';

/** The provider of the command the ≥8.1 missing-key error prints: ``Configure an API key (`openclaw models auth paste-api-key --provider <p>`; …`` (§10.8). */
const PRINTED_PASTE = /`openclaw models auth paste-api-key --provider ([\w.-]{1,64})`/;
const printedPaste = (view: EvidenceView): string | undefined =>
  errorsWith(view, 'no_api_key').map((e) => PRINTED_PASTE.exec(e.message)?.[1]).filter((c) => c !== undefined).at(-1);

export const noCredentials: Rule = {
  id: 'no_credentials',
  family: 'api-key',
  title: 'No credential is set up for the provider',
  priority: 5,
  whenSignals: [
    'a `Missing auth` section listing the provider (on ≥8.1 not when its only profiles are in cooldown or disabled)',
    '`effective=missing`',
    '`No API key found for provider "<p>"` with the main agent\'s store',
    '≥8.1 with nothing set up: `Model route issues` `- <p>/<m> [indeterminate] Auth readiness could not be confirmed …` and no credential line for <p>',
  ],
  then: '`openclaw models status`',
  docs: DOCS_AUTH,
  commands: [],
  when(view) {
    const status = view.latest('models_status');
    const def = providerOfModel(status?.defaultModel);
    // ≥8.1 also lists a provider whose only profiles are in cooldown or disabled: that is not "no credential".
    const missing = [...(status?.missingAuth ?? [])]
      .filter((m) => !(status && whollyUnusable(status, m.provider)))
      .sort((a, b) => Number(b.provider === def) - Number(a.provider === def))[0];
    if (status && missing) return confirmed(2, because(msg`${q(`Missing auth - ${missing.provider}`)}: no credential for ${q(missing.provider)}.`, status));
    // ≥8.1 with no credential at all: no `Missing auth`, only `[indeterminate] Auth readiness could not be confirmed`.
    const unready = status ? unreadyRoute(status) : undefined;
    if (status && unready) {
      return confirmed(2, because(msg`${q(`- ${unready.model} [indeterminate] ${unready.message}`)} and no credential line for ${q(providerOfModel(unready.model) ?? '')}: nothing is set up for it.`, status));
    }
    const empty = status?.providers.find((p) => p.effective?.kind === 'missing');
    if (status && empty) return confirmed(2, because(msg`${q(`- ${empty.provider} effective=missing`)}`, status));
    const err = mainNoKey(view).at(-1);
    // "The agent loses all auth profiles" / `Profiles: (none)`: nothing left to send (stand-in for a store migration).
    const gone = statements(view, 'profiles_gone').at(-1);
    if (!err && gone) return confirmed(1, because(msg`${q(gone.quote)}: OpenClaw has no credential to send any more.`, gone));
    // `openclaw models auth login` refused the provider (`Unknown provider "…"`): nothing was stored; onboarding can store it.
    const refused = errorsWith(view, 'unknown_provider').at(-1);
    if (!err && refused && view.all('command_run').some((c) => /\bauth login\b/.test(c.command))) {
      return confirmed(1, because(msg`${q(errorQuote(refused))}: the login could not start, so no credential was stored.`, refused));
    }
    if (!err) return null;
    const p = errorProvider(err) ?? 'anthropic';
    const pl = providerLine(view, p);
    if (pl && (pl.line.profiles.length > 0 || pl.line.env)) {
      return ruledOut(because(msg`\`models status\` shows a credential for ${q(p)}`, pl.status));
    }
    const why = because(msg`${q(errorQuote(err))}: no credential for ${q(p)} in the main agent's store.`, err);
    // "No OpenAI model is configured at all": something else (an image or utility default) asks for it.
    if (statements(view, 'provider_unused').some((s) => s.value === p)) return possible(why);
    // "Works in the terminal, not in Discord": a credential exists somewhere; which process lacks it decides.
    if (statements(view, 'works_elsewhere').length > 0) return possible(why);
    return confirmed(2, why);
  },
  askFirst(view) {
    const p = missingProvider(view);
    if (p !== 'anthropic') return null;
    return statements(view, 'subscription', 'console_key').length > 0 ? null : 'account_type';
  },
  // Catalog v2 no_credentials: `openclaw onboard` on any version (the real 6.11–9.6 captures' step).
  // ≥8.1 the error itself names `paste-api-key`: then that (for anthropic with `--profile-id
  // anthropic:default`, else it writes `anthropic:manual`, openclaw-cli.md §10.9).
  steps: [
    {
      case: 'subscription',
      versions: 'any',
      command: 'claude setup-token',
      why: 'With a Claude subscription (no Console API key), the credential is a setup-token made by Claude Code.',
      then: 'Then `openclaw models auth paste-token --provider anthropic`, paste the token, and run `openclaw models status`.',
    },
    { case: 'anthropic', versions: 'any', command: 'openclaw onboard', why: ANTHROPIC_KEY_WHY, then: NO_CREDENTIALS_THEN },
    { versions: 'any', command: 'openclaw onboard', why: PROVIDER_KEY_WHY, then: NO_CREDENTIALS_THEN },
    {
      case: 'printed_anthropic',
      versions: 'any',
      command: 'openclaw models auth paste-api-key --provider anthropic --profile-id anthropic:default',
      why: 'The error names this command: paste a key from the Anthropic Console (`--profile-id anthropic:default` keeps it the default profile).',
      then: NO_CREDENTIALS_THEN,
    },
    { case: 'printed', versions: 'any', command: 'openclaw models auth paste-api-key --provider <provider>', why: 'The error names this command: paste a key created in the `<provider>` console.', then: NO_CREDENTIALS_THEN },
  ],
  stepCase(ctx) {
    if (missingProvider(ctx.view) === 'anthropic' && statements(ctx.view, 'subscription', 'console_key').at(-1)?.topic === 'subscription') return 'subscription';
    const printed = printedPaste(ctx.view);
    if (printed) return printed === 'anthropic' ? 'printed_anthropic' : 'printed';
    return missingProvider(ctx.view) === 'anthropic' ? 'anthropic' : undefined;
  },
  values: (ctx) => ({ '<provider>': printedPaste(ctx.view) ?? missingProvider(ctx.view) }),
};

function missingProvider(view: EvidenceView): string {
  return namedProvider(view) ?? 'anthropic';
}

/** The provider with no credential as the evidence names it (status, error), or undefined. */
function namedProvider(view: EvidenceView): string | undefined {
  const status = view.latest('models_status');
  const def = providerOfModel(status?.defaultModel);
  const fromStatus =
    status?.missingAuth.find((m) => m.provider === def)?.provider ?? status?.missingAuth[0]?.provider ?? (status ? providerOfModel(unreadyRoute(status)?.model) : undefined);
  const err = mainNoKey(view).at(-1);
  return fromStatus ?? (err ? errorProvider(err) : undefined) ?? errorsWith(view, 'unknown_provider').at(-1)?.provider;
}
