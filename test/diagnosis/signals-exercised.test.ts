/**
 * Every declared signal (a rule's `signals`, src/diagnosis/patterns.ts) is exercised by real input:
 * it matches at least one input of the repository (./inputs.ts: fixtures, evidence captures, seeds,
 * OpenClaw captures, threads, corpus) that its rule diagnoses
 * (a `possible` / `ruled_out` signal: where its rule is a candidate with that status). A signal no
 * input reaches is untested prose and fails here, unless it is listed in UNEXERCISED with why it
 * stays; a listed signal that real input reaches fails too, so the list only shrinks.
 */
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/diagnosis/branches/index.ts';
import { matchSignal } from '../../src/diagnosis/patterns.ts';
import { allInputs } from './inputs.ts';
import { loadStages, runThread } from './pipeline.ts';

const stages = await loadStages();

// Every input the repository holds: fixtures, evidence captures, seeds, OpenClaw captures, threads, corpus.
const inputs = allInputs().map((i) => ({ ...i, ...runThread(i.text, stages) }));

/**
 * Signals kept from the code they replaced (same behaviour) that no real input reaches yet.
 * `rule #n` as the test names them.
 */
const UNEXERCISED = new Set([
  // A 402/529 whose text reads as another error: the catalog names the status alone.
  'credit_balance_low #3',
  'credit_balance_low #4',
  'provider_overloaded #3',
  // `token:config (unavailable)` on `channels status --probe`: no capture prints it yet.
  'discord_token_missing #3',
  // Codex `token_expired` (pre-6.1 `openai-codex` provider): no capture or report yet.
  'oauth_refresh_failed #2',
  // A Claude CLI route with the expiry only described, or only a generic failure: no report yet.
  'claude_cli_login_expired #4',
  'claude_cli_login_expired #5',
  // Billing copy with a token/OAuth `/status` card: no capture or report yet.
  'subscription_limit #3',
  // A DM answered with `No API key found`, or DMs failing under a DM policy other than pairing: no report yet.
  'discord_dm_pairing #4',
  'discord_dm_pairing #6',
]);

const declared = RULES.flatMap((rule) => (rule.signals ?? []).map((signal, n) => [`${rule.id} #${n + 1}: ${signal.text}`, rule.id, signal] as const));

describe('every declared signal matches real input its rule diagnoses', () => {
  it('there are declared signals and inputs to check them against', () => {
    expect(declared.length).toBeGreaterThan(10);
    expect(inputs.length).toBeGreaterThan(200);
  });

  it.each(declared)('%s', (name, id, signal) => {
    const status = signal.verdict ?? 'confirmed';
    const diagnosed = (d: (typeof inputs)[number]['diagnosis']) =>
      status === 'confirmed'
        ? d.branch === id || (d.sideWarnings ?? []).includes(id)
        : d.candidates.some((c) => c.id === id && c.status === status);
    const hit = inputs.find((i) => diagnosed(i.diagnosis) && matchSignal(signal, i.view) !== null);
    const key = name.slice(0, name.indexOf(':'));
    if (UNEXERCISED.has(key)) expect(hit?.name, `${key} is exercised now: take it off UNEXERCISED`).toBeUndefined();
    else expect(hit?.name, `no fixture, capture or corpus case diagnosed as ${id} (${status}) matches this signal`).toBeDefined();
  });

  it('UNEXERCISED names declared signals only', () => {
    const names = new Set(declared.map(([name]) => name.slice(0, name.indexOf(':'))));
    expect([...UNEXERCISED].filter((k) => !names.has(k))).toEqual([]);
  });
});
