/**
 * `no_credentials` speaks to the provider `Missing auth` names: the Anthropic account question only
 * for anthropic, a sign-in (not a pasted key) for a provider that takes one.
 */
import { describe, expect, it } from 'vitest';
import { renderDiagnosis } from '../../src/reply/render.ts';
import { loadStages, runThread } from './pipeline.ts';

const stages = await loadStages();
const replyTo = (text: string): string => {
  const { view, diagnosis } = runThread(text, stages);
  expect(diagnosis.branch).toBe('no_credentials');
  return renderDiagnosis(diagnosis, view).markdown;
};

describe('no_credentials follows the missing provider', () => {
  it('asks an Anthropic user which kind of account they have', () => {
    expect(replyTo('Missing auth\n- anthropic Run `openclaw configure` or set an API key env var.')).toMatch(/API key from the Anthropic Console, or with a Claude subscription/);
  });

  it('tells an openai-codex user to sign in, and asks nothing about Anthropic', () => {
    const reply = replyTo('Missing auth\n- openai-codex');
    expect(reply).toMatch(/sign in with your ChatGPT account/);
    expect(reply).not.toMatch(/Anthropic|paste a key/);
    expect(reply).toContain('openclaw onboard');
  });

  it('tells another provider\'s user to paste that provider\'s key', () => {
    expect(replyTo('Missing auth\n- openrouter Run `openclaw configure` or set an API key env var.')).toMatch(/Choose the `openrouter` provider and paste a key/);
  });
});
