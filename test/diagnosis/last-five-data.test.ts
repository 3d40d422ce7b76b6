/**
 * The last five rules that decided in code are data (issue 13): auth_store_malformed,
 * default_model_without_auth, session_profile_pinned, codex_model_prefix_mismatch and
 * setup_token_rejected. Each is checked on real pastes (golden fixtures, an OpenClaw capture) the
 * way a user sees it: the branch named, and the reason quoting their own text.
 */
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/diagnosis/branches/index.ts';
import { plainText } from '../../src/diagnosis/reason.ts';
import type { Diagnosis } from '../../src/diagnosis/types.ts';
import { allInputs } from './inputs.ts';
import { loadStages, runThread } from './pipeline.ts';

const stages = await loadStages();
const inputs = allInputs();

/** The diagnosis of one repository input (a fixture path under test/fixtures/, or `capture:<version>/<setup>`). */
function run(name: string): { diagnosis: Diagnosis; text: string } {
  const input = inputs.find((i) => i.name === name);
  if (!input) throw new Error(`no input ${name}`);
  return { diagnosis: runThread(input.text, stages).diagnosis, text: input.text };
}

/** The reasons a candidate gives, as plain text (quoted values back in their backticks). */
function reasonOf(d: Diagnosis, id: string): string {
  const c = d.candidates.find((x) => x.id === id);
  return c ? c.because.map((b) => plainText(b.reason)).join(' | ') : '';
}

describe('the last five rules as data', () => {
  it('no rule decides in a `when` any more: every rule is declared signals', () => {
    expect(RULES.filter((r) => 'when' in r || 'whenSignals' in r).map((r) => r.id)).toEqual([]);
    expect(RULES.every((r) => r.signals.length > 0)).toBe(true);
  });

  it('auth_store_malformed names the profile and the field the store does not read', () => {
    const { diagnosis: d, text } = run('auth_store_malformed/mode-and-apiKey.txt');
    expect(d.branch).toBe('auth_store_malformed');
    expect(text).toContain('"anthropic:default"');
    expect(reasonOf(d, 'auth_store_malformed')).toBe('`anthropic:default` uses `"mode"`, which is not a field of the store (`type` + `key`/`token`/`access`).');
    const nested = run('auth_store_malformed/nested-by-provider.txt').diagnosis;
    expect(nested.branch).toBe('auth_store_malformed');
    expect(reasonOf(nested, 'auth_store_malformed')).toContain('nested by provider');
    // A well-formed store is not malformed.
    expect(run('auth_store_malformed/near-miss-valid-store.txt').diagnosis.candidates.map((c) => c.id)).not.toContain('auth_store_malformed');
  });

  it('default_model_without_auth quotes the Missing auth line and the provider the user did set up', () => {
    const { diagnosis: d } = run('default_model_without_auth/openrouter-env-default-anthropic.txt');
    expect(d.branch).toBe('default_model_without_auth');
    expect(reasonOf(d, 'default_model_without_auth')).toBe("`Missing auth - anthropic` is the default model's provider, while you set up `openrouter`.");
    expect(plainText(d.step!.why)).toContain('openrouter');
    const minimax = run('default_model_without_auth/minimax-set-default-anthropic.txt').diagnosis;
    expect(reasonOf(minimax, 'default_model_without_auth')).toContain('while you set up `minimax`');
    // Nothing set up at all is no_credentials, not this branch.
    expect(run('default_model_without_auth/near-miss-nothing-set-up.txt').diagnosis.branch).not.toBe('default_model_without_auth');
  });

  it('session_profile_pinned quotes the order and the profile the session still uses', () => {
    const { diagnosis: d } = run('session_profile_pinned/status-card-old-profile.txt');
    expect(d.branch).toBe('session_profile_pinned');
    expect(reasonOf(d, 'session_profile_pinned')).toBe('The order is `anthropic:default` but this session uses `anthropic:old`: a per-session pin goes first (§3.3).');
    expect(d.nextCommand).toBe('/model');
    // The card shows the profile the order names: no pin.
    expect(run('session_profile_pinned/near-miss-card-matches-order.txt').diagnosis.candidates.map((c) => c.id)).not.toContain('session_profile_pinned');
  });

  it('codex_model_prefix_mismatch: an openai default with only Codex OAuth, and a stale openai-codex ref on real 9.6 output', () => {
    const { diagnosis: d } = run('codex_model_prefix_mismatch/status-codex-default-openai.txt');
    expect(d.branch).toBe('codex_model_prefix_mismatch');
    expect(reasonOf(d, 'codex_model_prefix_mismatch')).toBe('`Default : openai/gpt-5.4` with only `openai-codex` set up.');
    const capture = run('capture:2026.9.6/codex-model-ref').diagnosis;
    expect(capture.branch).toBe('codex_model_prefix_mismatch');
    expect(reasonOf(capture, 'codex_model_prefix_mismatch')).toMatch(/^`openai-codex\/gpt-5\.4`: since 2026\.6\.1/);
    expect(capture.nextCommand).toBe('openclaw doctor --fix');
  });

  it('setup_token_rejected quotes the refusal and the token profile, the subscription said, or rules out the usage probe', () => {
    const { diagnosis: d } = run('setup_token_rejected/static-token-bearer-401.txt');
    expect(d.branch).toBe('setup_token_rejected');
    expect(reasonOf(d, 'setup_token_rejected')).toMatch(/Invalid bearer token.*` for `anthropic:manual`: Anthropic no longer accepts that token\.$/);
    const pro = run('setup_token_rejected/pro-subscription-bearer-401.txt').diagnosis;
    expect(pro.branch).toBe('setup_token_rejected');
    expect(reasonOf(pro, 'setup_token_rejected')).toContain('for your subscription token');
    // Cited: the error line and "I have a Claude Pro subscription" (the first message).
    expect(pro.candidates.find((c) => c.id === 'setup_token_rejected')?.because[0]?.sources.map((s) => s.messageId).sort()).toEqual(['m0', 'm1']);
    const usage = run('setup_token_rejected/near-miss-seed002-usage.txt').diagnosis;
    expect(usage.candidates.find((c) => c.id === 'setup_token_rejected')?.status).toBe('ruled_out');
  });
});
