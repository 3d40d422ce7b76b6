/**
 * What a fact *says*, independent of where and when it was pasted: used to notice "the same
 * paste again" (seed 001 pastes the same 401 with a new request id eight times), "new evidence
 * differs from the old" (another mask, profile count, version, error) and "the same failure".
 */
import type { Fact, FactKind, StatementTopic } from '../evidence/facts.ts';

/** Where the user is, not what is wrong: never "new evidence", never made stale by a change. */
export const ENVIRONMENT_KINDS: ReadonlySet<FactKind> = new Set([
  'tui_footer',
  'tui_status',
  'tui_header',
  'environment',
  'command_run',
  'secret',
]);

/** Output describing the setup at one moment: a reported action (re-onboarded …) makes it stale. */
export const SNAPSHOT_KINDS: ReadonlySet<FactKind> = new Set([
  'models_status',
  'auth_order',
  'auth_profiles_json',
  'status_card',
  'doctor',
  'channels_status',
  'pairing_list',
  'gateway_status',
  'config_value',
  'wizard',
]);

/**
 * One-off mistakes shown once (a shell complaint, a wizard screen): old news as soon as a later
 * message shows new output — the user has moved on.
 */
export const EVENT_KINDS: ReadonlySet<FactKind> = new Set(['shell_error', 'wizard']);

/** Statements that carry no new evidence: a repeat of the complaint, a question, politeness. */
export const FILLER_TOPICS: ReadonlySet<StatementTopic> = new Set([
  'still_failing',
  'asks_what_next',
  'asks_rekey',
  'asks_switch_auth',
  'asks_key_location',
  'asks_request_id',
  'asks_restart',
  'asks_version',
  'asks_remove_profile',
  'asks_other_setup',
  'thanks',
  'didnt_work',
  'works_now',
]);

/** A reported action: "something changed" (issue 5). Value = the clause after "since". */
export const ACTION_TOPICS: Partial<Record<StatementTopic, string>> = {
  reonboarded: 'you ran onboarding again',
  restarted: 'you restarted',
  bought_credits: 'you bought credits',
  edited_key: 'you said you edited the key',
  pinned_order: 'you pinned the auth order',
  set_env_var: 'you set the environment variable',
};

const stable = (v: unknown): string =>
  JSON.stringify(v, (_k, val: unknown) =>
    val && typeof val === 'object' && !Array.isArray(val)
      ? Object.fromEntries(Object.entries(val as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : val,
  );

/**
 * The fact's content without its source span, confidence and per-request noise (request ids,
 * the provider's free-text message), as a stable string. Pure.
 */
export function fingerprint(fact: Fact): string {
  const { source: _s, confidence: _c, ...rest } = fact;
  switch (rest.kind) {
    case 'provider_error':
      return stable([rest.kind, rest.code, rest.provider ?? '', rest.profileId ?? '', rest.variable ?? '']);
    case 'models_status':
      return stable([rest.kind, rest.agentId ?? '', rest.defaultModel ?? '', rest.providers, rest.missingAuth, rest.oauthStatus, rest.unusableProfiles ?? []]);
    case 'statement':
      return stable([rest.kind, rest.topic, rest.value ?? '']);
    case 'version':
      return stable([rest.kind, rest.version, rest.commit ?? '']);
    default:
      return stable(rest);
  }
}

/**
 * Which facts a newer fact of the same kind supersedes: same kind and same subject (config path,
 * provider). Provider errors are grouped per message by the caller instead.
 */
export function subjectOf(fact: Fact): string {
  switch (fact.kind) {
    case 'config_value':
      return `${fact.kind}:${fact.path}`;
    case 'auth_order':
      return `${fact.kind}:${fact.provider ?? ''}:${fact.agentId ?? ''}`;
    case 'models_status':
      return `${fact.kind}:${fact.agentId ?? ''}`;
    case 'version':
      // A version named in prose never makes a printed one stale (the printed one wins).
      return fact.from === 'prose' ? 'version:prose' : fact.kind;
    default:
      return fact.kind;
  }
}

/** A reported action statement (re-onboarded, restarted …) or `order set` output. */
export const isAction = (fact: Fact): boolean =>
  (fact.kind === 'statement' && ACTION_TOPICS[fact.topic] !== undefined) || fact.kind === 'auth_order_changed';

/** Facts that say something about the problem (not environment, not filler statements). */
export const isSubstantive = (fact: Fact): boolean =>
  !ENVIRONMENT_KINDS.has(fact.kind) && !(fact.kind === 'statement' && FILLER_TOPICS.has(fact.topic));

/** "Which failure is this": the sorted error codes of a set of facts, '' when there is none. */
export function failureSignature(facts: readonly Fact[]): string {
  const codes = new Set<string>();
  for (const f of facts) if (f.kind === 'provider_error') codes.add(f.code);
  return [...codes].sort().join(',');
}

/** The clause after "since" when newer output of a kind differs from the older one. */
export function differsReason(kind: FactKind): string {
  switch (kind) {
    case 'models_status':
      return 'your new `models status` output differs from the earlier one';
    case 'auth_order':
    case 'auth_order_changed':
      return 'the auth order changed';
    case 'version':
      return 'the OpenClaw version changed';
    case 'provider_error':
      return 'the error changed';
    case 'auth_profiles_json':
      return 'auth-profiles.json changed';
    default:
      return 'your new output differs from the earlier one';
  }
}
