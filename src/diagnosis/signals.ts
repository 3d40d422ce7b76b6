/**
 * Readers shared by the rules: they turn the view's typed facts into the questions a helper asks
 * ("which profile does OpenClaw send?", "is this an Anthropic auth failure?"). Pure; each takes an
 * `EvidenceView` and never throws. Formats: the captures under test/fixtures/evidence/.
 */
import { withoutStrayClose } from '../text/quote-marks.ts';
import { type Message, text } from './reason.ts';
import type { Credential, Fact, FactOf, ProfileLabel, ProviderAuth, StatementTopic } from '../evidence/facts.ts';
import type { Because } from './types.ts';
import { type EvidenceView, perView } from './view.ts';

export type ErrorFact = FactOf<'provider_error'>;
export type StatusFact = FactOf<'models_status'>;

/** A `Because` quoting the facts it rests on. */
export function because(reason: Message | string, ...facts: (Fact | undefined)[]): Because {
  return {
    reason: typeof reason === 'string' ? text(reason) : reason,
    sources: facts.filter((f): f is Fact => f !== undefined).map((f) => ({ ...f.source })),
  };
}

/** Codes that mean "the provider rejected the credential" (401/403 readings, §4.3 auth). */
const AUTH_CODES = new Set<ErrorFact['code']>([
  'invalid_x_api_key',
  'invalid_bearer_token',
  'authentication_error',
  'permission_error',
  'invalid_api_key',
  'provider_key_invalid',
  'oauth_org_not_allowed',
]);

/** True for an error line that is a rejected credential (not billing, not limits). */
export function isAuthRejection(e: ErrorFact): boolean {
  return AUTH_CODES.has(e.code) || ((e.httpStatus === 401 || e.httpStatus === 403) && e.code === 'unknown');
}

/** Provider of a `provider/model` ref, or undefined. */
export function providerOfModel(model: string | undefined): string | undefined {
  if (!model) return undefined;
  const i = model.indexOf('/');
  return i > 0 ? model.slice(0, i).toLowerCase() : undefined;
}

/** The provider an error line is about: named, from its model, or Anthropic for x-api-key. */
export function errorProvider(e: ErrorFact): string | undefined {
  if (e.provider) return e.provider.toLowerCase();
  const fromModel = providerOfModel(e.model);
  if (fromModel) return fromModel;
  if (e.code === 'invalid_x_api_key') return 'anthropic';
  if (e.profileId?.includes(':')) return e.profileId.split(':')[0];
  return undefined;
}

/**
 * The provider the thread is about: the newest error's, else the TUI footer's, the `/status`
 * card's, or the default model's. Null when nothing names one. Once per view: `isAnthropicError`
 * asks for every error line without a provider (a 1 MB log of them took minutes before).
 */
export const threadProvider: (view: EvidenceView) => string | null = perView((view) => findThreadProvider(view));

function findThreadProvider(view: EvidenceView): string | null {
  const errs = view.all('provider_error');
  for (let i = errs.length - 1; i >= 0; i--) {
    const p = errorProvider(errs[i]!);
    if (p) return p;
  }
  const footer = view.latest('tui_footer');
  if (footer?.provider) return footer.provider.toLowerCase();
  const card = providerOfModel(view.latest('status_card')?.model);
  if (card) return card;
  const status = providerOfModel(view.latest('models_status')?.defaultModel);
  if (status) return status;
  // Prose: a `provider/model` ref, a key prefix, an env var name or a base URL (oldest message first).
  const named = statements(view, 'provider_named')[0]?.value;
  if (named) return named;
  const profile = statements(view, 'stored_profile')[0]?.value;
  return profile ? (profile.split(':')[0] as string) : null;
}

/** Is this error (or, with no provider named, the thread) about Anthropic? */
export function isAnthropicError(view: EvidenceView, e: ErrorFact): boolean {
  // Unnamed provider: the thread's, else Anthropic (`authentication_error` is Anthropic's error type).
  const p = errorProvider(e) ?? threadProvider(view) ?? 'anthropic';
  return p === 'anthropic';
}

/** Non-usage auth rejections from Anthropic (chat runs, gateway, raw SDK bodies). */
export function anthropicRejections(view: EvidenceView): ErrorFact[] {
  return view.all('provider_error').filter((e) => e.wrapper !== 'usage' && isAuthRejection(e) && isAnthropicError(view, e));
}

/** The `invalid x-api-key` family: Anthropic rejected what was sent as an API key. */
export function xApiKeyRejections(view: EvidenceView): ErrorFact[] {
  return anthropicRejections(view).filter((e) => e.code !== 'invalid_bearer_token' && e.code !== 'permission_error' && e.code !== 'oauth_org_not_allowed');
}

export function errorsWith(view: EvidenceView, ...codes: ErrorFact['code'][]): ErrorFact[] {
  return view.all('provider_error').filter((e) => codes.includes(e.code));
}

/** The newest models-status provider line for `provider`, with the fact it came from. */
export function providerLine(view: EvidenceView, provider: string): { status: StatusFact; line: ProviderAuth } | undefined {
  const all = view.all('models_status');
  for (let i = all.length - 1; i >= 0; i--) {
    const line = all[i]!.providers.find((p) => p.provider.toLowerCase() === provider);
    if (line) return { status: all[i]!, line };
  }
  return undefined;
}

/** Head of a masked credential (`sk-ant-a` of `sk-ant-a...Qx7Lm2Ab`), or undefined. */
export function maskHead(c: Credential | undefined): string | undefined {
  return c?.form === 'masked' ? c.head : undefined;
}

/**
 * A mask's head that no key can start with (§1.3): whitespace, quotes, `=`, `:` or other
 * characters keys never hold. Seed 001: `API sk-a..._HeoVAAA`, the label pasted with the key.
 */
export function impossibleHead(head: string): boolean {
  return head.length > 0 && !/^[A-Za-z0-9_-]+$/.test(head);
}

/** Foreign prefixes for an Anthropic credential (OpenRouter, OpenAI, Groq, Google, Kimi …). */
const FOREIGN_FOR_ANTHROPIC = [/^sk-or-/, /^sk-proj/, /^sk-kimi/, /^sk-cp-/, /^sk-api-/, /^gsk_/, /^AIza/, /^xai-/, /^pplx-/];

/** True when `head` (a mask head) cannot be a key of `provider`. */
export function foreignHead(provider: string, head: string): boolean {
  if (impossibleHead(head)) return false;
  if (provider === 'anthropic') {
    if (head.startsWith('sk-ant-') || 'sk-ant-'.startsWith(head)) return false;
    // A key without its `sk-ant-` prefix (`api03-Ab`), or another provider's (`sk-or-v1`).
    return FOREIGN_FOR_ANTHROPIC.some((re) => re.test(head)) || /^(api|oat)\d/.test(head) || /^sk-[A-Za-z0-9]{5}/.test(head);
  }
  if (provider === 'openrouter') return head.startsWith('sk-ant-') || head.startsWith('sk-proj');
  if (provider === 'moonshot') return head.startsWith('sk-kimi') || head.startsWith('sk-ant-') || head.startsWith('sk-or-');
  if (provider === 'openai') return head.startsWith('sk-ant-') || head.startsWith('sk-or-');
  return false;
}

const TYPE_RANK: Record<ProfileLabel['type'], number> = { oauth: 0, token: 1, api_key: 2, unknown: 3 };

/** The explicit order for a provider: the newest `order get`/`order set` output, if any. */
export function explicitOrder(view: EvidenceView, provider: string): { order: string[] | null; fact: Fact } | undefined {
  const facts: Fact[] = [
    ...view.all('auth_order').filter((o) => !o.provider || o.provider.toLowerCase() === provider),
    ...view.all('auth_order_changed').filter((o) => !o.provider || o.provider.toLowerCase() === provider),
  ];
  const rec = view.records
    .filter((r) => !r.stale && facts.includes(r.fact))
    .sort((a, b) => a.seq - b.seq)
    .at(-1);
  if (!rec) return undefined;
  const f = rec.fact;
  if (f.kind === 'auth_order') return { order: f.order, fact: f };
  if (f.kind === 'auth_order_changed') return { order: f.action === 'clear' ? null : f.order, fact: f };
  return undefined;
}

/**
 * The profile OpenClaw sends for a provider line (§3.3): the first of an explicit order when one
 * is known, else by type oauth > token > api_key (ties: insertion order), usable ones first.
 */
export function profileInUse(view: EvidenceView, line: ProviderAuth): ProfileLabel | undefined {
  const ordered = explicitOrder(view, line.provider.toLowerCase());
  const candidates = line.profiles.filter((p) => p.credential.form !== 'missing');
  if (ordered?.order?.length) {
    const listed = ordered.order.map((id) => candidates.find((p) => p.profileId === id)).filter((p) => p !== undefined);
    return listed.find((p) => !p.unusable) ?? listed[0];
  }
  const sorted = [...candidates].sort((a, b) => {
    const u = Number(!!a.unusable) - Number(!!b.unusable);
    return u !== 0 ? u : TYPE_RANK[a.type] - TYPE_RANK[b.type];
  });
  return sorted[0];
}

/** The credential a provider line resolves to: the profile in use, else env, else models.json. */
export function effectiveCredential(
  view: EvidenceView,
  line: ProviderAuth,
): { source: 'profile'; profile: ProfileLabel } | { source: 'env' | 'models.json'; credential: Credential } | undefined {
  const profile = profileInUse(view, line);
  if (profile) return { source: 'profile', profile };
  if (line.env) return { source: 'env', credential: line.env.credential };
  if (line.modelsJson) return { source: 'models.json', credential: line.modelsJson.credential };
  return undefined;
}

/** Non-stale statements on a topic, newest last. */
export function statements(view: EvidenceView, ...topics: StatementTopic[]): FactOf<'statement'>[] {
  return view.all('statement').filter((s) => topics.includes(s.topic));
}

/** Position (seq) of the newest record holding a fact matching `pred`, or -1. */
export function lastSeq(view: EvidenceView, pred: (f: Fact) => boolean): number {
  let seq = -1;
  for (const r of view.records) if (!r.stale && pred(r.fact)) seq = Math.max(seq, r.seq);
  return seq;
}

/** The user's OS when they said or showed it. */
export function userOs(view: EvidenceView): 'macos' | 'linux' | 'windows' | 'wsl' | null {
  const env = view.all('environment').filter((e) => e.os).at(-1);
  if (env?.os) return env.os;
  const said = statements(view, 'os').at(-1)?.value?.toLowerCase();
  if (said === 'macos' || said === 'linux' || said === 'windows' || said === 'wsl') return said;
  return null;
}

/** True / false when the thread shows whether the gateway is remote; null when unknown. */
export function gatewayRemote(view: EvidenceView): boolean | null {
  // The TUI header's URL is the gateway's address: it beats what the user says ("on my laptop").
  const header = view.latest('tui_header');
  if (header) return header.remote;
  const said = statements(view, 'gateway_local', 'gateway_remote').at(-1);
  return said ? said.topic === 'gateway_remote' : null;
}

/** The agent id the thread is about when it is not `main` (error store path, `--agent`, footer). */
export function nonMainAgent(view: EvidenceView): { id: string; fact: Fact } | undefined {
  for (const e of [...view.all('provider_error')].reverse()) if (e.agentId && e.agentId !== 'main') return { id: e.agentId, fact: e };
  for (const s of [...view.all('models_status')].reverse()) if (s.agentId && s.agentId !== 'main') return { id: s.agentId, fact: s };
  for (const o of [...view.all('auth_order')].reverse()) if (o.agentId && o.agentId !== 'main') return { id: o.agentId, fact: o };
  const footer = view.latest('tui_footer');
  if (footer && footer.agentId !== 'main') return { id: footer.agentId, fact: footer };
  return undefined;
}

/** Short, single-line excerpt of an error for quoting (never more than `max` characters). */
export function excerpt(text: string, max = 110): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** The error line as the user saw it, shortened: `HTTP 401 authentication_error: invalid x-api-key`. */
export function errorQuote(e: ErrorFact): string {
  const head = e.httpStatus ? `${e.httpStatus} ` : '';
  const type = e.errorType ? `${e.errorType}: ` : '';
  return excerpt(`${head}${type}${withoutStrayClose(e.message)}`);
}


