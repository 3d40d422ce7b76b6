/**
 * What Pincer quotes back from an error is the error as the user pasted it: a closing quote mark
 * the prose around it supplied (`… — 'OAuth authentication is currently not supported'`) is not
 * part of it. And a reply's reason does not contradict its own step for the version in use.
 */
import { describe, expect, it } from 'vitest';
import { diagnoseOnce } from '../../src/pipeline/pipeline.ts';
import { withoutStrayClose } from '../../src/text/quote-marks.ts';
import { corpusCases } from './inputs.ts';

const reply = (id: string): string => {
  const c = corpusCases().find((x) => x.id === id)!;
  const r = diagnoseOnce(c.input, undefined, c.openclaw_version ? { openclawVersion: c.openclaw_version } : {});
  return JSON.stringify(r.outcome);
};

describe('quoted errors', () => {
  it('drop a closing mark that was never opened, and keep balanced ones', () => {
    expect(withoutStrayClose("OAuth authentication is currently not supported'")).toBe('OAuth authentication is currently not supported');
    expect(withoutStrayClose('must belong to provider "openai-codex" or a supported alias.ˋ')).toBe('must belong to provider "openai-codex" or a supported alias.');
    expect(withoutStrayClose('No API key found for provider "anthropic"')).toBe('No API key found for provider "anthropic"');
    expect(withoutStrayClose('Use ‘openai-codex/…’')).toBe('Use ‘openai-codex/…’');
    expect(withoutStrayClose('invalid x-api-key  ')).toBe('invalid x-api-key');
  });

  it('a reported setup-token rejection is quoted without the title\'s closing quote (gh-oc-19938)', () => {
    const out = reply('gh-oc-19938');
    expect(out).toContain('OAuth authentication is currently not supported');
    expect(out).not.toContain("OAuth authentication is currently not supported'");
  });

  it('on 8.1 the Codex login failure is not explained with the ≤5.7 advice to use openai-codex/… models (gh-oc-130195)', () => {
    const out = reply('gh-oc-130195');
    expect(out).toContain('codex_model_prefix_mismatch');
    expect(out).toContain('openclaw doctor --fix');
    expect(out).not.toContain('serves `openai-codex/…` models');
  });
});
