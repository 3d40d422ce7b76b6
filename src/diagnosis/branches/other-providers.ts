/**
 * Family G: other providers (OpenRouter, OpenAI/Codex, Google, MiniMax, Moonshot …), diagnosed
 * from their own error texts; commands use the provider id from the evidence (branches.md §G).
 */
import { errorProvider, isAuthRejection, statements, threadProvider } from '../signals.ts';
import type { ErrorSignal } from '../patterns.ts';
import type { Rule } from '../types.ts';
import type { EvidenceView } from '../view.ts';

const DOCS_PROVIDERS = 'https://docs.openclaw.ai/concepts/model-providers';

export const codexModelPrefixMismatch: Rule = {
  id: 'codex_model_prefix_mismatch',
  family: 'other-providers',
  title: 'An `openai/…` model with only Codex OAuth set up',
  priority: 70,
  beats: ['no_credentials', 'model_provider_prefix_mismatch', 'default_model_without_auth'],
  then: '≤5.7: —; ≥5.28: `openclaw models status` (`Default` `openai/…`, an `openai` profile)',
  docs: DOCS_PROVIDERS,
  commands: [],
  signals: [
    // The ≥7.2 text: by then Codex is part of `openai`, so "use openai-codex/…" would contradict the step.
    {
      error: ['codex_oauth_only'],
      where: { message: { re: 'could not produce login credentials' } },
      text: '7.2-beta–8.2 `Codex subscription auth profile could not produce login credentials.`',
      reason: '`{quote}`: the stored Codex login gave no credentials for this `openai/…` model (since 2026.6.1 Codex and OpenAI are one provider).',
    },
    {
      error: ['codex_oauth_only'],
      text: '≤5.7 `… You are authenticated with OpenAI Codex OAuth. Use openai-codex/…`',
      reason: '`{quote}`: Codex OAuth serves `openai-codex/…` models, not `openai/…`.',
    },
    {
      fact: 'codex_route',
      where: { codexProfiles: true, openaiMissing: true, defaultModel: { re: '^openai/' } },
      quote: 'Default : {defaultModel}',
      reason: '`{quote}` with only `openai-codex` set up.',
      text: '`models status`: `Default : openai/…`, `Missing auth - openai`, and only an `openai-codex` profile',
    },
    // From 6.1 `openai-codex/…` refs are stale: doctor --fix rewrites them to `openai/…`.
    {
      fact: 'codex_route',
      where: { staleRef: { re: '.' } },
      with: { fact: 'thread_version', where: { min: { atLeast: '2026.6.1' } }, cite: false },
      reason: '`{staleRef}`: since 2026.6.1 `openai-codex` is folded into `openai`, so this ref has no route.',
      text: 'on a version known to be ≥6.1 (openai-codex folded into openai), an `openai-codex/…` model ref (`Default`, route issues) — real 9.6 output shows `- openai-codex/<m> [indeterminate] Auth readiness could not be confirmed …`',
    },
  ],
  steps: [
    {
      versions: '≤2026.5.7',
      command: 'openclaw configure --section model',
      why: 'Pick an `openai-codex/…` model: that is what your Codex login pays for.',
      then: 'Then `openclaw models status`.',
    },
    {
      versions: '≥2026.5.28',
      command: 'openclaw doctor --fix',
      why: 'It rewrites `openai-codex/…` refs and profiles to `openai` (OpenAI and Codex are one provider now).',
      then: 'Then `openclaw models status`: `Default` shows `openai/…`; if the route still has no auth, `openclaw models auth login --provider openai`.',
    },
    {
      versions: 'unknown',
      command: 'openclaw --version',
      why: 'The fix depends on the version: up to 2026.5.7 pick an `openai-codex/…` model; from 2026.5.28 `openclaw doctor --fix` rewrites the refs.',
      then: 'Paste the line it prints.',
    },
  ],
};

/** The newest auth rejection from a provider other than Anthropic. */
function foreignRejection(view: EvidenceView) {
  return view
    .all('provider_error')
    .filter((e) => e.wrapper !== 'usage' && (e.code === 'provider_key_invalid' || isAuthRejection(e)))
    .filter((e) => {
      // An error line with no provider takes the thread's (a TUI footer's `openrouter/…`, prose).
      const p = errorProvider(e) ?? threadProvider(view) ?? undefined;
      return p !== undefined && p !== 'anthropic' && p !== 'claude' && p !== 'discord' && p !== 'claude-cli';
    })
    .at(-1);
}

const KEY_THEN = 'Then `openclaw models status`: the masked key must change.';

/** The provider whose rejection this is, when the error or the thread names it. */
function rejectingProvider(view: EvidenceView): string | undefined {
  const e = foreignRejection(view);
  return e ? (errorProvider(e) ?? threadProvider(view) ?? undefined) : undefined;
}

/** An auth refusal from a provider other than Anthropic (an error line with no provider takes the thread's: a TUI footer's `openrouter/…`, prose). */
const FOREIGN_REJECTION = {
  error: 'any',
  where: { wrapper: { none: ['usage'] }, rejection: true, threadProvider: { re: '^(?!(anthropic|claude|discord|claude-cli)$)' } },
  reason: '`{quote}` from `{threadProvider}`: it does not accept the key OpenClaw sends.',
  text: "401/403 from a non-Anthropic provider: OpenRouter `User not found` / `No auth credentials found`, OpenAI `incorrect api key`, Gemini `API_KEY_INVALID`, MiniMax `carry the API secret key`",
} as const satisfies ErrorSignal;

export const providerKeyInvalid: Rule = {
  id: 'provider_key_invalid',
  family: 'other-providers',
  title: "The provider rejects the key",
  priority: 10,
  then: '`openclaw models status`',
  docs: DOCS_PROVIDERS,
  commands: [],
  // "Works again after downgrading": a release regression rather than the key (catalog v2: ask the version first).
  askFirst: (view) => (statements(view, 'version_regression').length > 0 ? 'version_regression' : null),
  signals: [
    // A custom `baseUrl` (a compatible endpoint, a proxy): the key may be right and the endpoint or route not.
    { ...FOREIGN_REJECTION, with: { statement: ['custom_base_url'] }, verdict: 'possible', reason: '`{quote}` through a custom `baseUrl`', text: 'a refusal through a custom `baseUrl`' },
    // "The same key works with curl": the key may be fine and another stored key, or the endpoint, differ (not the Gemini CLI route).
    {
      ...FOREIGN_REJECTION,
      where: { ...FOREIGN_REJECTION.where, message: { re: '^(?![\\s\\S]*google-gemini-cli/)' } },
      with: { statement: ['key_works_elsewhere'] },
      unless: { statement: ['provider_named'], where: { value: 'google-gemini-cli' } },
      verdict: 'possible',
      reason: '`{quote}` while `{with}`',
      text: 'a refusal while the user says the same key works elsewhere',
    },
    { ...FOREIGN_REJECTION, where: { ...FOREIGN_REJECTION.where, code: 'provider_key_invalid' }, specificity: 3 },
    { ...FOREIGN_REJECTION, text: 'a 401/403 or auth error from a non-Anthropic provider (named on the line or in the thread)', specificity: 2 },
  ],
  steps: [
    {
      versions: 'any',
      command: 'openclaw onboard',
      why: "Create a new key in the provider's console, then choose that provider in the wizard and paste it unchanged.",
      then: KEY_THEN,
    },
    {
      case: 'named',
      versions: 'any',
      command: 'openclaw onboard',
      why: "Create a new key in `<provider>`'s console, then choose `<provider>` in the wizard and paste it unchanged.",
      then: KEY_THEN,
    },
  ],
  stepCase: (ctx) => (rejectingProvider(ctx.view) ? 'named' : undefined),
  values: (ctx) => ({ '<provider>': rejectingProvider(ctx.view) }),
};
