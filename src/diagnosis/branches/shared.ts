/** Readers and texts shared by several rule families. Pure. */
import type { Credential, ProfileLabel, ProviderAuth } from '../../evidence/facts.ts';
import { anthropicRejections, type ErrorFact, errorsWith, effectiveCredential, statements } from '../signals.ts';
import type { EvidenceView } from '../view.ts';

/** Sets the key in the current shell without echoing it (no clipboard, no history). */
export const READ_KEY = 'read -rs ANTHROPIC_API_KEY && export ANTHROPIC_API_KEY';

/** Writes `$ANTHROPIC_API_KEY` into the `anthropic:default` api_key profile (§5). */
export const ONBOARD_WITH_ENV_KEY = 'openclaw onboard --non-interactive --accept-risk --anthropic-api-key "$ANTHROPIC_API_KEY"';

/** `where` test: the field is present (any string). */
export const PRESENT = { re: '^' };

/** A mask head no key can start with (§1.3): whitespace, quotes, `=`, `:` … (`API sk-a`; see `impossibleHead`). */
export const IMPOSSIBLE_HEAD = '[^A-Za-z0-9_-]';

/** A well-formed Anthropic API key's head (`sk-ant-a…`, only key characters). */
export const WELL_FORMED_KEY = '^sk-ant-a[A-Za-z0-9_-]*$';

/** The "only `models status` can tell" reason (the signal form of `notSeenYet`), on an `x_api_key_rejection`. */
export const NOT_SEEN_YET = '`{quote}` says the credential was rejected; which one OpenClaw sends shows only in `openclaw models status`.';
export const NOT_SEEN_YET_TEXT = '`401 … invalid x-api-key` before any `models status`: which credential was sent is not known yet';

/** `profileId=mask` (or `env=mask`) as models status prints it. */
export function credentialLabel(eff: NonNullable<ReturnType<typeof effectiveCredential>>): string {
  if (eff.source === 'profile') return profileLabel(eff.profile);
  return `${eff.source === 'env' ? 'env' : 'models.json'}=${credentialText(eff.credential)}`;
}

export function credentialText(c: Credential): string {
  switch (c.form) {
    case 'masked':
      return c.mask;
    case 'ref':
      return `ref(${c.source}:${c.id})`;
    case 'marker':
      return `marker(${c.value})`;
    case 'oauth':
      return c.email ? `OAuth (${c.email})` : 'OAuth';
    case 'user_redacted':
      return c.text;
    default:
      return 'missing';
  }
}

export function profileLabel(p: ProfileLabel): string {
  return `${p.profileId}=${p.type === 'token' ? 'token:' : ''}${credentialText(p.credential)}`;
}

/** A failure is still being reported: a rejected credential, "still the same error", a TUI run error. */
export function failureSeen(view: EvidenceView): boolean {
  return (
    anthropicRejections(view).length > 0 ||
    statements(view, 'still_failing', 'didnt_work').length > 0 ||
    view.all('tui_status').some((s) => s.activity === 'error')
  );
}

/**
 * The profile the user just fixed: one whose mask changed between an older and the newest
 * `models status` (seed 001: `API sk-a…` → `sk-ant-a…`), else `<provider>:default` after a
 * re-onboarding (onboarding writes that id, §3.1).
 */
export function fixedProfile(view: EvidenceView, line: ProviderAuth): string | undefined {
  const provider = line.provider.toLowerCase();
  const older = view.history('models_status').slice(0, -1);
  for (const s of older.reverse()) {
    const old = s.providers.find((p) => p.provider.toLowerCase() === provider);
    for (const p of line.profiles) {
      const before = old?.profiles.find((q) => q.profileId === p.profileId);
      if (before && credentialText(before.credential) !== credentialText(p.credential)) return p.profileId;
    }
  }
  if (statements(view, 'reonboarded', 'edited_key').length > 0) {
    return line.profiles.find((p) => p.profileId === `${provider}:default` && p.type === 'api_key')?.profileId;
  }
  return undefined;
}

/** `No API key found` errors of the main agent (an `Auth store` of another agent is agent_auth_missing). */
export const mainNoKey = (view: EvidenceView): ErrorFact[] =>
  errorsWith(view, 'no_api_key', 'no_api_key_resolved', 'no_auth_configured').filter((e) => !e.agentId || e.agentId === 'main');
