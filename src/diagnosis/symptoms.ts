/**
 * The symptom layer under the exact rules (issue 14): is this thread a model-auth failure at all,
 * even when no rule confirms a branch, and does it run on the Claude CLI route? Pure readers over
 * an `EvidenceView`; never throw.
 */
import type { Fact } from '../evidence/facts.ts';
import { type ErrorFact, errorsWith, statements } from './signals.ts';
import type { EvidenceView } from './view.ts';

/** Error codes that are no model-auth failure by themselves (look-alikes and other failures). */
const NOT_AUTH_CODES = new Set<ErrorFact['code']>([
  'unknown_provider',
  'unknown_model', 'model_not_allowed', 'timeout', 'context_overflow', 'discord_intents_missing', 'discord_token_missing', 'discord_getme_failed',
]);

/**
 * The symptom layer under the exact rules: the thread shows a model-auth-looking failure (an
 * error line with an auth, billing or limit reading, HTTP 401/402/403/429/529, ≥7.1 chat copy,
 * or the failure said in words) that no look-alike explains. Returns the fact to quote, or
 * undefined. A look-alike (Telegram bot token, gateway token, pairing, a tool's key, timeout,
 * unknown model, config schema) silences words alone, never an auth error line.
 */
export function authSymptom(view: EvidenceView): Fact | undefined {
  const errs = view.all('provider_error').filter((e) => !NOT_AUTH_CODES.has(e.code));
  const strong = errs.filter((e) => e.code !== 'unknown' || [401, 402, 403, 429, 529].includes(e.httpStatus ?? 0)).at(-1);
  const lookalike = statements(view, 'lookalike').at(-1);
  if (strong && !(lookalike && (strong.code === 'generic_failure' || strong.code === 'unknown'))) return strong;
  if (lookalike) return undefined;
  // `Unknown provider "…"` from `openclaw models auth login`: the login cannot even start.
  const login = view.all('command_run').some((c) => /\bauth login\b/.test(c.command));
  if (login) return errorsWith(view, 'unknown_provider').at(-1) ?? statements(view, 'auth_symptom').at(-1);
  return statements(view, 'auth_symptom').at(-1);
}

/**
 * Output of the model-auth commands: pasted, it is about model auth even when it shows no failure.
 * Not the `/status` card: people paste it to show which model runs, about billing or anything else.
 */
const AUTH_OUTPUT = ['models_status', 'auth_list', 'auth_order', 'auth_profiles_json', 'auth_store_migration'] as const;

/** Model-auth CLI output in the thread (`models status`, `models auth list` / `order get`, a store file): the first kind found, newest of it; or undefined. */
export function authOutput(view: EvidenceView): Fact | undefined {
  for (const kind of AUTH_OUTPUT) {
    const fact = view.latest(kind);
    if (fact) return fact;
  }
  return undefined;
}

/** The Claude CLI runtime is the route: a `claude-cli/…` model, `agentRuntime: claude-cli`, said in words. */
export function claudeCliRoute(view: EvidenceView): Fact | undefined {
  const card = view.all('status_card').find((c) => c.model?.startsWith('claude-cli/'));
  const footer = view.all('tui_footer').find((f) => f.provider === 'claude-cli');
  const err = view.all('provider_error').find((e) => e.provider === 'claude-cli' || e.model?.startsWith('claude-cli'));
  return card ?? footer ?? err ?? statements(view, 'claude_cli_route').at(-1);
}
