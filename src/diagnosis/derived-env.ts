/**
 * Derived facts of env_not_visible_to_service (registered in ./derived.ts): a key or login the
 * user's shell has and the gateway service does not. A service, a shell-only export and a
 * failure are three pieces of evidence; `failing_service` bundles the service with the failure
 * so one signal can ask for all three (`with`). Pure readers over the view.
 */
import type { Fact } from '../evidence/facts.ts';
import { anthropicRejections, errorProvider, errorQuote, providerLine, statements } from './signals.ts';
import type { DerivedItem } from './derived.ts';
import type { EvidenceView } from './view.ts';
import { envVarFor } from './branches/env-names.ts';
import { mainNoKey } from './branches/shared.ts';

type Reader = (view: EvidenceView) => DerivedItem[];

const item = (fields: Record<string, unknown>, ...facts: (Fact | undefined)[]): DerivedItem => ({
  fields,
  facts: facts.filter((f): f is Fact => f !== undefined),
});

/** The first sign the gateway runs as a service: `gateway status` `Service:` (not `none`), else a systemd/launchd/docker environment. */
function serviceFact(view: EvidenceView): (Fact & { service?: string }) | undefined {
  return view.all('gateway_status').find((g) => g.service && g.service !== 'none') ?? view.all('environment').find((e) => e.service);
}

/** The failure: the main agent's newest `No API key found`, else the newest Anthropic refusal. */
function failure(view: EvidenceView) {
  const noKey = mainNoKey(view).at(-1);
  return { noKey, failing: noKey ?? anthropicRejections(view).at(-1) };
}

/** `service_run`: the gateway runs as a service (first sign). Fields: `service` (`systemd`, `launchd`, `docker` …). */
const serviceRun: Reader = (view) => {
  const s = serviceFact(view);
  return s ? [item({ service: s.service }, s)] : [];
};

/** `shell_export`: the key was set in a shell — the user's newest "I exported it", else the first `export X=…` line shown. */
const shellExport: Reader = (view) => {
  const set = statements(view, 'set_env_var').at(-1) ?? view.all('command_run').find((c) => /^export [A-Z_]+=/.test(c.command));
  return set ? [item({}, set)] : [];
};

/** `env_failure`: the failure (`{quote}`: its line). Fields: `noKey` (it is `No API key found` of the main agent, not a refusal). */
const envFailure: Reader = (view) => {
  const { noKey, failing } = failure(view);
  return failing ? [item({ noKey: noKey !== undefined }, failing)] : [];
};

/** `failing_service`: a service AND the failure; rests on both (service first). Fields: `noKey`, `service`, `failure` (the failure's line as pasted). */
const failingService: Reader = (view) => {
  const s = serviceFact(view);
  const { noKey, failing } = failure(view);
  return s && failing ? [item({ noKey: noKey !== undefined, service: s.service, failure: errorQuote(failing) }, s, failing)] : [];
};

/**
 * `cli_env_key`: the gateway run says `No API key found` while `models status` (the CLI) sees the
 * key in env. Fields: `sourceLabel` (`source=env: ANTHROPIC_API_KEY`). Rests on the error line
 * (`{quote}`) and the status line.
 */
const cliEnvKey: Reader = (view) => {
  const noKey = mainNoKey(view).at(-1);
  if (!noKey) return [];
  const p = errorProvider(noKey) ?? 'anthropic';
  const pl = providerLine(view, p);
  if (!pl?.line.env) return [];
  return [item({ sourceLabel: `source=env: ${pl.line.env.variable ?? envVarFor(p)}` }, noKey, pl.status)];
};

/** The env rule's derived fact kinds, by name (spread into ./derived.ts `DERIVED`). */
export const ENV_READERS: Record<string, Reader> = {
  service_run: serviceRun,
  shell_export: shellExport,
  env_failure: envFailure,
  failing_service: failingService,
  cli_env_key: cliEnvKey,
};
