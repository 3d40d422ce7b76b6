/**
 * Family B, the OAuth refresh (catalog v2 oauth_refresh_failed): what says an OAuth login could
 * not be refreshed — the error text, the ≥4.12 chat copy and doctor's `OAuth refresh errors`
 * entries, with the login command the copy or doctor line prints itself — and the rule.
 */
import type { Fact } from '../../evidence/facts.ts';
import { VERSION, versionAtLeast } from '../commands.ts';
import { errorProvider, errorQuote, errorsWith } from '../signals.ts';
import type { Steps } from '../steps.ts';
import type { Rule } from '../types.ts';
import type { EvidenceView } from '../view.ts';
import { GENERIC_AUTH } from './setup-token.ts';

/** A login command the copy or doctor line prints itself: `openclaw models auth login --provider <p> [--profile-id '<id>']`. */
const PRINTED_LOGIN_TEXT = /`(openclaw models auth login --provider [^`]{1,200})`/;

/**
 * What says the OAuth refresh failed: the error text (`OAuth token refresh failed for <p>`,
 * `refresh_token_reused`, Codex `token_expired`), the chat copy `⚠️ Model login expired on the
 * gateway for <p>` (not claude-cli: its own branch) or a doctor `OAuth refresh errors` entry.
 * `copy` = the evidence prints the login command (`printed` when it shows in full).
 */
export function refreshFailure(view: EvidenceView): { fact: Fact; quote: string; provider?: string; copy: boolean; printed?: string } | undefined {
  const err =
    errorsWith(view, 'oauth_refresh_failed', 'refresh_token_reused').at(-1) ??
    errorsWith(view, 'token_expired').find((e) => (errorProvider(e) ?? '').includes('codex'));
  if (err) return { fact: err, quote: errorQuote(err), ...(errorProvider(err) ? { provider: errorProvider(err)! } : {}), copy: false };
  const copy = errorsWith(view, 'login_expired_copy').filter((e) => errorProvider(e) !== 'claude-cli').at(-1);
  if (copy) {
    const printed = PRINTED_LOGIN_TEXT.exec(copy.message)?.[1];
    return { fact: copy, quote: errorQuote(copy), ...(errorProvider(copy) ? { provider: errorProvider(copy)! } : {}), copy: true, ...(printed ? { printed } : {}) };
  }
  for (const doctor of view.all('doctor').toReversed()) {
    const entry = doctor.entries.filter((e) => e.status === 're-auth required' || e.status === 'OAuth refresh failed').at(-1);
    if (!entry) continue;
    const printed = PRINTED_LOGIN_TEXT.exec(entry.hint ?? '')?.[1];
    return { fact: doctor, quote: `${entry.profileId}: ${entry.status}${entry.reasonCode ? ` [${entry.reasonCode}]` : ''}`, provider: entry.profileId.split(':')[0]!, copy: true, ...(printed ? { printed } : {}) };
  }
  return undefined;
}

const DOCTOR_YES = { command: 'openclaw doctor --yes', why: "The error's own fix: doctor repairs the stored OAuth state.", then: 'If it still fails: <relogin>.' };
const RELOGIN = {
  command: 'openclaw models auth login --provider <provider>',
  why: 'OpenClaw cannot refresh the stored login: sign in again.',
  then: 'Then `openclaw models status`: no `Unavailable auth profiles` line for it.',
};
const PRINTED_LOGIN = {
  command: '<printed-login>',
  commandKind: 'openclaw' as const,
  why: 'The message names the login to redo: OpenClaw cannot refresh the stored login, so sign in again.',
  then: RELOGIN.then,
};
/**
 * ≤7.1 `doctor --yes` (the old error's own `Fix:` hint, §4.3, also the step when the version is
 * unknown); ≥8.1 the login. The copy/doctor case prints the login, valid on every version it exists in.
 */
const REFRESH_STEPS: Steps = [
  { versions: '≤2026.7.1', ...DOCTOR_YES },
  { versions: '≥2026.8.1', ...RELOGIN },
  { versions: 'unknown', ...DOCTOR_YES },
  { case: 'copy', versions: '≤2026.7.1', ...DOCTOR_YES },
  { case: 'copy', versions: '≥2026.8.1', ...RELOGIN },
  { case: 'copy', versions: 'unknown', ...RELOGIN },
  // The copy or doctor line prints the exact login (with `--profile-id`): give that one.
  { case: 'printed', versions: '≤2026.7.1', ...DOCTOR_YES },
  { case: 'printed', versions: '≥2026.8.1', ...PRINTED_LOGIN },
  { case: 'printed', versions: 'unknown', ...PRINTED_LOGIN },
];

export const oauthRefreshFailed: Rule = {
  id: 'oauth_refresh_failed',
  family: 'setup-token',
  title: 'OpenClaw could not refresh the OAuth login',
  priority: 60,
  beats: [...GENERIC_AUTH],
  signals: [
    {
      error: ['oauth_refresh_failed', 'refresh_token_reused'],
      reason: '`{quote}`',
      text: '`OAuth token refresh failed for <provider>` / `refresh_token_reused`',
    },
    { error: ['token_expired'], where: { errorProvider: { re: 'codex' } }, reason: '`{quote}`', text: 'Codex `token_expired`' },
    {
      error: ['login_expired_copy'],
      where: { errorProvider: { none: ['claude-cli'] } },
      reason: '`{quote}`',
      text: '≥4.12 chat: `⚠️ Model login expired on the gateway for <provider>` (not claude-cli: claude_cli_login_expired)',
    },
    {
      fact: 'doctor',
      each: 'entries',
      where: { status: { any: ['re-auth required', 'OAuth refresh failed'] } },
      quote: '{profileId}: {status}{? [{reasonCode}]}',
      reason: '`{quote}`',
      text: 'doctor `OAuth refresh errors`: `- <id>: re-auth required [<reason>] — Run `…`.`',
      specificity: 3,
    },
  ],
  then: '`openclaw models auth login --provider <provider>` if it persists',
  docs: 'https://docs.openclaw.ai/concepts/oauth',
  commands: [],
  steps: REFRESH_STEPS,
  // The chat copy and doctor's `OAuth refresh errors` print the login command themselves (§10.6, §10.8).
  stepCase(ctx) {
    const found = refreshFailure(ctx.view);
    return found?.printed ? 'printed' : found?.copy ? 'copy' : undefined;
  },
  values(ctx) {
    const found = refreshFailure(ctx.view);
    const provider = found?.provider;
    const relogin =
      provider === 'anthropic'
        ? versionAtLeast(ctx.view.version, VERSION.claudeCliMethod)
          ? '`openclaw models auth login --provider anthropic --method cli`'
          : '`claude setup-token`, then `openclaw models auth paste-token --provider anthropic`'
        : `\`openclaw models auth login --provider ${provider ?? '<provider>'}\``;
    return { '<provider>': provider, '<relogin>': relogin, '<printed-login>': found?.printed };
  },
};
