/**
 * Fact builders for fact-level tests: each returns a typed fact with a source span, filled with the
 * defaults a parser would produce for the reference formats (openclaw-cli.md §1.3, §2, §4).
 */
import type { Credential, Fact, FactOf, ProfileLabel, ProviderAuth } from '../../src/evidence/facts.ts';
import { buildView, type EvidenceView, type FactRecord } from '../../src/diagnosis/view.ts';

const src = { messageId: 'm0', lineStart: 0, lineEnd: 0 };

export function masked(mask: string): Credential {
  const [head = '', tail = ''] = mask.split('...');
  return { form: 'masked', mask, head, tail, shape: head.length === 8 && tail.length === 8 ? '8+8' : 'irregular' };
}

export function profile(profileId: string, type: ProfileLabel['type'], credential: Credential, unusable?: ProfileLabel['unusable']): ProfileLabel {
  return { profileId, type, credential, ...(unusable ? { unusable } : {}) };
}

export function line(provider: string, profiles: ProfileLabel[], extra: Partial<ProviderAuth> = {}): ProviderAuth {
  const count = (t: string) => profiles.filter((p) => p.type === t).length;
  return {
    provider,
    effective: profiles.length ? { kind: 'profiles', detail: '~/.openclaw/agents/main/agent/auth-profiles.json' } : undefined,
    counts: profiles.length ? { total: profiles.length, oauth: count('oauth'), token: count('token'), apiKey: count('api_key') } : undefined,
    profiles,
    ...extra,
  };
}

export function status(providers: ProviderAuth[], extra: Partial<FactOf<'models_status'>> = {}): FactOf<'models_status'> {
  return {
    kind: 'models_status',
    source: src,
    confidence: 1,
    format: 'text',
    defaultModel: 'anthropic/claude-sonnet-4-6',
    fallbacks: [],
    providers,
    missingAuth: [],
    oauthStatus: [],
    probes: [],
    partial: false,
    ...extra,
  };
}

export function error(code: FactOf<'provider_error'>['code'], extra: Partial<FactOf<'provider_error'>> = {}): FactOf<'provider_error'> {
  return { kind: 'provider_error', source: src, confidence: 1, code, wrapper: 'http', message: code.replace(/_/g, ' '), ...extra };
}

export const x401 = (extra: Partial<FactOf<'provider_error'>> = {}) =>
  error('invalid_x_api_key', { httpStatus: 401, errorType: 'authentication_error', message: 'invalid x-api-key', wrapper: 'run_error', ...extra });

export function said(topic: FactOf<'statement'>['topic'], quote: string, value?: string): FactOf<'statement'> {
  return { kind: 'statement', source: src, confidence: 0.9, topic, quote, ...(value ? { value } : {}) };
}

export const footer = (): FactOf<'tui_footer'> => ({
  kind: 'tui_footer',
  source: src,
  confidence: 1,
  agentId: 'main',
  session: 'main',
  provider: 'anthropic',
  model: 'claude-sonnet-4-6',
});

export const version = (v: string, from: FactOf<'version'>['from'] = 'version'): FactOf<'version'> => ({ kind: 'version', source: src, confidence: 1, version: v, from });

/** A view over messages: each inner array is one message's facts, oldest first; the last is current. */
export function viewOf(...messages: Fact[][]): EvidenceView {
  const records: FactRecord[] = [];
  messages.forEach((facts, seq) => {
    for (const fact of facts) records.push({ fact: { ...fact, source: { ...fact.source, messageId: `m${seq}` } } as Fact, messageId: `m${seq}`, seq, stale: false });
  });
  return buildView({ records, currentMessageId: `m${messages.length - 1}` });
}
