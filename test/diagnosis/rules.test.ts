import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ASKS } from '../../src/diagnosis/asks.ts';
import { BRANCH_IDS, ruleFor, RULES } from '../../src/diagnosis/branches/index.ts';
import { parseRules, RuleSchema } from '../../src/diagnosis/rule-schema.ts';
import type { Rule } from '../../src/diagnosis/types.ts';
import { checkCommand } from './reference-commands.ts';

describe('rules', () => {
  it('are the catalog: one rule per id, each valid against the schema, and every fixture folder names one', () => {
    expect(new Set(BRANCH_IDS).size).toBe(RULES.length);
    for (const r of RULES) expect(RuleSchema.safeParse(r).success, r.id).toBe(true);
    // A branch's fixtures live in test/fixtures/<branch-id>/: a folder with a snake_case name no rule has is a typo or a lost rule.
    const folders = readdirSync('test/fixtures', { withFileTypes: true }).filter((d) => d.isDirectory() && d.name.includes('_'));
    for (const d of folders) expect(BRANCH_IDS, `test/fixtures/${d.name}`).toContain(d.name);
  });

  it('reject a rule that judges in code (a `when`) or has no signals, naming the rule', () => {
    const judged = { ...ruleFor('api_key_invalid')!, when: () => null } as unknown as Rule;
    expect(() => parseRules([judged])).toThrow(/api_key_invalid: a when/);
    expect(() => parseRules([{ ...ruleFor('api_key_invalid')!, signals: [] }])).toThrow(/api_key_invalid: signals/);
    expect(() => parseRules([{ ...ruleFor('api_key_invalid')!, signals: undefined } as unknown as Rule])).toThrow(/api_key_invalid: signals/);
  });

  it('reject a malformed id, a `beats` naming no rule, a table without an unknown row, and a rule that beats itself', () => {
    expect(() => parseRules([{ ...ruleFor('api_key_invalid')!, id: 'Api-Key', beats: [] } as unknown as Rule])).toThrow(/Api-Key: id/);
    expect(() => parseRules([{ ...ruleFor('api_key_invalid')!, beats: ['api_key_wrong'] }])).toThrow(/beats unknown branch api_key_wrong/);
    const rows = [{ versions: '≤2026.7.1', command: 'openclaw logs --follow', why: 'w' }];
    expect(() => parseRules([{ ...ruleFor('api_key_invalid')!, beats: [], steps: rows }])).toThrow(/unknown/);
    expect(() => parseRules([{ ...ruleFor('api_key_invalid')!, beats: [], steps: undefined } as unknown as Rule])).toThrow(/api_key_invalid: steps/);
    expect(() => parseRules([{ ...ruleFor('api_key_invalid')!, beats: ['api_key_invalid'] }])).toThrow(/beats itself/);
    const signal = { error: ['no_api_key'], reason: 'r', text: 'text' };
    expect(() => parseRules([{ ...ruleFor('extra_usage_required')!, signals: [{ ...signal, statement: ['subscription'] }] } as unknown as Rule])).toThrow(/exactly one of error, statement, fact/);
    expect(() => parseRules([{ ...ruleFor('extra_usage_required')!, signals: [{ ...signal, error: ['no_such_code'] }] } as unknown as Rule])).toThrow(/extra_usage_required: signals/);
  });

  it('link a docs page the reference lists (§8, and the anchors seed 001 uses)', () => {
    const pages = [
      'gateway/authentication', 'providers/anthropic', 'help/faq', 'help/troubleshooting', 'gateway/troubleshooting',
      'concepts/model-failover', 'concepts/oauth', 'help/environment', 'channels/discord', 'concepts/model-providers',
    ];
    for (const r of RULES) {
      const path = r.docs.replace('https://docs.openclaw.ai/', '').replace(/#.*$/, '');
      expect(pages, `${r.id}: ${r.docs}`).toContain(path);
    }
  });

  it('encode the precedence of branches.md', () => {
    const beats = (a: string, b: string) => RULES.find((r) => r.id === a)?.beats?.includes(b as never);
    expect(beats('api_key_in_token_profile', 'profile_order_conflict')).toBe(true);
    expect(beats('oauth_token_in_api_key_profile', 'profile_order_conflict')).toBe(true);
    expect(beats('api_key_altered', 'api_key_invalid')).toBe(true);
    for (const specific of ['claude_code_only_credential', 'credit_balance_low', 'extra_usage_required']) {
      expect(beats(specific, 'rate_limited'), specific).toBe(true);
      expect(beats(specific, 'api_key_invalid'), specific).toBe(true);
    }
    expect(beats('usage_probe_unsupported', 'setup_token_rejected')).toBe(true);
    expect(beats('default_model_without_auth', 'no_credentials')).toBe(true);
    expect(RULES.find((r) => r.id === 'secret_in_message')?.reportable).toBe(false);
  });
});

describe('every command a rule or an ask can emit is one the reference lists', () => {
  const declared = RULES.flatMap((r) => r.commands.map((c) => [`${r.id}: ${c.template}`, c] as const));
  it.each(declared)('%s', (_name, c) => {
    expect(checkCommand(c.kind, c.template, c.since ?? null)).toBeNull();
  });

  it.each(ASKS.filter((a) => a.command).map((a) => [a.id, a.command!] as const))('ask %s', (_id, command) => {
    expect(checkCommand('openclaw', command)).toBeNull();
  });

  it('openclaw commands quoted in the rules\' `then` texts exist too', () => {
    for (const r of RULES) {
      for (const m of r.then.matchAll(/`(openclaw [^`]+)`/g)) expect(checkCommand('openclaw', m[1]!), `${r.id}: ${m[1]}`).toBeNull();
    }
  });

  it('the checker refuses what the reference does not list', () => {
    expect(checkCommand('openclaw', 'openclaw models auth logout anthropic:default')).toMatch(/unknown subcommand|argument/);
    // paste-api-key exists from 5.28 only (openclaw-cli.md §10.9).
    expect(checkCommand('openclaw', 'openclaw models auth paste-api-key --provider anthropic', '2026.4.12')).toMatch(/2026\.5\.28/);
    expect(checkCommand('openclaw', 'openclaw models auth paste-api-key --provider anthropic', '2026.8.2')).toBeNull();
    expect(checkCommand('openclaw', 'openclaw models status --verbose')).toMatch(/--verbose/);
    expect(checkCommand('openclaw', 'openclaw models auth login --provider anthropic --method cli', '2026.3.13')).toMatch(/2026\.3\.26/);
    expect(checkCommand('openclaw', 'openclaw models auth login --provider anthropic --method cli', '2026.4.12')).toBeNull();
    expect(checkCommand('shell', 'rm -rf ~/.openclaw')).not.toBeNull();
    expect(checkCommand('tui', '/exit')).not.toBeNull();
    expect(checkCommand('claude', 'claude login')).not.toBeNull();
  });
});
