/**
 * Readings of the ≥8.1 `models status` sections and of `models auth list` that several rules
 * share: a route whose auth readiness is indeterminate with no credential line behind it, a
 * provider whose every profile is unavailable, and a profile id that still works.
 */
import type { FactOf } from '../../evidence/facts.ts';
import { providerOfModel } from '../signals.ts';
import type { EvidenceView } from '../view.ts';

type ModelsStatus = FactOf<'models_status'>;

/**
 * The first `Model route issues` line `[indeterminate] Auth readiness could not be confirmed …`
 * (≥8.1) for a provider that has no credential line (no profile, no env key): real 8.1 and 9.6
 * output for "nothing set up".
 */
export function unreadyRoute(status: ModelsStatus): NonNullable<ModelsStatus['routeIssues']>[number] | undefined {
  return status.routeIssues?.find((r) => {
    if (r.code !== 'indeterminate') return false;
    const p = providerOfModel(r.model);
    const line = status.providers.find((x) => x.provider === p);
    return p !== undefined && (!line || (line.profiles.length === 0 && !line.env && !line.modelsJson));
  });
}

/** Every stored profile of `provider` is in cooldown or disabled (≥8.1 then lists it under `Missing auth`). */
export function whollyUnusable(status: ModelsStatus, provider: string): boolean {
  const line = status.providers.find((p) => p.provider === provider);
  if (!line || line.profiles.length === 0 || line.env) return false;
  const unusable = new Set((status.unusableProfiles ?? []).map((u) => u.profileId));
  return line.profiles.every((p) => p.unusable || unusable.has(p.profileId));
}

/** A profile of `provider` that has a credential and is not on hold (from `models status` or `models auth list`). */
export function usableProfileId(view: EvidenceView, provider: string): string | undefined {
  const line = view.latest('models_status')?.providers.find((p) => p.provider === provider);
  const fromStatus = line?.profiles.find((p) => p.credential.form !== 'missing' && !p.unusable)?.profileId;
  if (fromStatus) return fromStatus;
  return view.latest('auth_list')?.profiles.find((p) => p.provider === provider && !p.state)?.profileId;
}
