/**
 * `openclaw models status --json` (§1.9, §10.3; OpenClaw 2026.3.13 to 2026.9.6), pasted whole or
 * in part: the whole object, or bare `auth.providers[]` entries (a partial paste), into the same
 * `models_status` fact as the text form (`format: "json"`). Labels are the text output's strings
 * (§1.3). ≥8.1 adds `utilityModel`, `auth.modelRouteIssues` (`{kind, provider, model, message}`),
 * `auth.runtimeAuthRoutes` and `auth.unusableProfiles[].recoveryHint`.
 */
import { parseCredential } from './credential.ts';
import { agentIdFromPath, spanOf, type Parser } from './context.ts';
import type { Fact, FactOf, ProviderAuth } from './facts.ts';
import { findJsonBlocks } from './json-blocks.ts';
import type { PreparedLine } from './lines.ts';
import { parseLabel } from './provider-line.ts';

type ModelsStatus = FactOf<'models_status'>;
type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const strings = (v: unknown): string[] => arr(v).filter((x): x is string => typeof x === 'string');

/** `formatRemainingShort`: `Nm` under an hour, `Nh` under 48 h, else `Nd` (§1.5). */
export function formatRemaining(ms: number): string {
  if (!(ms > 0)) return '0m';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.round(ms / 3_600_000);
  return hours < 48 ? `${hours}h` : `${Math.round(ms / 86_400_000)}d`;
}

function provider(p: Obj): ProviderAuth | null {
  const name = str(p.provider);
  if (!name) return null;
  const out: ProviderAuth = { provider: name, profiles: [] };
  const eff = isObj(p.effective) ? p.effective : undefined;
  const kind = str(eff?.kind);
  if (kind === 'profiles' || kind === 'env' || kind === 'models.json' || kind === 'missing') out.effective = { kind, detail: str(eff?.detail) ?? '' };
  if (isObj(p.profiles)) {
    const c = p.profiles;
    if (typeof c.count === 'number') out.counts = { total: c.count, oauth: Number(c.oauth ?? 0), token: Number(c.token ?? 0), apiKey: Number(c.apiKey ?? 0) };
    for (const label of strings(c.labels)) {
      const parsed = parseLabel(label);
      if (parsed) out.profiles.push(parsed);
    }
  }
  if (isObj(p.env) && typeof p.env.value === 'string') {
    const env: NonNullable<ProviderAuth['env']> = { credential: parseCredential(p.env.value) };
    const source = /^(shell env|env): ?(.*)$/.exec(str(p.env.source) ?? '');
    if (source) {
      env.origin = source[1] as 'env' | 'shell env';
      env.variable = (source[2] as string).trim();
    }
    out.env = env;
  }
  if (isObj(p.modelsJson) && typeof p.modelsJson.value === 'string') out.modelsJson = { credential: parseCredential(p.modelsJson.value) };
  return out;
}

const STATUSES = new Set(['ok', 'expiring', 'expired', 'static', 'unknown', 'missing']);

function oauthStatus(oauth: Obj): ModelsStatus['oauthStatus'] {
  return arr(oauth.providers).filter(isObj).map((p) => ({
    provider: str(p.provider) ?? '',
    profiles: arr(p.profiles)
      .filter(isObj)
      .map((q) => {
        const entry: ModelsStatus['oauthStatus'][number]['profiles'][number] = {
          profileId: str(q.profileId) ?? '',
          status: (STATUSES.has(str(q.status) ?? '') ? q.status : 'unknown') as 'ok',
        };
        if (typeof q.remainingMs === 'number' && q.status !== 'static') entry.expires = formatRemaining(q.remainingMs);
        return entry;
      }),
  }));
}

function probes(p: unknown): ModelsStatus['probes'] {
  if (!isObj(p)) return [];
  return arr(p.results).filter(isObj).map((r) => {
    const row: ModelsStatus['probes'][number] = {
      model: `${str(r.provider) ?? '-'}/${str(r.model) ?? '-'}`,
      profile: str(r.profileId) ?? str(r.source) ?? str(r.label) ?? '-',
      status: str(r.status) ?? 'unknown',
    };
    if (str(r.mode)) row.mode = r.mode as string;
    if (str(r.reasonCode)) row.reasonCode = r.reasonCode as string;
    if (str(r.error)) row.detail = r.error as string;
    return row;
  });
}

function whole(v: Obj, first: PreparedLine, last: PreparedLine, ctx: { messageId: string }): ModelsStatus {
  const auth = isObj(v.auth) ? v.auth : {};
  const f: ModelsStatus = {
    kind: 'models_status', source: spanOf(ctx, first, last), confidence: 1, format: 'json',
    fallbacks: strings(v.fallbacks),
    providers: arr(auth.providers).filter(isObj).map(provider).filter((p): p is ProviderAuth => p !== null),
    missingAuth: strings(auth.missingProvidersInUse).map((p) => ({ provider: p })),
    oauthStatus: isObj(auth.oauth) ? oauthStatus(auth.oauth) : [],
    probes: probes(v.probes),
    partial: !isObj(v.auth) || str(v.configPath) === undefined,
  };
  const agentDir = str(v.agentDir);
  const agentId = str(v.agentId) ?? (agentDir ? agentIdFromPath(agentDir) : undefined);
  if (agentId) f.agentId = agentId;
  if (agentDir) f.agentDir = agentDir;
  if (str(v.configPath)) f.configPath = v.configPath as string;
  const model = str(v.resolvedDefault) ?? str(v.defaultModel);
  if (model) f.defaultModel = model;
  if (isObj(auth.shellEnvFallback)) f.shellEnv = { enabled: auth.shellEnvFallback.enabled === true, applied: strings(auth.shellEnvFallback.appliedKeys) };
  const unusable = arr(auth.unusableProfiles).filter(isObj).flatMap((u) => {
    const kind: 'cooldown' | 'disabled' | null = u.kind === 'cooldown' || u.kind === 'disabled' ? u.kind : null;
    if (!kind || !str(u.profileId)) return [];
    return [
      {
        profileId: u.profileId as string,
        kind,
        ...(str(u.reason) ? { reason: u.reason as string } : {}),
        ...(typeof u.until === 'number' ? { until: u.until } : {}),
        ...(str(u.provider) ? { provider: u.provider as string } : {}),
        ...(str(u.recoveryHint) ? { hint: u.recoveryHint as string } : {}),
        ...(typeof u.remainingMs === 'number' ? { remaining: formatRemaining(u.remainingMs) } : {}),
      },
    ];
  });
  if (unusable.length > 0) f.unusableProfiles = unusable;
  const utility = isObj(v.utilityModel) ? str(v.utilityModel.ref) : str(v.utilityModel);
  if (utility) f.utilityModel = utility;
  const issues = arr(auth.modelRouteIssues).filter(isObj).flatMap((r) => {
    const model = str(r.provider) && str(r.model) ? `${r.provider as string}/${r.model as string}` : str(r.ref);
    return model && str(r.message) ? [{ model, message: r.message as string, ...(str(r.kind) ? { code: r.kind as string } : {}) }] : [];
  });
  if (issues.length > 0) f.routeIssues = issues;
  const routes = arr(auth.runtimeAuthRoutes).filter(isObj).flatMap((r) => {
    const eff = isObj(r.effective) ? `${str(r.effective.kind) ?? ''}:${str(r.effective.detail) ?? ''}` : '';
    if (!str(r.provider) || !str(r.status)) return [];
    return [{ provider: r.provider as string, runtime: str(r.runtime) ?? '', authProvider: str(r.authProvider) ?? '', effective: eff, status: r.status as string }];
  });
  if (routes.length > 0) f.runtimeAuth = routes;
  if (str(auth.storePath)) f.authStore = auth.storePath as string;
  return f;
}

/** Reads `models status --json` objects, and bare provider entries of a partial paste. */
export const parseModelsStatusJson: Parser = (lines, ctx) => {
  const facts: Fact[] = [];
  let partial: ModelsStatus | null = null;
  for (const block of findJsonBlocks(lines)) {
    const v = block.value;
    if (!isObj(v)) continue;
    const first = lines[block.first] as PreparedLine;
    const last = lines[block.last] as PreparedLine;
    if ((isObj(v.auth) && (Array.isArray(v.auth.providers) || isObj(v.auth.oauth))) || (str(v.resolvedDefault) && str(v.configPath))) {
      facts.push(whole(v, first, last, ctx));
    } else if (str(v.provider) && isObj(v.effective) && isObj(v.profiles)) {
      const p = provider(v);
      if (!p) continue;
      if (!partial) {
        partial = whole({}, first, last, ctx);
        partial.confidence = 0.8;
        facts.push(partial);
      }
      partial.providers.push(p);
      partial.source = { ...partial.source, lineEnd: last.end };
    }
  }
  return facts;
};
