/**
 * Family A: a key that belongs to another provider, or lost its prefix (branches.md §A
 * key_provider_mismatch). Which profile carries it is in ./api-key-profiles.ts.
 */
import { msg, q } from '../reason.ts';
import { because, errorQuote, errorsWith, foreignHead, maskHead, providerLine, statements, xApiKeyRejections } from '../signals.ts';
import type { Rule } from '../types.ts';
import { confirmed, possible, ruledOut } from '../verdict.ts';
import { keyLabels, notSeenYet } from './shared.ts';

export const keyProviderMismatch: Rule = {
  id: 'key_provider_mismatch',
  family: 'api-key',
  title: "The key belongs to another provider (or lost its prefix)",
  priority: 25,
  beats: ['api_key_invalid', 'provider_key_invalid'],
  whenSignals: ['key prefix that does not belong to the provider (`sk-or-` under anthropic, `sk-kimi-` under moonshot, `sk-proj-` for anthropic, a key without its prefix)'],
  then: '`openclaw models status`',
  docs: 'https://docs.openclaw.ai/concepts/model-providers',
  commands: [],
  when(view) {
    // An API key refused on `google-gemini-cli/…`: that route logs in with the Gemini CLI (OAuth), keys belong to `google`.
    const keyErr = errorsWith(view, 'provider_key_invalid').find((e) => e.provider === 'google');
    const cliRoute = statements(view, 'provider_named').find((s) => s.value === 'google-gemini-cli') ?? (keyErr?.message.includes('google-gemini-cli/') ? keyErr : undefined);
    if (cliRoute && keyErr) return confirmed(2, because(msg`${q(errorQuote(keyErr))} on a \`google-gemini-cli/…\` model: \`google-gemini-cli\` is the Gemini CLI (OAuth) route; an API key belongs to the \`google\` provider.`, keyErr, cliRoute));
    const refused = errorsWith(view, 'key_type_refused').at(-1);
    if (refused) return confirmed(3, because(msg`${q(errorQuote(refused))}: this endpoint takes another kind of credential (OAuth / ADC), not an API key.`, refused));
    for (const { status, label, credential, provider } of keyLabels(view, true)) {
      const head = maskHead(credential);
      if (head && foreignHead(provider, head)) {
        return confirmed(2, because(msg`${q(label)} under ${q(provider)}: a ${provider} key never starts with ${q(head)}.`, status));
      }
    }
    const prefix = statements(view, 'key_prefix').at(-1);
    const err = xApiKeyRejections(view).at(-1);
    if (prefix?.value && err) {
      if (!prefix.value.startsWith('sk-ant')) {
        return confirmed(1, because(msg`You said the key starts with ${q(prefix.value)}: Anthropic keys start with \`sk-ant-\`.`, prefix, err));
      }
      return ruledOut(because(msg`the key starts with ${q(prefix.value)}`, prefix));
    }
    if (err && !providerLine(view, 'anthropic')) return possible(notSeenYet(err));
    return null;
  },
  steps: [
    {
      versions: 'any',
      command: 'openclaw onboard',
      why: "Get the provider's own key from its console (an Anthropic key starts with `sk-ant-api`), then choose that provider in the wizard and paste it unchanged.",
      then: 'Then `openclaw models status`.',
    },
  ],
};
