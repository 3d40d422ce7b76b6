/**
 * Derived facts: what the rules used to compute in code, as named readers the signal matcher
 * (./patterns.ts) exposes as fact kinds. A signal `{ fact: 'unusable_profile', where: { kind:
 * 'disabled' } }` tests a derived fact exactly as it tests a parsed one. Each reader is a pure
 * function of the view returning items oldest first (the matcher takes the newest that passes):
 * the fields a pattern may test, and the parsed facts the item rests on (the reply quotes them).
 *
 * Error lines also get computed fields beside their parsed ones (`errorFields`): `rejection`
 * (the provider refused the credential), `errorProvider` (named, from the model, or Anthropic for
 * x-api-key), `threadProvider` (that, else the thread's). What several facts say together is a reader here, documented with its fields; rules stay data.
 */
import type { Fact, FactOf } from '../evidence/facts.ts';
import { type ErrorFact, errorProvider, isAuthRejection, maskHead, providerOfModel, threadProvider } from './signals.ts';
import { claudeCliRoute } from './symptoms.ts';
import { type EvidenceView, perView } from './view.ts';
import { CREDENTIAL_READERS } from './derived-credentials.ts';
import { SETUP_READERS } from './derived-setup.ts';
import { ENV_READERS } from './derived-env.ts';
import { STORE_READERS } from './derived-store.ts';
import { ROUTING_READERS } from './derived-routing.ts';

/** One derived fact: its fields (what `where` tests, what templates quote) and the facts it rests on. */
export interface DerivedItem {
  fields: Record<string, unknown>;
  facts: Fact[];
}

type Reader = (view: EvidenceView) => DerivedItem[];

/**
 * `unusable_profile`: a profile OpenClaw will not send now, from a `models status` label suffix
 * (`[cooldown 25m]`, `[disabled:billing 5h]`), the ≥8.1 `Unavailable auth profiles` /
 * `--json` `unusableProfiles`, or a `models auth list` line (`[anthropic/api_key; cooldown:auth
 * until <ISO>]`). Fields: `provider`, `profileId`, `kind` (`cooldown` | `disabled`), `reason?`,
 * `label` (as the user reads it: `anthropic:default [disabled:billing 5h]`, or `anthropic:default
 * disabled (billing)` from the section). Pastes go oldest first; within a status the section comes
 * before the labels and the labels (and a list's lines) go last-to-first, so the newest-wins
 * matcher takes the newest paste's first label, else its first section entry.
 */
const unusableProfile: Reader = (view) => {
  const pastes = [
    ...view.recordsOf('models_status').map((r) => ({ r, items: statusUnusable(r.fact) })),
    ...view.recordsOf('auth_list').map((r) => ({ r, items: listUnusable(r.fact) })),
  ];
  pastes.sort((a, b) => a.r.seq - b.r.seq || a.r.fact.source.lineStart - b.r.fact.source.lineStart);
  return pastes.flatMap((p) => p.items);
};

function statusUnusable(s: FactOf<'models_status'>): DerivedItem[] {
  const section = (s.unusableProfiles ?? []).map((u) => ({
    facts: [s],
    fields: { provider: u.profileId.split(':')[0] ?? '', profileId: u.profileId, kind: u.kind, reason: u.reason, label: `${u.profileId} ${u.kind}${u.reason ? ` (${u.reason})` : ''}` },
  }));
  const labels = s.providers.flatMap((line) =>
    line.profiles.flatMap((p) => {
      if (!p.unusable) return [];
      const { kind, reason, remaining } = p.unusable;
      return [{ facts: [s] as Fact[], fields: { provider: line.provider, profileId: p.profileId, kind, reason, label: `${p.profileId} [${kind}${reason ? `:${reason}` : ''} ${remaining}]` } }];
    }),
  );
  return [...section.reverse(), ...labels.reverse()];
}

function listUnusable(list: FactOf<'auth_list'>): DerivedItem[] {
  return list.profiles
    .flatMap((p) => {
      const state = p.state;
      if (state?.kind !== 'cooldown' && state?.kind !== 'disabled') return [];
      const label = `${p.profileId} [${p.provider}/${p.type}; ${state.kind}${state.reason ? `:${state.reason}` : ''}${state.until ? ` until ${state.until}` : ''}]`;
      return [{ facts: [list] as Fact[], fields: { provider: p.provider, profileId: p.profileId, kind: state.kind, reason: state.reason, label } }];
    })
    .reverse();
}

/**
 * `claude_cli_route`: the model runs on the Claude CLI runtime (symptoms.ts `claudeCliRoute`): a
 * `/status` card or TUI footer on `claude-cli`, an error naming it, or the user saying so. One item
 * at most; its fields are those of the fact that shows it (`kind` tells which).
 */
const claudeCliRouteFact: Reader = (view) => {
  const f = claudeCliRoute(view);
  return f ? [{ fields: f as never, facts: [f] }] : [];
};

/**
 * `stored_profile`: a credential profile the thread shows stored, from a `models status` provider
 * line, a pasted auth-profiles.json, or the user naming one (`anthropic:manual`). Fields:
 * `provider` (lower case; for a file or a name, the id's prefix), `profileId`, `type?`
 * (`api_key` | `token` | `oauth`), `head` (the masked value's head, `''` when none shows), `from`
 * (`models_status` | `auth_profiles_json` | `statement`). Thread order.
 */
const storedProfile: Reader = (view) =>
  view.records
    .filter((r) => !r.stale)
    .flatMap(({ fact: f }): DerivedItem[] => {
      if (f.kind === 'models_status') {
        return f.providers.flatMap((line) =>
          line.profiles.map((p) => ({ facts: [f], fields: { provider: line.provider.toLowerCase(), profileId: p.profileId, type: p.type, head: maskHead(p.credential) ?? '', from: f.kind } })),
        );
      }
      if (f.kind === 'auth_profiles_json') {
        return f.profiles.map((p) => ({ facts: [f], fields: { provider: p.profileId.split(':')[0], profileId: p.profileId, type: p.type, head: p.valueHead ?? '', from: f.kind } }));
      }
      if (f.kind === 'statement' && f.topic === 'stored_profile' && f.value) {
        return [{ facts: [f], fields: { provider: f.value.split(':')[0], profileId: f.value, head: '', from: 'statement' } }];
      }
      return [];
    });

/**
 * `model_ref`: a `provider/model` ref the thread runs on: the newest `models status` default and
 * fallbacks, the TUI footer's model, the models error lines name. Fields: `ref`, `provider` (its
 * prefix, lower case), `model` (after the `/`, lower case), `from` (the fact kind). Ordered so
 * the newest-wins matcher takes the default model first, then the fallbacks, the footer, the
 * error lines (the order the old check read them).
 */
const modelRef: Reader = (view) => {
  const status = view.latest('models_status');
  const footer = view.latest('tui_footer');
  const refs: { ref: string; fact: Fact }[] = [];
  if (status?.defaultModel) refs.push({ ref: status.defaultModel, fact: status });
  for (const f of status?.fallbacks ?? []) refs.push({ ref: f, fact: status! });
  if (footer?.model) refs.push({ ref: footer.model.includes('/') ? footer.model : `${footer.provider ?? ''}/${footer.model}`, fact: footer });
  for (const e of view.all('provider_error')) if (e.model) refs.push({ ref: e.model, fact: e });
  return refs
    .map(({ ref, fact }) => ({ facts: [fact], fields: { ref, provider: providerOfModel(ref), model: ref.slice(ref.indexOf('/') + 1).toLowerCase(), from: fact.kind } }))
    .reverse();
};

/**
 * `thread_version`: what the thread says of the OpenClaw version (`view.versionRange`: an exact
 * version printed or named, else the bounds output shapes allow). One item, always. Fields: `min`,
 * `max` (release versions; absent when open). Rests on no fact. A signal's `versions` skips only
 * where the thread cannot be on them; `with: { fact: 'thread_version', where: { min: { atLeast } } }`
 * asks that the thread be KNOWN to be on them.
 */
const threadVersion: Reader = (view) => [{ fields: { ...view.versionRange }, facts: [] }];

/** The derived fact kinds, by name; each read once per view (several signals ask for the same kind). */
export const DERIVED: Record<string, Reader> = perKind({
  ...CREDENTIAL_READERS,
  ...SETUP_READERS,
  ...ENV_READERS,
  unusable_profile: unusableProfile,
  claude_cli_route: claudeCliRouteFact,
  stored_profile: storedProfile,
  model_ref: modelRef,
  thread_version: threadVersion,
  ...STORE_READERS,
  ...ROUTING_READERS,
});

function perKind(readers: Record<string, Reader>): Record<string, Reader> {
  return Object.fromEntries(Object.entries(readers).map(([kind, read]) => [kind, perView(read)]));
}

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
