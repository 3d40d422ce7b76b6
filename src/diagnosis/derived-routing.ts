/**
 * Derived facts of model routing (registered in ./derived.ts): which provider the models in use
 * route to, set against the providers set up, the order and the session's pin. Pure readers over
 * the view; each returns at most one item.
 */
import type { Fact } from '../evidence/facts.ts';
import { errorProvider, errorsWith, explicitOrder, providerOfModel, statements, threadProvider } from './signals.ts';
import type { DerivedItem } from './derived.ts';
import type { EvidenceView } from './view.ts';

type Reader = (view: EvidenceView) => DerivedItem[];

const item = (fields: Record<string, unknown>, ...facts: (Fact | undefined)[]): DerivedItem => ({
  fields,
  facts: facts.filter((f): f is Fact => f !== undefined),
});

/**
 * `default_without_auth`: in the newest `models status`, the first `Missing auth` provider that
 * the default or a fallback model routes to. Fields: `provider` (as printed), `other` (the first
 * provider with a credential — profile, env key or models.json — that no default or fallback
 * model uses; absent when none). Rests on that status.
 */
const defaultWithoutAuth: Reader = (view) => {
  const status = view.latest('models_status');
  if (!status) return [];
  const inUse = new Set([status.defaultModel, ...status.fallbacks].map(providerOfModel).filter((p) => p !== undefined));
  const missing = status.missingAuth.find((m) => inUse.has(m.provider.toLowerCase()));
  if (!missing) return [];
  const setUp = status.providers.filter((p) => p.profiles.length > 0 || p.env || p.modelsJson).map((p) => p.provider.toLowerCase());
  return [item({ provider: missing.provider, other: setUp.find((p) => !inUse.has(p)) }, status)];
};

/**
 * `said_other_provider`: the newest `No API key found for provider "<p>"` while the user said they
 * set up another provider (`configured_provider`; the first such statement, not a prefix of `<p>`).
 * Fields: `configured` (what they set up), `provider` (`<p>`). Rests on the statement and the error.
 */
const saidOtherProvider: Reader = (view) => {
  const err = errorsWith(view, 'no_api_key').at(-1);
  const provider = err ? errorProvider(err) : undefined;
  if (!provider) return [];
  const said = statements(view, 'configured_provider').find((s) => s.value && s.value !== provider && !provider.startsWith(s.value));
  return said ? [item({ configured: said.value, provider }, said, err)] : [];
};

/**
 * `session_profile`: the profile the chat session uses — the newest `/status` card's, else the
 * newest error line naming one — beside the explicit order (`models auth order get|set`) of the
 * thread's provider (anthropic when none is named). Only when both are known. Fields: `provider`,
 * `used`, `order` (`a, b`), `inOrder` (the order lists `used`; when not, a per-session pin wins,
 * §3.3 step 4). Rests on the order and on the card (when one is pasted), else the error line.
 */
const sessionProfile: Reader = (view) => {
  const provider = threadProvider(view) ?? 'anthropic';
  const order = explicitOrder(view, provider);
  if (!order?.order?.length) return [];
  const card = view.latest('status_card');
  const err = view.all('provider_error').filter((e) => e.profileId).at(-1);
  const used = card?.profileId ?? err?.profileId;
  if (!used) return [];
  return [item({ provider, used, order: order.order.join(', '), inOrder: order.order.includes(used) }, order.fact, card ?? err)];
};

/**
 * `codex_route`: the newest `models status` read for OpenAI / Codex routing. Fields:
 * `defaultModel`; `codexProfiles` (an `openai-codex` line holds a profile); `openaiMissing`
 * (`Missing auth` lists `openai`); `staleRef` (the default or a `Model route issues` model that
 * is an `openai-codex/…` ref, which has no route from 2026.6.1; absent when none). Rests on it.
 */
const codexRoute: Reader = (view) => {
  const status = view.latest('models_status');
  if (!status) return [];
  const staleRef = [status.defaultModel, ...(status.routeIssues ?? []).map((r) => r.model)].find((m) => m?.startsWith('openai-codex/'));
  const codexProfiles = status.providers.some((p) => p.provider === 'openai-codex' && p.profiles.length > 0);
  const openaiMissing = status.missingAuth.some((m) => m.provider === 'openai');
  return [item({ defaultModel: status.defaultModel, codexProfiles, openaiMissing, staleRef }, status)];
};

/** The routing rules' derived fact kinds, by name (spread into ./derived.ts `DERIVED`). */
export const ROUTING_READERS: Record<string, Reader> = {
  default_without_auth: defaultWithoutAuth,
  said_other_provider: saidOtherProvider,
  session_profile: sessionProfile,
  codex_route: codexRoute,
};
