/**
 * Seed 001 — the real help thread Pincer exists to end — replayed through the real ingest,
 * evidence parsers, rules engine and renderer. The old helper asked for `openclaw models status`
 * again and again; these tests hold the memory layer's promises on that thread.
 */
import { describe, expect, it } from 'vitest';
import { normalise } from '../../src/conversation/never-repeat.ts';
import { replay } from './replay.ts';

const { steps, state } = replay('test/fixtures/threads/seed-001.json');
const at = (index: number) => {
  const s = steps.find((x) => x.index === index);
  if (!s) throw new Error(`no user message at index ${index}`);
  return s.reduction;
};
const replies = steps.flatMap((s) => s.reduction.effects.flatMap((e) => (e.type === 'reply' ? [{ index: s.index, reply: e.reply }] : [])));

describe('seed 001 replayed', () => {
  it('opens with one ask for `models status`, in its TUI form', () => {
    expect(at(0).outcome).toMatchObject({ status: 'needs_evidence', nextCommand: '!openclaw models status' });
    expect(at(0).outcome?.reply?.kind).toBe('ask');
  });

  it('the same error again gets one short nudge on how to run it inside the TUI, not the same reply', () => {
    const nudge = at(2).outcome?.reply;
    expect(nudge?.kind).toBe('nudge');
    expect(nudge?.markdown).toContain('`!openclaw models status`');
    expect(nudge?.markdown).toMatch(/inside the TUI/i);
    expect(nudge!.markdown.length).toBeLessThan(at(0).outcome!.reply!.markdown.length);
  });

  it('never posts the same reply text twice', () => {
    const texts = replies.map((r) => normalise(r.reply.markdown));
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('answers each user message at most once', () => {
    for (const s of steps) expect(s.reduction.effects.filter((e) => e.type === 'reply').length).toBeLessThanOrEqual(1);
  });

  it('never asks for `models status` again once the thread has it, unless something changed', () => {
    const firstStatus = steps.find((s) => s.reduction.state.facts.some((f) => f.fact.kind === 'models_status'))!.index;
    const asksAfter = replies.filter((r) => r.index > firstStatus && r.reply.askId === 'models_status' && r.reply.kind === 'ask');
    for (const r of asksAfter) {
      // Only after a change: a reported action, other output, or a new problem — and it says why.
      expect(r.reply.markdown.split('\n')[0]).toMatch(/^(Since|Asking again because) /);
    }
  });

  it('the same 401 pasted again gets a question the user can answer in words, not a hand-over', () => {
    // [8] and [10]: the same error again, after the nudge at [2]; questions [4] and [6] in between.
    for (const i of [8, 10]) {
      expect(at(i).outcome?.reply?.kind).toBe('ask');
      expect(at(i).outcome?.reply?.markdown).toMatch(/\*\*[^*\n]*\?[^*\n]*\*\*/); // a question, in bold
      expect(at(i).effects.some((e) => e.type === 'escalate')).toBe(false);
    }
    expect(at(8).outcome?.reply?.askId).not.toBe(at(10).outcome?.reply?.askId);
    const handOver = steps.find((s) => s.reduction.effects.some((e) => e.type === 'escalate'))!;
    const userMessagesBefore = steps.filter((s) => s.index < handOver.index).length;
    expect(userMessagesBefore).toBeGreaterThanOrEqual(3);
  });

  it('hands over to humans once, when the loop starts, with the evidence it read', () => {
    const escalations = steps.flatMap((s) => s.reduction.effects.filter((e) => e.type === 'escalate'));
    expect(escalations).toHaveLength(1);
    expect(JSON.stringify(escalations[0])).toContain('invalid_x_api_key');
    expect(state.escalations[0]?.episode).toBe(0);
  });

  it('reads the branches issue 2 lists at their messages', () => {
    expect(at(22).outcome?.branch).toBe('tui_multiline_shell');
    expect(at(26).outcome?.branch).toBe('api_key_altered');
    expect(at(30).outcome?.branch).toBe('api_key_altered');
    expect(at(49).outcome).toMatchObject({
      branch: 'api_key_in_token_profile',
      nextCommand: 'openclaw models auth order set --provider anthropic anthropic:default',
    });
    expect(at(49).outcome?.reply?.markdown).toContain('openclaw models auth order set --provider anthropic anthropic:default');
    expect(at(55).outcome?.branch).toBe('tui_command_in_shell');
    expect(at(59).outcome?.branch).toBe('credit_balance_low');
  });

  it('"its working now" asks to mark the solution and closes the problem; DMs are a fresh one', () => {
    expect(at(62).outcome?.reply?.kind).toBe('solve_prompt');
    expect(at(62).state.status).toBe('solved');
    expect(at(64).outcome).toMatchObject({ branch: 'discord_dm_pairing' });
    expect(at(64).state.episode).toBe(1);
    // The DM's own 401 shows it reached the agent: an auth question again, not pairing.
    expect(at(65).outcome?.branch).not.toBe('discord_dm_pairing');
    expect(at(65).outcome?.reply?.markdown.split('\n')[0]).toBe('Since this is a new problem, the earlier output may be out of date, so I need it once more.');
  });

  it('the fix that removed the 401 is remembered as one that worked', () => {
    const pinned = state.suggestions.find((g) => g.branch === 'api_key_in_token_profile');
    expect(pinned?.outcome).toBe('worked');
  });
});
