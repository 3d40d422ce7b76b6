/**
 * Derived facts: what the rules used to compute in code, as named readers the signal matcher
 * (./patterns.ts) exposes as fact kinds. A signal `{ fact: 'unusable_profile', where: { kind:
 * 'disabled' } }` tests a derived fact exactly as it tests a parsed one. Each reader is a pure
 * function of the view returning items oldest first (the matcher takes the newest that passes):
 * the fields a pattern may test, and the parsed facts the item rests on (the reply quotes them).
 *
 * Error lines also get computed fields beside their parsed ones (`errorFields`): `rejection`
 * (the provider refused the credential), `errorProvider` (named, from the model, or Anthropic for
 * x-api-key), `threadProvider` (that, else the thread's). Add a reader here, documented with its fields, rather than a `when` in a rule.
 */
import type { Fact } from '../evidence/facts.ts';
import { type ErrorFact, errorProvider, isAuthRejection, threadProvider } from './signals.ts';
import { claudeCliRoute } from './symptoms.ts';
import type { EvidenceView } from './view.ts';

/** One derived fact: its fields (what `where` tests, what templates quote) and the facts it rests on. */
export interface DerivedItem {
  fields: Record<string, unknown>;
  facts: Fact[];
}

type Reader = (view: EvidenceView) => DerivedItem[];

/**
 * `unusable_profile`: a profile OpenClaw will not send now, from a `models status` label suffix
 * (`[cooldown 25m]`, `[disabled:billing 5h]`) or the ≥8.1 `Unavailable auth profiles` /
 * `--json` `unusableProfiles`. Fields: `provider`, `profileId`, `kind` (`cooldown` | `disabled`),
 * `reason?`, `label` (as the user reads it: `anthropic:default [disabled:billing 5h]`, or
 * `anthropic:default disabled (billing)` from the section). Per status (oldest first) the section
 * comes before the labels and the labels go last-to-first, so the newest-wins matcher takes the
 * newest status's first label, else its first section entry.
 */
const unusableProfile: Reader = (view) =>
  view.all('models_status').flatMap((s) => {
    const section = (s.unusableProfiles ?? []).map((u) => ({
      facts: [s],
      fields: { provider: u.profileId.split(':')[0] ?? '', profileId: u.profileId, kind: u.kind, reason: u.reason, label: `${u.profileId} ${u.kind}${u.reason ? ` (${u.reason})` : ''}` },
    }));
    const labels = s.providers.flatMap((line) =>
      line.profiles.flatMap((p) =>
        p.unusable
          ? [
              {
                facts: [s] as Fact[],
                fields: {
                  provider: line.provider,
                  profileId: p.profileId,
                  kind: p.unusable.kind,
                  reason: p.unusable.reason,
                  label: `${p.profileId} [${p.unusable.kind}${p.unusable.reason ? `:${p.unusable.reason}` : ''} ${p.unusable.remaining}]`,
                },
              },
            ]
          : [],
      ),
    );
    return [...section.reverse(), ...labels.reverse()];
  });

/**
 * `claude_cli_route`: the model runs on the Claude CLI runtime (symptoms.ts `claudeCliRoute`): a
 * `/status` card or TUI footer on `claude-cli`, an error naming it, or the user saying so. One item
 * at most; its fields are those of the fact that shows it (`kind` tells which).
 */
const claudeCliRouteFact: Reader = (view) => {
  const f = claudeCliRoute(view);
  return f ? [{ fields: f as never, facts: [f] }] : [];
};

/** The derived fact kinds, by name. */
export const DERIVED: Record<string, Reader> = {
  unusable_profile: unusableProfile,
  claude_cli_route: claudeCliRouteFact,
};

/** True when `kind` names a derived fact. */
export const isDerived = (kind: string): boolean => Object.hasOwn(DERIVED, kind);

/**
 * An error line's fields for `where`: the parsed ones plus `rejection` (true when the provider
 * refused the credential: an auth code, or a bare 401/403), `errorProvider` (the provider the
 * line is about, or undefined) and `threadProvider` (that, else the thread's provider: a TUI
 * footer's, a `/status` card's, the default model's, one named in prose; or undefined).
 */
export function errorFields(view: EvidenceView, e: ErrorFact): Record<string, unknown> {
  const provider = errorProvider(e);
  return { ...e, rejection: isAuthRejection(e), errorProvider: provider, threadProvider: provider ?? threadProvider(view) ?? undefined };
}
