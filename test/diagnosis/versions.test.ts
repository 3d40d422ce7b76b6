import { describe, expect, it } from 'vitest';
import { describeRange, stepForVersion, VERSIONED_STEPS } from '../../src/diagnosis/versions.ts';
import { checkCommand, kindOf } from './reference-commands.ts';

const exact = (v: string) => ({ min: v, max: v });

describe('per-version steps (branches.md `≤7.1: …; ≥8.1: …`)', () => {
  it('gives each known version its own command for a stale order override', () => {
    expect(stepForVersion('stale_order_override', exact('2026.6.11')).command).toBe('openclaw models auth order clear --provider <provider>');
    expect(stepForVersion('stale_order_override', exact('2026.9.6')).command).toBe('openclaw models auth order set --provider <provider> <profile-id>');
  });

  it('treats maintenance builds 7.33–7.35 like 7.1, and 7.2 betas like the next stable (8.1)', () => {
    expect(stepForVersion('profile_cooldown', exact('2026.7.35')).command).toBe('openclaw logs --follow');
    expect(stepForVersion('profile_cooldown', exact('2026.6.34')).command).toBe('openclaw logs --follow');
    expect(stepForVersion('profile_cooldown', exact('2026.7.2-beta.7')).command).toBe('openclaw models status');
  });

  it('uses a range the output shape implies, and the all-versions step when the range spans rows', () => {
    expect(stepForVersion('stale_order_override', { min: '2026.8.1' }).versionKnown).toBe(true);
    expect(stepForVersion('stale_order_override', { min: '2026.6.5', max: '2026.7.99' }).command).toContain('order clear');
    const unknown = stepForVersion('stale_order_override', {});
    expect(unknown).toEqual({ command: 'openclaw models auth order set --provider <provider> <profile-id>', kind: 'openclaw', versionKnown: false });
    expect(stepForVersion('codex_model_prefix_mismatch', { max: '2026.7.99' }).command).toBe('openclaw --version');
  });

  it('lists only commands the reference knows', () => {
    for (const [id, step] of Object.entries(VERSIONED_STEPS)) {
      for (const row of [...step.rows, step.unknown]) expect(checkCommand(kindOf(row.command), row.command), `${id}: ${row.command}`).toBeNull();
    }
  });

  it('describes a range for replies', () => {
    expect(describeRange({ min: '2026.8.1' })).toBe('≥8.1');
    expect(describeRange({ min: '2026.6.5', max: '2026.7.99' })).toBe('6.5–7.x');
    expect(describeRange(exact('2026.9.6'))).toBe('2026.9.6');
    expect(describeRange({})).toBeNull();
  });
});
