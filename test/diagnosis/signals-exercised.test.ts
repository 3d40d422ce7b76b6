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
import { allInputs, threadPrefixes } from './inputs.ts';
import { loadStages, runThread } from './pipeline.ts';

const stages = await loadStages();

// Every input the repository holds: fixtures, evidence captures, seeds, OpenClaw captures, threads
// (whole, and at each of the author's messages), corpus.
const inputs = [...allInputs(), ...threadPrefixes()].map((i) => ({ ...i, ...runThread(i.text, stages) }));

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
  // ≥9.1 guard `CLI and <source> use different …` (a warning, not the refusal): no capture prints it yet.
  'state_dir_mismatch #2',
  // The 8.2 split-brain after an upgrade to an unnamed version: the one report names it.
  'auth_store_migration #6',
  // auth_store_malformed, kept from its code: no input holds a store-shaped file whose fault is only a
  // loader problem, nor `No API key found` naming no store on a version known to be ≤6.4 beside "the file holds the key".
  'auth_store_malformed #3',
  'auth_store_malformed #6',
  // An OpenAI model under `google/`: no report yet.
  'model_provider_prefix_mismatch #3',
  // The api-key rules' branches kept from their code: no real paste shows them yet.
  'api_key_invalid #3', // `models status` with no Anthropic credential that resolves, after a refusal
  'api_key_in_token_profile #4', // a token-typed key JSON beside a bare 529 (seed 000 has the `overloaded` text)
  'api_key_in_token_profile #6', // a token-typed `sk-ant-…` JSON that is neither `api` nor a 529 case
  'oauth_token_in_api_key_profile #3', // a pasted auth-profiles.json, `"type": "api_key"` holding `sk-ant-oat…`
  'key_provider_mismatch #1', // the user names `google-gemini-cli` apart from the error line (the corpus case has it in the line: #2)
  'profile_shadows_env #4', // env and profile masks differ, a failure, and no word about setting the variable
  'agent_auth_missing #4', // "a new agent" said beside `No API key found` of the main store
  'agent_auth_missing #7', // "works in main" beside `No API key found`, no agent or job named
  'agent_auth_missing #8', // "works in main" beside an Anthropic refusal, no agent or job named
  'secret_ref_unresolved #3', // a `--probe` table row `unresolved_ref`
  'wrong_host #4', // a remote gateway and a failure, nothing changed here yet
  'wrong_host #5', // "works in the terminal" with no word on where the gateway runs
  'no_credentials #3', // a provider line `effective=missing` beside other lines (real output lists it under `Missing auth` first)
  'no_credentials #9', // `No API key found` of the main store, and "it works in the terminal"
  'env_not_visible_to_service #1', // needs a step Pincer gave that failed (the conversation's record; a paste has none)
  'env_not_visible_to_service #7', // "works from my shell", a service, and `No API key found`
  'env_not_visible_to_service #8', // "works elsewhere", a service, and a refusal
  'env_not_visible_to_service #9', // "works elsewhere" and a failure, no service shown
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
