/**
 * The api-key family is data (issue 13): no rule decides in a `when`, and what the old code
 * computed ("which credential does OpenClaw send, was it refused?") comes from derived facts
 * that the signals test like parsed ones.
 */
import { describe, expect, it } from 'vitest';
import { RULES, ruleFor } from '../../src/diagnosis/branches/index.ts';
import { DERIVED } from '../../src/diagnosis/derived.ts';
import { diagnose } from '../../src/diagnosis/engine.ts';
import { matchSignals } from '../../src/diagnosis/patterns.ts';
import type { FactOf } from '../../src/evidence/facts.ts';
import { line, masked, profile, status, viewOf, x401 } from './facts.ts';

const order = (ids: string[]): FactOf<'auth_order'> => ({
  kind: 'auth_order',
  source: { messageId: 'm0', lineStart: 0, lineEnd: 0 },
  confidence: 1,
  provider: 'anthropic',
  stateFile: false,
  order: ids,
});

/** The rules of src/diagnosis/branches/api-key*.ts. */
const API_KEY_FILES: string[] = [
  'api_key_invalid', 'api_key_altered', 'oauth_token_in_api_key_profile', 'key_provider_mismatch', 'api_key_in_token_profile',
  'profile_order_conflict', 'profile_shadows_env', 'env_not_visible_to_service', 'secret_ref_unresolved', 'env_var_name_unrecognized',
  'agent_auth_missing', 'wrong_host', 'custom_base_url', 'stale_order_override', 'no_credentials',
];

describe('api-key rules as data', () => {
  it('the api-key* files hold these rules, each with declared signals', () => {
    const family = RULES.filter((r) => API_KEY_FILES.includes(r.id));
    expect(family.map((r) => r.id).sort()).toEqual([...API_KEY_FILES].sort());
    expect(family.filter((r) => r.signals.length === 0).map((r) => r.id)).toEqual([]);
  });

  it('rejected_credential says what OpenClaw sends for anthropic when it refused an x-api-key, a ref read through env', () => {
    const ref = status([line('anthropic', [profile('anthropic:default', 'api_key', { form: 'ref', source: 'env', id: 'ANTHROPIC_API_KEY' })], { env: { credential: masked('sk-ant-a...Qx7Lm2Ab') } })]);
    const [item] = DERIVED.rejected_credential!(viewOf([x401()], [ref]));
    expect(item?.fields).toMatchObject({ via: 'profile', type: 'api_key', head: 'sk-ant-a', ownHead: undefined, label: 'anthropic:default=ref(env:ANTHROPIC_API_KEY)' });
    expect(DERIVED.rejected_credential!(viewOf([ref]))).toEqual([]);
  });

  it('api_key_invalid: a well-formed key refused is confirmed; pinned after the refusal only at specificity 1; a token in use rules it out', () => {
    const good = status([line('anthropic', [profile('anthropic:default', 'api_key', masked('sk-ant-a...Qx7Lm2Ab'))])]);
    const rule = ruleFor('api_key_invalid')!;
    expect(matchSignals(rule.signals!, viewOf([x401()], [good]))).toMatchObject({ status: 'confirmed', specificity: 2 });
    const pinned = matchSignals(rule.signals!, viewOf([x401()], [good], [order(['anthropic:default'])]));
    expect(pinned).toMatchObject({ status: 'confirmed', specificity: 1 });
    expect(pinned?.because[0]?.reason.quotes[0]).toBe('anthropic:default');
    const token = status([line('anthropic', [profile('anthropic:manual', 'token', masked('sk-ant-o...c2VtQ0Aa'))])]);
    expect(matchSignals(rule.signals!, viewOf([x401()], [token]))?.status).toBe('ruled_out');
    expect(matchSignals(rule.signals!, viewOf([x401()]))?.status).toBe('possible');
  });

  it('a key of another provider under anthropic is key_provider_mismatch, end to end', () => {
    const d = diagnose(viewOf([x401()], [status([line('anthropic', [profile('anthropic:default', 'api_key', masked('sk-or-v1...a1B2c3D4'))])])]));
    expect(d.branch).toBe('key_provider_mismatch');
    expect(d.candidates.find((c) => c.id === 'api_key_invalid')?.status).toBe('ruled_out');
  });
});
