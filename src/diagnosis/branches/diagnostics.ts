/**
 * Family D: output that looks like a failure but is not (branches.md §D). The step is "nothing to
 * fix" with a proof the user can run (`openclaw agent -m "ping"`, §5).
 */
import type { ErrorSignal, Unless, WithSpec } from '../patterns.ts';
import type { Rule } from '../types.ts';

/** The proof that chat works: `--agent` is required up to 7.1 (`Pass --to <E.164>, --session-id, or --agent`). */
const PING = 'openclaw agent -m "ping"';
const PING_ANY = 'openclaw agent --agent main -m "ping"';
const PING_ROWS = (text: string, why: string) =>
  [
    { versions: '≥2026.8.1', kind: 'none', text, why, proof: PING },
    { versions: '≤2026.7.1', kind: 'none', text, why, proof: PING_ANY },
    { versions: 'unknown', kind: 'none', text, why, proof: PING_ANY },
  ] as const;

const USAGE_WHY = '`{quote}` comes from the usage probe: Anthropic has no usage endpoint for API keys, so it always fails there.';
const ANTHROPIC_OR_UNNAMED = { any: ['anthropic', 'claude', null] };
/** `openclaw status --usage` or `/status` refused by Anthropic (seed 002). */
const USAGE_REFUSED = {
  error: 'any',
  where: { wrapper: 'usage', rejection: true, errorProvider: ANTHROPIC_OR_UNNAMED },
  reason: USAGE_WHY,
  text: '`openclaw status --usage` or `/status` shows `HTTP 401 … Invalid bearer token` / 403 for Anthropic',
} as const satisfies ErrorSignal;
const USAGE_LIMITED = { ...USAGE_REFUSED, where: { wrapper: 'usage', httpStatus: { any: [401, 403, 429] }, errorProvider: ANTHROPIC_OR_UNNAMED }, text: 'the usage probe answered 401, 403 or 429 with another text' } as const satisfies ErrorSignal;
const CHAT_REFUSED = { error: 'any', where: { wrapper: { none: ['usage'] }, rejection: true } } as const satisfies WithSpec;

export const usageProbeUnsupported: Rule = {
  id: 'usage_probe_unsupported',
  family: 'diagnostics',
  title: 'The usage line fails for API keys; chat is not affected',
  priority: 90,
  beats: ['setup_token_rejected', 'api_key_invalid'],
  then: '—',
  docs: 'https://docs.openclaw.ai/help/faq',
  commands: [
    { kind: 'openclaw', template: PING, since: '2026.8.1' },
    { kind: 'openclaw', template: PING_ANY },
  ],
  // Usage exists only for OAuth/token credentials; a chat run refused too makes the usage line only possibly the whole story.
  signals: [
    { ...USAGE_REFUSED, with: CHAT_REFUSED, verdict: 'possible', text: 'a refused usage probe while a chat run is refused too' },
    { ...USAGE_REFUSED, specificity: 3 },
    { ...USAGE_LIMITED, with: CHAT_REFUSED, verdict: 'possible', text: 'a 401/403/429 usage probe while a chat run is refused too' },
    { ...USAGE_LIMITED, specificity: 3 },
  ],
  steps: PING_ROWS('Nothing to fix: the usage line is harmless for API-key setups.', 'Usage figures exist only for subscription (OAuth/token) credentials.'),
};

/** A chat failure in the thread: a rejected credential or `No API key found`. */
const CHAT_FAILS: Unless[] = [{ error: 'any', where: { rejection: true } }, { error: ['no_api_key'] }];

export const statusMissingButRuntimeOk: Rule = {
  id: 'status_missing_but_runtime_ok',
  family: 'diagnostics',
  title: '`models status` says missing, but the model answers',
  priority: 85,
  beats: ['no_credentials', 'default_model_without_auth'],
  then: 'if chat really fails, follow the error it prints',
  docs: 'https://docs.openclaw.ai/help/faq',
  commands: [
    { kind: 'openclaw', template: PING, since: '2026.8.1' },
    { kind: 'openclaw', template: PING_ANY },
  ],
  signals: [
    {
      statement: ['status_misleading'],
      unless: CHAT_FAILS,
      reason: '`{quote}`: a status or list view that disagrees with a model that answers is not a failure by itself.',
      text: 'the user says a status or list view (`Auth no`, `Missing auth`) disagrees with a model that answers',
    },
    {
      fact: 'models_status',
      latest: true,
      each: 'missingAuth',
      quote: 'Missing auth - {provider}',
      with: { statement: ['chat_works'] },
      unless: CHAT_FAILS,
      reason: '`{quote}` while you say `{with}`: the status view does not read every key source.',
      text: '`models status` lists a provider under `Missing auth` while the user says the model answers',
      specificity: 1,
    },
  ],
  steps: PING_ROWS('Nothing to fix: that status line is misleading when the model answers.', '`models status` does not read every place a key can come from.'),
};
