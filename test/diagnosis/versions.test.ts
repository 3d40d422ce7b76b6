import { describe, expect, it } from 'vitest';
import { ruleFor, RULES } from '../../src/diagnosis/branches/index.ts';
import { pickRow, rowRange, type Steps } from '../../src/diagnosis/steps.ts';
import { describeRange } from '../../src/diagnosis/versions.ts';
import { checkCommand, kindOf } from './reference-commands.ts';

const exact = (v: string) => ({ min: v, max: v });
const steps = (id: string): Steps => ruleFor(id)!.steps!;
const command = (id: string, range: { min?: string; max?: string }) => pickRow(steps(id), range).command;

describe('per-version steps (branches.md `≤7.1: …; ≥8.1: …`) as each rule\'s `steps` rows', () => {
  it('gives each known version its own command for a stale order override', () => {
    expect(command('stale_order_override', exact('2026.6.11'))).toBe('openclaw models auth order clear --provider <provider>');
    expect(command('stale_order_override', exact('2026.9.6'))).toBe('openclaw models auth order set --provider <provider> <profile-id>');
  });

  it('treats maintenance builds 7.33–7.35 like 7.1, and 7.2 betas like the next stable (8.1)', () => {
    expect(command('profile_cooldown', exact('2026.7.35'))).toBe('openclaw logs --follow');
    expect(command('profile_cooldown', exact('2026.6.34'))).toBe('openclaw logs --follow');
    expect(command('profile_cooldown', exact('2026.7.2-beta.7'))).toBe('openclaw models status');
  });

  it('uses a range the output shape implies, and the unknown row when the range spans rows', () => {
    expect(pickRow(steps('stale_order_override'), { min: '2026.8.1' }).versionKnown).toBe(true);
    expect(command('stale_order_override', { min: '2026.6.5', max: '2026.7.99' })).toContain('order clear');
    const unknown = pickRow(steps('stale_order_override'), {});
    expect(unknown.command).toBe('openclaw models auth order set --provider <provider> <profile-id>');
    expect(unknown.versionKnown).toBe(false);
    expect(command('codex_model_prefix_mismatch', { max: '2026.7.99' })).toBe('openclaw --version');
  });

  it('reads a middle row (6.5–7.x) and an open-ended thread range', () => {
    const rows: Steps = [
      { versions: '≤2026.6.4', command: 'a', why: 'w' },
      { versions: '2026.6.5–2026.7.x', command: 'b', why: 'w' },
      { versions: '≥2026.8.1', command: 'c', why: 'w' },
      { versions: 'unknown', command: 'u', why: 'w' },
    ];
    expect(pickRow(rows, exact('2026.3.13')).command).toBe('a');
    expect(pickRow(rows, exact('2026.7.1')).command).toBe('b');
    expect(pickRow(rows, { min: '2026.6.5', max: '2026.7.99' }).command).toBe('b');
    expect(pickRow(rows, exact('2026.10.2')).command).toBe('c');
    expect(pickRow(rows, { min: '2026.6.5' }).command).toBe('u');
    expect(pickRow(rows, { max: '2026.6.1' }).command).toBe('a');
  });

  it('rejects a row range it cannot read', () => {
    expect(() => rowRange('since 8.1')).toThrow(/any, unknown/);
    expect(rowRange('2026.6.5–2026.7.x')).toEqual({ min: '2026.6.5', max: '2026.7.99' });
  });

  it('lists only commands the reference knows, each for the versions of its row', () => {
    for (const rule of RULES) {
      for (const row of rule.steps) {
        // A command that is only a placeholder (what OpenClaw printed, the slash command typed) is checked as the rule's `commands`.
        if (!row.command || /^<[^>]+>$/.test(row.command)) continue;
        const since = rowRange(row.versions)?.min ?? null;
        const version = since && !since.endsWith('.99') ? since : row.versions.startsWith('≤') ? '2026.3.13' : null;
        const kind = row.commandKind ?? (row.runIn === 'tui' && row.command.startsWith('/') ? 'tui' : kindOf(row.command));
        expect(checkCommand(kind, row.command, version), `${rule.id} ${row.versions}: ${row.command}`).toBeNull();
      }
    }
  });

  it('describes a range for replies', () => {
    expect(describeRange({ min: '2026.8.1' })).toBe('≥8.1');
    expect(describeRange({ min: '2026.6.5', max: '2026.7.99' })).toBe('6.5–7.x');
    expect(describeRange(exact('2026.9.6'))).toBe('2026.9.6');
    expect(describeRange({})).toBeNull();
  });
});
