import { describe, expect, it } from 'vitest';
import { matchSignal, matchSignals, rangesMeet, type Signal } from '../../src/diagnosis/patterns.ts';
import { ruleFor } from '../../src/diagnosis/branches/index.ts';
import { diagnose } from '../../src/diagnosis/engine.ts';
import type { Fact } from '../../src/evidence/facts.ts';
import { error, line, masked, profile, said, status, version, viewOf } from './facts.ts';

const pattern: Signal = { error: ['extra_usage_required'], versions: '≥2026.8.1', reason: '`{quote}`: spent.', text: '`…`' };

describe('error signals are patterns over typed facts, with version ranges', () => {
  it('confirms with the pasted line as the reason\'s one quoted value', () => {
    const v = matchSignals([pattern], viewOf([error('extra_usage_required', { message: "You're out of extra usage" })]));
    expect(v?.status).toBe('confirmed');
    expect(v?.specificity).toBe(3);
    expect(v?.because[0]?.reason.id).toBe('`{0}`: spent.');
    expect(v?.because[0]?.reason.quotes[0]).toContain("out of extra usage");
  });

  it('skips a pattern whose versions the thread cannot be on, and keeps it when the version is unknown', () => {
    const err = error('extra_usage_required', { message: "You're out of extra usage" });
    expect(matchSignals([pattern], viewOf([err, version('2026.6.11')]))).toBeNull();
    expect(matchSignals([pattern], viewOf([err, version('2026.9.6')]))?.status).toBe('confirmed');
    expect(rangesMeet('≥2026.8.1', {})).toBe(true);
    expect(rangesMeet('2026.6.5–2026.7.x', { min: '2026.8.1' })).toBe(false);
    expect(rangesMeet('≤2026.6.4', { max: '2026.6.11', min: '2026.6.1' })).toBe(true);
  });

  it('a rule with only error patterns and a steps table needs no code: extra_usage_required', () => {
    const rule = ruleFor('extra_usage_required')!;
    const d = diagnose(viewOf([error('extra_usage_required', { message: 'Extra usage is required for long context requests' }), version('2026.9.6')]));
    expect(d.branch).toBe('extra_usage_required');
    expect(d.nextCommand).toBe('openclaw onboard');
  });
});

const pairing = (pending: number): Fact => ({ kind: 'pairing_list', source: { messageId: 'm0', lineStart: 1, lineEnd: 2 }, confidence: 1, pending }) as Fact;

describe('statement and fact signals, with field tests', () => {
  it('a statement signal quotes the user\'s words and confirms at specificity 1', () => {
    const s: Signal = { statement: ['token_truncated'], reason: '`{quote}`: cut.', text: 'said' };
    const v = matchSignal(s, viewOf([said('token_truncated', 'the token I pasted is incomplete')]));
    expect(v?.specificity).toBe(1);
    expect(v?.because[0]?.reason).toEqual({ id: '`{0}`: cut.', quotes: ['the token I pasted is incomplete'] });
    expect(matchSignal(s, viewOf([said('edited_key', 'I deleted some spaces')]))).toBeNull();
  });

  it('field tests: a value, { not } (present and different), { re }, { gt }; fields fill the reason', () => {
    const agent: Signal = { error: ['no_api_key'], where: { agentId: { not: 'main' } }, reason: 'agent `{agentId}`', text: 't' };
    expect(matchSignal(agent, viewOf([error('no_api_key', { agentId: 'main' })]))).toBeNull();
    expect(matchSignal(agent, viewOf([error('no_api_key')]))).toBeNull();
    expect(matchSignal(agent, viewOf([error('no_api_key', { agentId: 'cron' })]))?.because[0]?.reason).toEqual({ id: 'agent `{0}`', quotes: ['cron'] });
    const pending: Signal = { fact: 'pairing_list', where: { pending: { gt: 0 } }, reason: '{pending} pending', text: 't' };
    expect(matchSignal(pending, viewOf([pairing(0)]))).toBeNull();
    expect(matchSignal(pending, viewOf([pairing(2)]))?.specificity).toBe(2);
    const re: Signal = { error: ['generic_failure'], where: { message: { re: '^boom' } }, reason: 'r', text: 't' };
    expect(matchSignal(re, viewOf([error('generic_failure', { message: 'Boom at start' })]))).not.toBeNull();
    expect(matchSignal(re, viewOf([error('generic_failure', { message: 'no boom' })]))).toBeNull();
  });

  it('`latest` looks at the newest fact of the kind only; `current` at the message being answered only', () => {
    const latest: Signal = { fact: 'pairing_list', latest: true, where: { pending: { gt: 0 } }, reason: 'r', text: 't' };
    expect(matchSignal(latest, viewOf([pairing(1)], [pairing(0)]))).toBeNull();
    expect(matchSignal({ ...latest, latest: undefined }, viewOf([pairing(1)], [pairing(0)]))).not.toBeNull();
    expect(matchSignal({ ...latest, latest: undefined, current: true }, viewOf([pairing(1)], [pairing(0)]))).toBeNull();
  });

  it('`latest` on a statement: only the newest of the topic counts (an older word the user took back does not)', () => {
    const oat: Signal = { statement: ['key_prefix'], latest: true, where: { value: { re: '^sk-ant-oat' } }, reason: '`{value}`', text: 't' };
    const older = said('key_prefix', 'it starts with sk-ant-oat01', 'sk-ant-oat01');
    const newer = said('key_prefix', 'sorry, it starts with sk-ant-api03', 'sk-ant-api03');
    expect(matchSignal(oat, viewOf([older], [newer]))).toBeNull();
    expect(matchSignal({ ...oat, latest: undefined }, viewOf([older], [newer]))?.because[0]?.reason.quotes).toEqual(['sk-ant-oat01']);
  });

  it('`unless` blocks a signal when the thread holds that other evidence', () => {
    const s: Signal = { error: ['provider_cooldown'], unless: { error: ['missing_scopes'] }, reason: 'r', text: 't' };
    expect(matchSignal(s, viewOf([error('provider_cooldown')]))).not.toBeNull();
    expect(matchSignal(s, viewOf([error('provider_cooldown'), error('missing_scopes')]))).toBeNull();
  });

  it('`each` reads the elements of a list field: the element that passes fills the templates', () => {
    const channels = { kind: 'channels_status', source: { messageId: 'm0', lineStart: 1, lineEnd: 3 }, confidence: 1, accounts: [
      { account: 'ops', bits: ['enabled'] },
      { account: 'main', bits: ['token:config (unavailable)'], intentsContent: 'disabled' },
    ] } as unknown as Fact;
    const intents: Signal = { fact: 'channels_status', each: 'accounts', where: { intentsContent: { re: '.' } }, quote: 'intents:content={intentsContent}', reason: '`{quote}` for `{account}`', text: 't' };
    expect(matchSignal(intents, viewOf([channels]))?.because[0]?.reason).toEqual({ id: '`{0}` for `{1}`', quotes: ['intents:content=disabled', 'main'] });
    expect(matchSignal({ ...intents, where: { bits: { has: 'token:config (unavailable)' } } }, viewOf([channels]))).not.toBeNull();
    expect(matchSignal({ ...intents, where: { bits: { has: 'missing' } } }, viewOf([channels]))).toBeNull();
  });

  it('the first signal that matches is the verdict', () => {
    const a: Signal = { statement: ['token_truncated'], reason: 'first', text: 't' };
    const b: Signal = { error: ['setup_token_short'], reason: 'second', text: 't' };
    const view = viewOf([error('setup_token_short'), said('token_truncated', 'cut')]);
    expect(matchSignals([a, b], view)?.because[0]?.reason.id).toBe('first');
    expect(matchSignals([b, a], view)?.because[0]?.reason.id).toBe('second');
  });
});

describe('general forms: with, order, verdict, any code, derived facts', () => {
  it('`with` needs a second piece of evidence, quotes it as {with} and cites it after the first', () => {
    const s: Signal = { error: ['credit_balance_low'], with: { statement: ['bought_credits'] }, reason: '`{quote}` then `{with}`', text: 't' };
    expect(matchSignal(s, viewOf([error('credit_balance_low', { message: 'Your credit balance is too low' })]))).toBeNull();
    const v = matchSignal(s, viewOf([error('credit_balance_low', { message: 'Your credit balance is too low' })], [said('bought_credits', 'I bought credits')]));
    expect(v?.because[0]?.reason.quotes).toEqual(['Your credit balance is too low', 'I bought credits']);
    expect(v?.because[0]?.sources.map((s) => s.messageId)).toEqual(['m0', 'm1']);
    // `cite: false`: still required, no longer cited (a precondition of the verdict, not its reason).
    const quiet = matchSignal({ ...s, reason: '`{quote}`', with: { ...s.with!, cite: false } }, viewOf([error('credit_balance_low', { message: 'Your credit balance is too low' })], [said('bought_credits', 'I bought credits')]));
    expect(quiet?.because[0]?.sources.map((s) => s.messageId)).toEqual(['m0']);
  });

  it('`order` puts the `with` evidence in a newer or an older message than the first', () => {
    const after: Signal = { error: ['credit_balance_low'], with: { statement: ['bought_credits'], order: 'after' }, reason: 'r', text: 't' };
    const before: Signal = { ...after, with: { statement: ['bought_credits'], order: 'before' } };
    const boughtLater = viewOf([error('credit_balance_low')], [said('bought_credits', 'I bought credits')]);
    const boughtFirst = viewOf([said('bought_credits', 'I bought credits')], [error('credit_balance_low')]);
    expect(matchSignal(after, boughtLater)).not.toBeNull();
    expect(matchSignal(after, boughtFirst)).toBeNull();
    expect(matchSignal(before, boughtFirst)).not.toBeNull();
    expect(matchSignal(before, boughtLater)).toBeNull();
  });

  it('`verdict` makes a match only possible or rule the branch out, so signals read like an if/else chain', () => {
    const chain: Signal[] = [
      { error: ['overloaded'], with: { statement: ['bought_credits'] }, verdict: 'ruled_out', reason: 'out', text: 't' },
      { error: ['overloaded'], reason: 'busy', text: 't' },
    ];
    expect(matchSignals(chain, viewOf([error('overloaded')]))?.status).toBe('confirmed');
    const out = matchSignals(chain, viewOf([error('overloaded'), said('bought_credits', 'I paid')]));
    expect(out?.status).toBe('ruled_out');
    expect(out?.specificity).toBeUndefined();
  });

  it('an error of any code narrowed by `where` (HTTP status), `any` / `none` value lists, computed `rejection`', () => {
    const s: Signal = { error: 'any', where: { httpStatus: 402 }, reason: 'r', text: 't' };
    expect(matchSignal(s, viewOf([error('rate_limited', { httpStatus: 402 })]))).not.toBeNull();
    expect(matchSignal(s, viewOf([error('rate_limited', { httpStatus: 429 })]))).toBeNull();
    const from: Signal = { error: 'any', where: { errorProvider: { any: ['anthropic', null] }, wrapper: { none: ['usage'] } }, reason: 'r', text: 't' };
    expect(matchSignal(from, viewOf([error('generic_failure')]))).not.toBeNull();
    expect(matchSignal(from, viewOf([error('generic_failure', { provider: 'openai' })]))).toBeNull();
    expect(matchSignal(from, viewOf([error('generic_failure', { wrapper: 'usage' })]))).toBeNull();
    const blocked: Signal = { statement: ['chat_works'], unless: [{ error: 'any', where: { rejection: true } }], reason: 'r', text: 't' };
    expect(matchSignal(blocked, viewOf([said('chat_works', 'it answers')]))).not.toBeNull();
    expect(matchSignal(blocked, viewOf([said('chat_works', 'it answers'), error('unknown', { httpStatus: 401 })]))).toBeNull();
  });

  it('a derived fact (`unusable_profile`) is tested like a parsed one and cites the output it came from', () => {
    const s: Signal = { fact: 'unusable_profile', where: { kind: 'disabled' }, reason: '`{label}`', text: 't' };
    const fine = status([line('anthropic', [profile('anthropic:default', 'api_key', masked('sk-ant-a...Qx7Lm2Ab'))])]);
    const off = status([line('anthropic', [profile('anthropic:default', 'api_key', masked('sk-ant-a...Qx7Lm2Ab'), { kind: 'disabled', reason: 'billing', remaining: '5h' })])]);
    expect(matchSignal(s, viewOf([fine]))).toBeNull();
    const v = matchSignal(s, viewOf([off]));
    expect(v?.because[0]?.reason.quotes).toEqual(['anthropic:default [disabled:billing 5h]']);
    expect(v?.because[0]?.sources).toEqual([off.source]);
  });
});

describe('more forms: not_before, differs, atLeast, fallbacks and optional segments, named quotes, with lists', () => {
  it('`not_before` accepts the same message or a newer one, never an older one', () => {
    const s: Signal = { statement: ['dm_not_working'], with: { error: ['no_api_key'], order: 'not_before' }, reason: 'r', text: 't' };
    expect(matchSignal(s, viewOf([said('dm_not_working', 'DMs fail'), error('no_api_key')]))).not.toBeNull();
    expect(matchSignal(s, viewOf([error('no_api_key')], [said('dm_not_working', 'DMs fail')]))).toBeNull();
  });

  it('`differs` compares two fields of one fact; `atLeast` reads a release version', () => {
    const gs = (cli: string, svc: string) => ({ kind: 'gateway_status', source: { messageId: 'm0', lineStart: 0, lineEnd: 0 }, confidence: 1, configCli: cli, configService: svc }) as unknown as Fact;
    const s: Signal = { fact: 'gateway_status', where: { configCli: { differs: 'configService' } }, quotes: { cli: 'Config (cli): {configCli}' }, reason: '`{cli}`', text: 't' };
    expect(matchSignal(s, viewOf([gs('/a', '/a')]))).toBeNull();
    expect(matchSignal(s, viewOf([gs('/a', '/b')]))?.because[0]?.reason).toEqual({ id: '`{0}`', quotes: ['Config (cli): /a'] });
    const up: Signal = { statement: ['upgraded'], where: { value: { atLeast: '2026.6.5' } }, reason: 'r', text: 't' };
    expect(matchSignal(up, viewOf([said('upgraded', 'I upgraded', '2026.6.11')]))).not.toBeNull();
    expect(matchSignal(up, viewOf([said('upgraded', 'I upgraded', '2026.5.28')]))).toBeNull();
    expect(matchSignal(up, viewOf([said('upgraded', 'I upgraded')]))).toBeNull();
  });

  it('`{a??b}` falls back to another field; `{?… {field}}` drops its text when the field is empty', () => {
    const s: Signal = { statement: ['env_key_said'], quote: '{value??quote}', reason: '`{quote}`{? ({value})}', text: 't' };
    expect(matchSignal(s, viewOf([said('env_key_said', 'I use the env key', 'ANTHROPIC_API_KEY')]))?.because[0]?.reason).toEqual({ id: '`{0}` ({1})', quotes: ['ANTHROPIC_API_KEY', 'ANTHROPIC_API_KEY'] });
    expect(matchSignal(s, viewOf([said('env_key_said', 'I use the env key')]))?.because[0]?.reason).toEqual({ id: '`{0}`', quotes: ['I use the env key'] });
  });

  it('a `with` list needs every piece, quoted {with}, {with2}, and cites them all', () => {
    const s: Signal = { error: ['overloaded'], with: [{ statement: ['bought_credits'] }, { statement: ['chat_works'] }], reason: '{with} / {with2}', text: 't' };
    expect(matchSignal(s, viewOf([error('overloaded'), said('bought_credits', 'paid')]))).toBeNull();
    const v = matchSignal(s, viewOf([error('overloaded'), said('bought_credits', 'paid'), said('chat_works', 'it answers')]));
    expect(v?.because[0]?.reason.quotes).toEqual(['paid', 'it answers']);
    expect(v?.because[0]?.sources).toHaveLength(3);
  });
});
