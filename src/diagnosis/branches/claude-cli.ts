/**
 * Catalog v2 branches of the Claude CLI runtime and subscription plans (branches.md §B/§C v2):
 * the native Claude CLI login expired or missing, a stored `anthropic:*` profile shadowing it
 * (2026.8.1 only), and a subscription's usage window spent behind API-key billing copy.
 */
import { msg, q } from '../reason.ts';
import { because, errorQuote, errorsWith, statements } from '../signals.ts';
import { claudeCliRoute } from '../symptoms.ts';
import type { Rule } from '../types.ts';
import type { EvidenceView } from '../view.ts';
import { confirmed } from '../verdict.ts';

const DOCS_ANTHROPIC = 'https://docs.openclaw.ai/providers/anthropic';

/** Words saying the CLI login is gone: "expired", "logged out", "not logged in" (a `re` field test: case-insensitive). */
const LOGIN_GONE = String.raw`\bexpired\b|\blogged out\b|\bnot logged in\b|\blogin (?:is )?(?:gone|missing)\b`;

/** The Claude CLI route with the login gone in the user's words (`{with}`), unless they call the status view misleading. */
const ON_CLI_ROUTE = {
  fact: 'claude_cli_route',
  unless: { statement: ['status_misleading'] },
  reason: 'The Claude CLI runs the model and `{with}`: its login has to be renewed where the gateway runs.',
  specificity: 1,
} as const;

const CLI_LOGIN = {
  command: 'claude auth login',
  runIn: 'gateway_host',
  why: "The Claude CLI route uses the CLI's own login, not a key stored in OpenClaw: log in again on the gateway host, as the user the gateway runs as.",
} as const;

export const claudeCliLoginExpired: Rule = {
  id: 'claude_cli_login_expired',
  family: 'setup-token',
  title: 'The Claude CLI login on the gateway host has expired',
  priority: 40,
  beats: ['token_expired', 'setup_token_rejected', 'oauth_refresh_failed'],
  then: '≥8.1: `openclaw gateway restart`, then retry; 3.26–7.x: `openclaw models auth login --provider anthropic --method cli`, then `openclaw gateway restart`',
  docs: DOCS_ANTHROPIC,
  commands: [],
  signals: [
    {
      error: ['cli_login_expired'],
      text: '`Failed to authenticate: OAuth session expired and could not be refreshed` / `Not logged in · Please run /login` / `"loggedIn": false` from the Claude CLI',
      reason: "`{quote}`: the Claude CLI's own login is gone, and pasting a key or token into OpenClaw does not reach it.",
    },
    {
      error: ['login_expired_copy'],
      where: { provider: 'claude-cli' },
      reason: '`{quote}`',
      text: '≥7.1 chat: `⚠️ Model login expired on the gateway for claude-cli`',
    },
    // A status view the user calls misleading: the route works, whatever the words say.
    {
      ...ON_CLI_ROUTE,
      with: { statement: ['login_gone_said'] },
      text: 'a Claude CLI route (`claude-cli/…`, `agentRuntime: claude-cli`) and the user says its login expired',
    },
    {
      ...ON_CLI_ROUTE,
      with: { statement: ['auth_symptom'], where: { quote: { re: LOGIN_GONE } } },
      text: 'a Claude CLI route and a failure described as `expired` / `logged out` / `not logged in`',
    },
    {
      error: ['generic_failure', 'auth_failed_copy', 'invalid_bearer_token', 'authentication_error', 'token_expired'],
      with: { fact: 'claude_cli_route' },
      unless: { statement: ['status_misleading'] },
      verdict: 'possible',
      reason: '`{quote}` on a Claude CLI route',
      text: 'a generic or 401 failure on a Claude CLI route',
    },
  ],
  // The command is the same on every version; what follows it changed in 2026.8.1 (native Claude CLI route, §10.13).
  steps: [
    { versions: '≤2026.7.1', ...CLI_LOGIN, then: 'Then `openclaw models auth login --provider anthropic --method cli` and `openclaw gateway restart`.' },
    { versions: '≥2026.8.1', ...CLI_LOGIN, then: 'Then `openclaw gateway restart` and retry (`claude auth status --text` shows the login).' },
    { versions: 'unknown', ...CLI_LOGIN, then: 'Then `openclaw models auth login --provider anthropic --method cli` and `openclaw gateway restart`.' },
  ],
};

/** A stored anthropic profile named in the thread (`anthropic:default`, `anthropic:manual` …). */
function anthropicProfileSeen(view: EvidenceView): boolean {
  return (
    view.all('models_status').some((s) => s.providers.some((p) => p.provider === 'anthropic' && p.profiles.length > 0)) ||
    view.all('auth_profiles_json').some((j) => j.profiles.some((p) => p.profileId.startsWith('anthropic:'))) ||
    statements(view, 'stored_profile').some((s) => s.value?.startsWith('anthropic:'))
  );
}

export const claudeCliShadowedByProfile: Rule = {
  id: 'claude_cli_shadowed_by_profile',
  family: 'setup-token',
  title: 'A stored Anthropic profile shadows the Claude CLI login (2026.8.1)',
  priority: 45,
  beats: ['api_key_invalid', 'oauth_token_in_api_key_profile'],
  whenSignals: ['OpenClaw 2026.8.1: a Claude CLI route, every turn `401 … API key is invalid`, and a stored `anthropic:*` profile (often `token:sk-ant-o…`)'],
  then: '`openclaw --version` must print 2026.8.2 or later; then `openclaw gateway restart` and retry',
  docs: DOCS_ANTHROPIC,
  commands: [{ kind: 'openclaw', template: 'openclaw --version' }],
  when(view) {
    const route = claudeCliRoute(view);
    const err = errorsWith(view, 'invalid_api_key', 'invalid_x_api_key').at(-1);
    if (!route || !err || !anthropicProfileSeen(view)) return null;
    if (view.version && view.version !== '2026.8.1' && !view.version.startsWith('2026.8.1-')) return null;
    return confirmed(2, because(msg`${q(errorQuote(err))} on a Claude CLI route while an \`anthropic:*\` profile is stored: on 2026.8.1 that profile is sent instead of the CLI login.`, err, route));
  },
  steps: [
    {
      versions: 'any',
      command: 'openclaw update',
      why: 'OpenClaw 2026.8.1 sends a stored `anthropic:*` profile on the Claude CLI route; 2026.8.2 fixed it.',
      then: '`openclaw --version` must print 2026.8.2 or later; then `openclaw gateway restart` and retry.',
    },
  ],
};

const PLAN_SPENT = {
  error: ['credit_balance_low', 'billing_error'],
  reason: "`{quote}` on a subscription: the plan's usage window is spent, not an API balance.",
} as const;

export const subscriptionLimit: Rule = {
  id: 'subscription_limit',
  family: 'billing',
  title: "The subscription plan's usage window is spent",
  priority: 35,
  beats: ['credit_balance_low'],
  then: '`openclaw models status`',
  docs: 'https://docs.openclaw.ai/providers/anthropic',
  commands: [{ kind: 'openclaw', template: 'openclaw models status' }],
  // Billing copy written for API keys, on a subscription credential: a Claude CLI route, a plan said, a token/OAuth `/status` card.
  signals: [
    { ...PLAN_SPENT, with: { fact: 'claude_cli_route' }, text: 'billing copy (`returned a billing error`, `Credit balance is too low`) on a Claude CLI route' },
    { ...PLAN_SPENT, with: { statement: ['subscription'] }, text: 'billing copy while the user says they use a Claude subscription (Pro/Max)' },
    { ...PLAN_SPENT, with: { fact: 'status_card', where: { authMode: { any: ['oauth', 'token'] } } }, text: 'billing copy with a `/status` card on an OAuth or token credential' },
  ],
  steps: [
    {
      versions: 'any',
      kind: 'action',
      text: "Wait for the plan's usage window to reset (claude.ai → Settings → Usage shows when); topping up an API balance does not help a subscription.",
      why: 'The billing text is written for API keys; on a subscription it means the usage limit was reached.',
      then: 'To keep working now, add an API key with `openclaw onboard` (choose Anthropic API key), then `openclaw models status`.',
    },
  ],
};
