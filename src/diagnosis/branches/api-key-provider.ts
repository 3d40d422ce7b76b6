/**
 * Family A: a key that belongs to another provider, or lost its prefix (branches.md §A
 * key_provider_mismatch). Which profile carries it is in ./api-key-profiles.ts.
 */
import type { Rule } from '../types.ts';
import { NOT_SEEN_YET, NOT_SEEN_YET_TEXT, PRESENT } from './shared.ts';

const GEMINI_CLI_KEY =
  '`{quote}` on a `google-gemini-cli/…` model: `google-gemini-cli` is the Gemini CLI (OAuth) route; an API key belongs to the `google` provider.';

export const keyProviderMismatch: Rule = {
  id: 'key_provider_mismatch',
  family: 'api-key',
  title: "The key belongs to another provider (or lost its prefix)",
  priority: 25,
  beats: ['api_key_invalid', 'provider_key_invalid'],
  then: '`openclaw models status`',
  docs: 'https://docs.openclaw.ai/concepts/model-providers',
  commands: [],
  signals: [
    // An API key refused on `google-gemini-cli/…`: that route logs in with the Gemini CLI (OAuth), keys belong to `google`.
    {
      error: ['provider_key_invalid'],
      where: { provider: 'google' },
      with: { statement: ['provider_named'], where: { value: 'google-gemini-cli' } },
      specificity: 2,
      reason: GEMINI_CLI_KEY,
      text: 'a Google API key refused while the user names the `google-gemini-cli` route',
    },
    {
      error: ['provider_key_invalid'],
      where: { provider: 'google', message: { re: 'google-gemini-cli/' } },
      specificity: 2,
      reason: GEMINI_CLI_KEY,
      text: 'a Google API key refused on a `google-gemini-cli/…` model',
    },
    {
      error: ['key_type_refused'],
      reason: '`{quote}`: this endpoint takes another kind of credential (OAuth / ADC), not an API key.',
      text: 'the endpoint refuses API keys (it takes OAuth / ADC)',
    },
    {
      fact: 'status_credential',
      where: { foreign: true },
      reason: '`{label}` under `{provider}`: a {provider} key never starts with `{head}`.',
      text: 'a key prefix that does not belong to the provider (`sk-or-` under anthropic, `sk-kimi-` under moonshot, `sk-proj-` for anthropic, a key without its prefix)',
    },
    {
      statement: ['key_prefix'],
      latest: true,
      where: { value: { re: '^(?!sk-ant)' } },
      with: { fact: 'x_api_key_rejection' },
      specificity: 1,
      reason: 'You said the key starts with `{value}`: Anthropic keys start with `sk-ant-`.',
      text: 'the user says the key starts with something other than `sk-ant-`, and Anthropic refused it',
    },
    {
      statement: ['key_prefix'],
      latest: true,
      where: { value: PRESENT },
      with: { fact: 'x_api_key_rejection', cite: false },
      verdict: 'ruled_out',
      reason: 'the key starts with `{value}`',
      text: 'the user says the key starts with `sk-ant-`',
    },
    { fact: 'x_api_key_rejection', where: { statusShown: false }, verdict: 'possible', reason: NOT_SEEN_YET, text: NOT_SEEN_YET_TEXT },
  ],
  steps: [
    {
      versions: 'any',
      command: 'openclaw onboard',
      why: "Get the provider's own key from its console (an Anthropic key starts with `sk-ant-api`), then choose that provider in the wizard and paste it unchanged.",
      then: 'Then `openclaw models status`.',
    },
  ],
};
