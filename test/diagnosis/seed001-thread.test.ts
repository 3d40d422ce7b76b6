/**
 * Seed 001 as one thread, the author's messages in order, through ingest → evidence → view →
 * diagnose. Memory is reduced to what the view itself needs: a newer `models status` supersedes an
 * older one and "it works now" starts a new episode (the conversation layer does the full job).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from '../../src/cli/fixture-index.ts';
import { diagnose } from '../../src/diagnosis/engine.ts';
import type { Diagnosis } from '../../src/diagnosis/types.ts';
import { buildView, type FactRecord } from '../../src/diagnosis/view.ts';
import { loadStages } from './pipeline.ts';

const stages = await loadStages();
const thread = JSON.parse(readFileSync(join(FIXTURES_DIR, 'threads', 'seed-001.json'), 'utf8')) as { messages: { role: string; text: string }[] };

function replay(): Map<number, Diagnosis> {
  const out = new Map<number, Diagnosis>();
  let records: FactRecord[] = [];
  thread.messages.forEach((m, i) => {
    if (m.role !== 'user') return;
    const facts = stages.extractEvidence(stages.ingest({ text: m.text }).text, `m${i}`).facts;
    if (facts.some((f) => f.kind === 'statement' && f.topic === 'works_now')) records = [];
    for (const fact of facts) {
      if (fact.kind === 'models_status') records = records.map((r) => (r.fact.kind === 'models_status' ? { ...r, stale: true } : r));
      records.push({ fact, messageId: `m${i}`, seq: i, stale: false });
    }
    out.set(i, diagnose(buildView({ records, currentMessageId: `m${i}` })));
  });
  return out;
}

/** The user message whose text starts with `start` (its index in the thread). */
const at = (start: string) => thread.messages.findIndex((m) => m.role === 'user' && m.text.startsWith(start));

describe('seed 001, message by message', () => {
  const results = stages ? replay() : new Map<number, Diagnosis>();
  const outcome = (i: number) => {
    const d = results.get(i)!;
    return { status: d.status, branch: d.branch, next: d.nextCommand };
  };

  it('the first message (401 + TUI footer) asks for `!openclaw models status`', () => {
    expect(outcome(0)).toEqual({ status: 'needs_evidence', branch: null, next: '!openclaw models status' });
  });

  it('never repeats the diagnostic ladder: each 401 paste before `models status` gets the same one ask', () => {
    for (const [i, d] of results) if (i < at('run error: HTTP 401 authentication_error: invalid x-api-key (request_id: sha256:200c2b2a7293)')) expect(d.ask?.ask.id ?? d.branch, `#${i}`).toBe('models_status');
  });

  it('several `!` lines at once → one `!` command per message', () => {
    expect(outcome(at('run error: HTTP 401 authentication_error: invalid x-api-key (request_id: sha256:200c2b2a7293)')).branch).toBe('tui_multiline_shell');
  });

  it('`anthropic:default=API sk-a..._HeoVAAA` and "i deleted some spaces" → api_key_altered', () => {
    expect(outcome(at('[local] $ openclaw models status')).branch).toBe('api_key_altered');
    expect(outcome(at('i deleted some spaces')).branch).toBe('api_key_altered');
    expect(outcome(at('im on macOS')).next).toBe('export ANTHROPIC_API_KEY="$(pbpaste | tr -d \'\\r\\n\')"');
  });

  it('the wizard screen with `● Use existing values` → pick Update values', () => {
    expect(outcome(at('◇ Existing config detected')).branch).toBe('wizard_kept_existing_values');
  });

  it('`profiles=2` with the key in the token profile → pin anthropic:default', () => {
    expect(outcome(at('🦞 OpenClaw 2026.3.13 (61d171a) — Gateway online'))).toEqual({
      status: 'diagnosed',
      branch: 'api_key_in_token_profile',
      next: 'openclaw models auth order set --provider anthropic anthropic:default',
    });
  });

  it('`/reset` typed in zsh → type it in the TUI; once pinned → retry in a fresh session', () => {
    expect(outcome(at('zsh: no such file or directory: /reset'))).toMatchObject({ branch: 'tui_command_in_shell', next: '/reset' });
    expect(outcome(at('Agent: main\nProvider: anthropic'))).toMatchObject({ next: '/reset' });
  });

  it('the credit-balance line → top up (a console action, no command)', () => {
    expect(outcome(at('run error: LLM request rejected: Your credit balance'))).toEqual({ status: 'diagnosed', branch: 'credit_balance_low', next: null });
  });

  it('"dms are not working" → pairing; the 401 the DM got back → the ask that decides, not pairing', () => {
    expect(outcome(at('dms are not working'))).toEqual({ status: 'diagnosed', branch: 'discord_dm_pairing', next: 'openclaw pairing list discord' });
    const dm401 = results.get(at('HTTP 401: authentication_error'))!;
    expect(dm401.status).toBe('needs_evidence');
    expect(dm401.candidates.find((c) => c.id === 'discord_dm_pairing')?.status).toBe('ruled_out');
  });
});
