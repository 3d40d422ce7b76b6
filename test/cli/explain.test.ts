import { describe, expect, it } from 'vitest';
import { BRANCH_IDS, ruleFor } from '../../src/diagnosis/branches/index.ts';
import { explainBranch } from '../../src/cli/explain.ts';
import { listRules } from '../../src/cli/rules.ts';
import { readFixtureIndex } from '../../src/cli/fixture-index.ts';

describe('pincer explain / pincer rules (offline)', () => {
  it('explains a branch: signals, next command templates, docs and its fixtures', () => {
    const text = explainBranch('api_key_in_token_profile');
    expect(text).toMatch(/^api_key_in_token_profile — /);
    expect(text).toContain('token:sk-ant-a');
    expect(text).toContain('openclaw models auth order set --provider anthropic <profile-id>');
    expect(text).toContain('Docs: https://docs.openclaw.ai/');
    expect(text).toMatch(/Fixtures \(\d+ positive, \d+ near-miss\)/);
    expect(text).toContain('test/fixtures/api_key_in_token_profile/seed001-two-profiles.txt');
    expect(text).toContain('Beats: profile_order_conflict');
  });

  it('says when a branch is a side warning and when it has no command', () => {
    expect(explainBranch('secret_in_message')).toContain('never the reported branch');
    expect(explainBranch('credit_balance_low')).toContain('(no command: a console action)');
  });

  it('an unknown id lists the known ones instead of throwing', () => {
    const text = explainBranch('api_key_wrong');
    expect(text).toContain('Unknown branch id "api_key_wrong"');
    expect(text).toContain('api_key_invalid');
  });

  it('lists every rule with its fixture counts', () => {
    const text = listRules();
    for (const id of BRANCH_IDS) expect(text).toContain(id);
    const index = readFixtureIndex();
    const row = text.split('\n').find((l) => l.startsWith('api_key_altered '))!;
    const positives = index.api_key_altered!.filter((f) => f.positive).length;
    expect(row).toContain(`+${positives} -`);
    expect(text).toMatch(new RegExp(`${BRANCH_IDS.length} rules$`));
  });

  it('prints the declared signals from the data: explain shows each pattern, rules counts them', () => {
    const text = explainBranch('tui_multiline_shell');
    expect(text).toContain('fact shell_error (this message) where target~/^!/; specificity 3');
    expect(explainBranch('extra_usage_required')).toContain('(error extra_usage_required; specificity 3)');
    const row = listRules().split('\n').find((l) => l.startsWith('agent_auth_missing '))!;
    // The row counts the rule's declared signals.
    expect(row).toMatch(new RegExp(`\\s${ruleFor('agent_auth_missing')!.signals!.length}\\s`));
    expect(listRules()).toMatch(/\n\d+ declared signals\n46 rules$/);
  });

  it('shows the per-version steps of a branch whose command changed between versions', () => {
    const text = explainBranch('stale_order_override');
    expect(text).toContain('≤7.1: openclaw models auth order clear --provider <provider>');
    expect(text).toContain('unknown: openclaw models auth order set --provider <provider> <profile-id>');
  });

  it('takes an explicit fixture index (no disk needed)', () => {
    expect(listRules({})).toContain('+0 -0');
    expect(explainBranch('rate_limited', {})).toContain('Fixtures (0 positive, 0 near-miss)');
  });
});
