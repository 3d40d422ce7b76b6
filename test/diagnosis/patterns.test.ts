import { describe, expect, it } from 'vitest';
import { matchSignals as matchErrors, rangesMeet, type Signal } from '../../src/diagnosis/patterns.ts';
import { ruleFor } from '../../src/diagnosis/branches/index.ts';
import { diagnose } from '../../src/diagnosis/engine.ts';
import { error, version, viewOf } from './facts.ts';

const pattern: Signal = { error: ['extra_usage_required'], versions: '≥2026.8.1', reason: '`{quote}`: spent.', text: '`…`' };

describe('error signals are patterns over typed facts, with version ranges', () => {
  it('confirms with the pasted line as the reason\'s one quoted value', () => {
    const v = matchErrors([pattern], viewOf([error('extra_usage_required', { message: "You're out of extra usage" })]));
    expect(v?.status).toBe('confirmed');
    expect(v?.specificity).toBe(3);
    expect(v?.because[0]?.reason.id).toBe('`{0}`: spent.');
    expect(v?.because[0]?.reason.quotes[0]).toContain("out of extra usage");
  });

  it('skips a pattern whose versions the thread cannot be on, and keeps it when the version is unknown', () => {
    const err = error('extra_usage_required', { message: "You're out of extra usage" });
    expect(matchErrors([pattern], viewOf([err, version('2026.6.11')]))).toBeNull();
    expect(matchErrors([pattern], viewOf([err, version('2026.9.6')]))?.status).toBe('confirmed');
    expect(rangesMeet('≥2026.8.1', {})).toBe(true);
    expect(rangesMeet('2026.6.5–2026.7.x', { min: '2026.8.1' })).toBe(false);
    expect(rangesMeet('≤2026.6.4', { max: '2026.6.11', min: '2026.6.1' })).toBe(true);
  });

  it('a rule with only error patterns and a steps table needs no code: extra_usage_required', () => {
    const rule = ruleFor('extra_usage_required')!;
    expect(rule.when).toBeUndefined();
    const d = diagnose(viewOf([error('extra_usage_required', { message: 'Extra usage is required for long context requests' }), version('2026.9.6')]));
    expect(d.branch).toBe('extra_usage_required');
    expect(d.nextCommand).toBe('openclaw onboard');
  });
});
