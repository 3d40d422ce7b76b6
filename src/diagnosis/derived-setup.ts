/**
 * Derived facts of the api-key family's setup rules (registered in ./derived.ts): where the
 * credential should come from and does not — the auth store and its order, env variables, the
 * agent, the gateway host, the base URL. Pure readers over the view; items oldest first (the
 * matcher takes the newest that passes), so a list where the FIRST match counts is reversed.
 */
import type { Fact } from '../evidence/facts.ts';
import { anthropicRejections, errorProvider, errorsWith, gatewayRemote, providerLine, providerOfModel, statements } from './signals.ts';
import type { DerivedItem } from './derived.ts';
import type { EvidenceView } from './view.ts';
import { RIGHT_NAME, namesSet } from './branches/env-names.ts';
import { mainNoKey } from './branches/shared.ts';
import { unreadyRoute, whollyUnusable } from './branches/store-signals.ts';

type Reader = (view: EvidenceView) => DerivedItem[];

const item = (fields: Record<string, unknown>, ...facts: (Fact | undefined)[]): DerivedItem => ({
  fields,
  facts: facts.filter((f): f is Fact => f !== undefined),
});

/**
 * `misnamed_env`: the first variable the user shows they set (statement, `export X=…`, `env.X`
 * config) under a name OpenClaw does not read (§5.1). Fields: `name`, `rightName` (the name it
 * reads), `said` (true when only their words show it).
 */
const misnamedEnv: Reader = (view) => {
  const seen = namesSet(view).find((n) => RIGHT_NAME[n.name]);
  return seen ? [item({ name: seen.name, rightName: RIGHT_NAME[seen.name], said: seen.fact.kind === 'statement' }, seen.fact)] : [];
};

/** `anthropic_rejection`: each error line where Anthropic refused the credential (not a usage probe). Fields: `code`. */
const anthropicRejection: Reader = (view) => anthropicRejections(view).map((e) => item({ code: e.code }, e));

/** `auth_failure`: the failure a host or agent rule answers — the newest Anthropic refusal, else the newest `No API key found`. Fields: `code`. */
const authFailure: Reader = (view) => {
  const e = anthropicRejections(view).at(-1) ?? errorsWith(view, 'no_api_key').at(-1);
  return e ? [item({ code: e.code }, e)] : [];
};

/**
 * `agent_status`: the first `models status --agent <id>` pasted for an agent other than main.
 * Fields: `agentId`, `hasAuth` (a provider line with a profile or an env key), `missing` (its
 * first `Missing auth - <p>` line, when any).
 */
const agentStatus: Reader = (view) => {
  const s = view.all('models_status').find((x) => x.agentId && x.agentId !== 'main');
  if (!s) return [];
  const first = s.missingAuth[0];
  return [item({ agentId: s.agentId, hasAuth: s.providers.some((p) => p.profiles.length > 0 || p.env), missing: first ? `Missing auth - ${first.provider}` : undefined }, s)];
};

/**
 * `gateway_place`: where the gateway runs, when the thread shows it (the TUI header's URL beats
 * what the user says). Fields: `remote`, `header` (read from the TUI header), `changed` (the user
 * changed or retried something here, or a suggestion failed). Rests on the place (and, when
 * remote, the change).
 */
const gatewayPlace: Reader = (view) => {
  const remote = gatewayRemote(view);
  if (remote === null) return [];
  const header = view.latest('tui_header');
  const place = header ?? statements(view, 'gateway_local', 'gateway_remote').at(-1);
  const change = statements(view, 'reonboarded', 'edited_key', 'set_env_var', 'still_failing', 'didnt_work').at(-1);
  // The change matters only for a remote gateway: a local one rests on the place alone.
  return [item({ remote, header: header !== undefined, changed: change !== undefined || view.failed.length > 0 }, place, remote ? change : undefined)];
};

/**
 * `anthropic_config`: the newest `config get models.providers.anthropic…` value. Fields: `path`,
 * `url` (the first http(s) URL in it), `custom` (that URL is not `https://api.anthropic.com`).
 */
const anthropicConfig: Reader = (view) => {
  const cfg = view.all('config_value').filter((v) => v.path.startsWith('models.providers.anthropic')).at(-1);
  if (!cfg) return [];
  const url = /https?:\/\/[^\s"',}]+/.exec(cfg.value)?.[0];
  return [item({ path: cfg.path, url, custom: !!url && !/^https:\/\/api\.anthropic\.com(\/v1)?\/?$/.test(url) }, cfg)];
};

/**
 * `order_override`: the newest `models auth order get`. Fields: `order` (`a, b`, absent for
 * `(none)`), `statusShown` (a `models status` line of its provider), `broken` (the first id in
 * the order with no credential there). Rests on the status line too when it is shown.
 */
const orderOverride: Reader = (view) => {
  const ord = view.all('auth_order').at(-1);
  if (!ord) return [];
  if (!ord.order?.length) return [item({}, ord)];
  const pl = providerLine(view, (ord.provider ?? 'anthropic').toLowerCase());
  const order = ord.order.join(', ');
  if (!pl) return [item({ order, statusShown: false }, ord)];
  const broken = ord.order.find((id) => {
    const p = pl.line.profiles.find((x) => x.profileId === id);
    return !p || p.credential.form === 'missing';
  });
  return [item({ order, statusShown: true, broken }, ord, pl.status)];
};

/**
 * `missing_auth`: the provider of the newest `models status` `Missing auth` section that truly
 * has no credential (on ≥8.1 not one whose profiles are all in cooldown or disabled), the default
 * model's provider first. Fields: `provider`.
 */
const missingAuth: Reader = (view) => {
  const status = view.latest('models_status');
  if (!status) return [];
  const def = providerOfModel(status.defaultModel);
  const missing = status.missingAuth.filter((m) => !whollyUnusable(status, m.provider)).sort((a, b) => Number(b.provider === def) - Number(a.provider === def))[0];
  return missing ? [item({ provider: missing.provider }, status)] : [];
};

/**
 * `unready_route`: ≥8.1 with nothing set up — the newest status's first `Model route issues`
 * line `[indeterminate] Auth readiness could not be confirmed …` for a provider with no
 * credential line (`unreadyRoute`). Fields: `model`, `message`, `provider`.
 */
const unreadyRouteFact: Reader = (view) => {
  const status = view.latest('models_status');
  const r = status ? unreadyRoute(status) : undefined;
  return r ? [item({ model: r.model, message: r.message, provider: providerOfModel(r.model) ?? '' }, status)] : [];
};

/** `status_line`: each provider line of the newest `models status`, in print order. Fields: `provider`, `effective` (`profiles` | `env` | `models.json` | `missing`). */
const statusLine: Reader = (view) => {
  const status = view.latest('models_status');
  return (status?.providers ?? []).map((p) => item({ provider: p.provider, effective: p.effective?.kind }, status)).reverse();
};

/**
 * `main_no_key`: the newest `No API key found` (or `no auth configured`) of the main agent.
 * Fields: `provider` (the error's, else anthropic), `credentialShown` (`models status` shows a
 * profile or env key for it: then it rests on that status), `unused` (the user says no model of
 * that provider is configured).
 */
const mainNoKeyFact: Reader = (view) => {
  const err = mainNoKey(view).at(-1);
  if (!err) return [];
  const provider = errorProvider(err) ?? 'anthropic';
  const pl = providerLine(view, provider);
  const unused = statements(view, 'provider_unused').some((s) => s.value === provider);
  if (pl && (pl.line.profiles.length > 0 || pl.line.env)) return [item({ provider, credentialShown: true, unused }, pl.status)];
  return [item({ provider, credentialShown: false, unused }, err)];
};

/** `failed_suggestion`: each step Pincer gave that the thread showed did not work. Fields: `branch`, `command`. Rests on no fact. */
const failedSuggestion: Reader = (view) => view.failed.map((f) => item({ branch: f.branch, command: f.command }));

/** The setup rules' derived fact kinds, by name (spread into ./derived.ts `DERIVED`). */
export const SETUP_READERS: Record<string, Reader> = {
  misnamed_env: misnamedEnv,
  anthropic_rejection: anthropicRejection,
  auth_failure: authFailure,
  agent_status: agentStatus,
  gateway_place: gatewayPlace,
  anthropic_config: anthropicConfig,
  order_override: orderOverride,
  missing_auth: missingAuth,
  unready_route: unreadyRouteFact,
  status_line: statusLine,
  main_no_key: mainNoKeyFact,
  failed_suggestion: failedSuggestion,
};
