/**
 * What says an OAuth login could not be refreshed (catalog v2 oauth_refresh_failed): the error
 * text, the ≥4.12 chat copy and doctor's `OAuth refresh errors` entries, with the login command
 * the copy or doctor line prints itself.
 */
import type { Fact } from '../../evidence/facts.ts';
import { errorProvider, errorQuote, errorsWith } from '../signals.ts';
import type { EvidenceView } from '../view.ts';

/** A login command the copy or doctor line prints itself: `openclaw models auth login --provider <p> [--profile-id '<id>']`. */
const PRINTED_LOGIN = /`(openclaw models auth login --provider [^`]{1,200})`/;

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
    const printed = PRINTED_LOGIN.exec(copy.message)?.[1];
    return { fact: copy, quote: errorQuote(copy), ...(errorProvider(copy) ? { provider: errorProvider(copy)! } : {}), copy: true, ...(printed ? { printed } : {}) };
  }
  for (const doctor of view.all('doctor').toReversed()) {
    const entry = doctor.entries.filter((e) => e.status === 're-auth required' || e.status === 'OAuth refresh failed').at(-1);
    if (!entry) continue;
    const printed = PRINTED_LOGIN.exec(entry.hint ?? '')?.[1];
    return { fact: doctor, quote: `${entry.profileId}: ${entry.status}${entry.reasonCode ? ` [${entry.reasonCode}]` : ''}`, provider: entry.profileId.split(':')[0]!, copy: true, ...(printed ? { printed } : {}) };
  }
  return undefined;
}
