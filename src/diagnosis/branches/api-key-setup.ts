/**
 * Family A (the auth store): where the credential should come from and does not (branches.md §A:
 * stale_order_override, no_credentials; auth_store_malformed is in ./auth-profiles-file.ts). The environment's part
 * (env_not_visible_to_service, secret_ref_unresolved, env_var_name_unrecognized) is in
 * ./api-key-env.ts.
 */
import { authOrderFile } from '../commands.ts';
import type { Unless } from '../patterns.ts';
import type { EvidenceView } from '../view.ts';
import { unreadyRoute, usableProfileId } from './store-signals.ts';
import { errorProvider, errorsWith, providerOfModel, statements, threadProvider } from '../signals.ts';
import type { Rule } from '../types.ts';
import { mainNoKey, PRESENT } from './shared.ts';

const DOCS_AUTH = 'https://docs.openclaw.ai/gateway/authentication';

const ORDER_SET_WHY = 'Only the ids in an explicit order are tried; pinning `<profile-id>` (a profile that exists) replaces the one that is gone.';
const ORDER_THEN = 'Then `openclaw models auth order get --provider <provider>` must show only that id, and `openclaw models status`.';

export const staleOrderOverride: Rule = {
  id: 'stale_order_override',
  family: 'api-key',
  title: 'The stored auth order names a profile that is missing or broken',
  priority: 35,
  beats: ['profile_order_conflict', 'no_credentials'],
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
    {
      statement: ['order_excludes'],
      unless: { fact: 'auth_order' },
      reason: '`{quote}`: an order that names profiles which no longer exist leaves nothing to send.',
      text: 'the user says the order names profiles that no longer exist (no `order get` pasted)',
    },
    { fact: 'order_override', where: { order: { any: [null] } }, verdict: 'ruled_out', reason: '`Order override: (none)`', text: '`Order override: (none)`' },
    {
      fact: 'order_override',
      where: { statusShown: false },
      quote: 'Order override: {order}',
      verdict: 'possible',
      reason: '`{quote}`; whether those profiles exist shows in `openclaw models status`',
      text: 'an order override, and no `models status` to tell whether its profiles exist',
    },
    {
      fact: 'order_override',
      where: { broken: PRESENT },
      quote: 'Order override: {order}',
      reason: '`{quote}` names `{broken}`, which has no credential.',
      text: '`Order override: <ids>` (≤7.1) or `Auth profile order override: <ids>` (≥8.1) naming a profile that is missing or broken',
    },
    { fact: 'order_override', verdict: 'ruled_out', reason: 'every profile in the order exists', text: 'every profile of the order has a credential' },
  ],
  values(ctx) {
    const err = errorsWith(ctx.view, 'no_credentials_for_profile').at(-1);
    const provider = (err ? errorProvider(err) : ctx.view.all('auth_order').at(-1)?.provider) ?? threadProvider(ctx.view) ?? undefined;
    const store = ctx.view.all('auth_order').at(-1)?.storePath?.endsWith('.sqlite') ? 'SQLite store' : authOrderFile(ctx.view.version);
    return { '<provider>': provider, '<profile-id>': usableProfileId(ctx.view, provider ?? 'anthropic'), '<store>': store };
  },
};

const NO_KEY = "`{quote}`: no credential for `{provider}` in the main agent's store.";
/** `No API key found` of the main agent (an `Auth store` of another agent is agent_auth_missing). */
const MAIN_NO_KEY = { error: ['no_api_key', 'no_api_key_resolved', 'no_auth_configured'], where: { agentId: { any: [null, 'main'] } } } satisfies Unless;
const ANTHROPIC_KEY_WHY = 'Choose **Anthropic API key** and paste a key created in its console.';
const PROVIDER_KEY_WHY = 'Choose the `<provider>` provider and paste a key created in its console.';
/** Providers that take a sign-in rather than a pasted key (≤5.28; from 6.1 Codex is part of `openai`, §10.10). */
const SIGN_IN_PROVIDERS = new Set(['openai-codex']);
const SIGN_IN_WHY = 'Choose `<provider>` and sign in with your ChatGPT account: it takes an OAuth sign-in, not a pasted key.';
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
  then: '`openclaw models status`',
  docs: DOCS_AUTH,
  commands: [],
  signals: [
    {
      fact: 'missing_auth',
      quote: 'Missing auth - {provider}',
      reason: '`{quote}`: no credential for `{provider}`.',
      text: 'a `Missing auth` section listing the provider (on ≥8.1 not when its only profiles are in cooldown or disabled)',
    },
    {
      // ≥8.1 with no credential at all: no `Missing auth`, only `[indeterminate] Auth readiness could not be confirmed`.
      fact: 'unready_route',
      quote: '- {model} [indeterminate] {message}',
      reason: '`{quote}` and no credential line for `{provider}`: nothing is set up for it.',
      text: '≥8.1 with nothing set up: `Model route issues` `- <p>/<m> [indeterminate] Auth readiness could not be confirmed …` and no credential line for <p>',
    },
    { fact: 'status_line', where: { effective: 'missing' }, quote: '- {provider} effective=missing', reason: '`{quote}`', text: '`effective=missing`' },
    {
      // `models auth list` lists stored profiles only: an env key may still stand in, which `models status` shows.
      fact: 'auth_list_empty',
      verdict: 'possible',
      quote: 'Profiles: (none)',
      reason: '`{quote}`: no profile is stored; whether an env key stands in shows in `openclaw models status`.',
      text: '`models auth list` prints `Profiles: (none)` (env keys do not show there)',
    },
    {
      // "The agent loses all auth profiles" / `Profiles: (none)`: nothing left to send (stand-in for a store migration).
      statement: ['profiles_gone'],
      unless: MAIN_NO_KEY,
      reason: '`{quote}`: OpenClaw has no credential to send any more.',
      text: 'the user says the profiles are gone (`Profiles: (none)`)',
    },
    {
      // `openclaw models auth login` refused the provider (`Unknown provider "…"`): nothing was stored; onboarding can store it.
      error: ['unknown_provider'],
      with: { fact: 'command_run', where: { command: { re: '\\bauth login\\b' } }, cite: false },
      unless: MAIN_NO_KEY,
      specificity: 1,
      reason: '`{quote}`: the login could not start, so no credential was stored.',
      text: '`openclaw models auth login` answered `Unknown provider`',
    },
    { fact: 'main_no_key', where: { credentialShown: true }, verdict: 'ruled_out', reason: '`models status` shows a credential for `{provider}`', text: '`No API key found`, but `models status` shows one' },
    // "No OpenAI model is configured at all": something else (an image or utility default) asks for it.
    { fact: 'main_no_key', where: { unused: true }, verdict: 'possible', reason: NO_KEY, text: '`No API key found` for a provider the user does not use' },
    // "Works in the terminal, not in Discord": a credential exists somewhere; which process lacks it decides.
    { fact: 'main_no_key', with: { statement: ['works_elsewhere'], cite: false }, verdict: 'possible', reason: NO_KEY, text: '`No API key found`, and it works elsewhere' },
    { fact: 'main_no_key', reason: NO_KEY, text: '`No API key found for provider "<p>"` with the main agent\'s store' },
  ],
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
    { case: 'sign_in', versions: 'any', command: 'openclaw onboard', why: SIGN_IN_WHY, then: NO_CREDENTIALS_THEN },
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
    const provider = missingProvider(ctx.view);
    return provider === 'anthropic' ? 'anthropic' : SIGN_IN_PROVIDERS.has(provider) ? 'sign_in' : undefined;
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
