import { describe, expect, it } from 'vitest';
import { normalise } from '../../src/conversation/never-repeat.ts';
import type { Diagnosis } from '../../src/diagnosis/types.ts';
import type { EvidenceView } from '../../src/diagnosis/view.ts';
import { deps, f, fakeDiagnose, fakeRender, msg } from './fixtures.ts';
import { reduce } from '../../src/conversation/reducer.ts';
import { MINUTE, T0, only, replies, run } from './run.ts';

const HOUR = 60 * MINUTE;

describe('a new thread', () => {
  it('with a 401 and nothing else: one ask for `models status`, status needs_info, a 24 h reminder', () => {
    const { steps, state } = run([msg('m1', [f.err401()])]);
    const r = steps[0]!;
    expect(only(r)?.kind).toBe('ask');
    expect(r.outcome).toMatchObject({ status: 'needs_evidence', nextCommand: 'openclaw models status' });
    expect(state.status).toBe('needs_info');
    expect(r.effects).toContainEqual({ type: 'set_status', status: 'needs_info' });
    expect(r.effects).toContainEqual({ type: 'schedule', timer: 'remind_author', dueAt: T0 + MINUTE + 24 * HOUR });
    expect(state.asks).toHaveLength(1);
  });

  it('asks for the TUI form when the footer shows the user is in the TUI', () => {
    const { steps } = run([msg('m1', [f.err401(), f.footer()])]);
    expect(steps[0]!.outcome?.nextCommand).toBe('!openclaw models status');
  });

  it('stays silent in a help thread when nothing is about model auth, answers in one line when addressed', () => {
    const { steps } = run([msg('m1', [f.say('os', 'macos')]), msg('m2', [], { addressed: true })]);
    expect(replies(steps[0]!)).toEqual([]);
    expect(steps[0]!.outcome?.status).toBe('not_auth');
    expect(only(steps[1]!)?.kind).toBe('not_auth');
  });
});

describe('the same paste again (seed 001 pastes the same 401 eight times)', () => {
  const again = (n: number) => msg(`m${n}`, [f.err401(`sha256:${n}0000000000`), f.footer()]);
  const { steps, state } = run([again(1), again(2), again(3), again(4), again(5), again(6)]);

  it('first repeat: one short nudge, worded differently, saying how to run the ask inside the TUI', () => {
    const nudge = only(steps[1]!);
    expect(nudge?.kind).toBe('nudge');
    expect(nudge?.markdown).toContain('`!openclaw models status`');
    expect(nudge?.markdown).toMatch(/one command per message/);
    expect(normalise(nudge!.markdown)).not.toBe(normalise(only(steps[0]!)!.markdown));
    expect(state.asks).toHaveLength(1);
  });

  it('second repeat: hands over to humans once, with the evidence in the summary', () => {
    const r = steps[2]!;
    expect(only(r)?.kind).toBe('escalation');
    const esc = r.effects.filter((e) => e.type === 'escalate');
    expect(esc).toHaveLength(1);
    expect(esc[0]).toMatchObject({ summary: { reason: 'repeated_paste' } });
    expect(JSON.stringify(esc[0])).toContain('HTTP 401 invalid_x_api_key (anthropic) ×3');
    expect(r.effects).toContainEqual({ type: 'set_status', status: 'needs_human' });
  });

  it('after the hand-over: one holding note, then silence; never a second escalation, never the same text', () => {
    expect(only(steps[3]!)?.kind).toBe('nudge');
    expect(replies(steps[4]!)).toEqual([]);
    expect(replies(steps[5]!)).toEqual([]);
    expect(steps.flatMap((s) => s.effects).filter((e) => e.type === 'escalate')).toHaveLength(1);
    const texts = steps.flatMap(replies).map((x) => normalise(x.markdown));
    expect(new Set(texts).size).toBe(texts.length);
    expect(state.status).toBe('needs_human');
  });

  it('a user no human has reached is not left in silence: 6 hours on, the next repeat gets a new note', () => {
    const noteAt = T0 + 4 * MINUTE; // steps[3], the first holding note
    const later = (hours: number, prev: typeof state, n: number) => reduce(prev, again(n), noteAt + hours * HOUR, deps);
    const quiet = later(5, state, 7);
    expect(replies(quiet)).toEqual([]);
    const second = later(6, quiet.state, 8);
    expect(only(second)?.kind).toBe('nudge');
    expect(normalise(only(second)!.markdown)).not.toBe(normalise(only(steps[3]!)!.markdown));
    expect(second.effects.filter((e) => e.type === 'escalate')).toEqual([]);
    expect(replies(later(7, second.state, 9))).toEqual([]); // 1 hour after the second note
  });

  it('still reports the diagnosis when silent (replay shows status and branch)', () => {
    expect(steps[5]!.outcome).toMatchObject({ status: 'needs_evidence', reply: null });
  });
});

describe('a question with nothing to read, between repeats (seed 001: "I want to put the key again, what do i run?")', () => {
  const again = (n: number) => msg(`m${n}`, [f.err401(`sha256:${n}0000000000`), f.footer()]);
  const { steps, state } = run([again(1), again(2), msg('q3', []), msg('q4', []), again(5)]);

  it('is not "the same paste again": no reply in a help thread and no hand-over', () => {
    expect(replies(steps[2]!)).toEqual([]);
    expect(replies(steps[3]!)).toEqual([]);
    expect(steps.slice(0, 4).flatMap((s) => s.effects).filter((e) => e.type === 'escalate')).toEqual([]);
  });

  it('the next real repeat is what hands over', () => {
    expect(only(steps[4]!)?.kind).toBe('escalation');
    expect(state.status).toBe('needs_human');
  });
});

describe('a full credential in a message (issue 9)', () => {
  const again = (n: number, ...extra: ReturnType<typeof f.secret>[]) => msg(`m${n}`, [f.err401(`sha256:${n}0000000000`), f.footer(), ...extra]);

  it('is called out even when the policy would only nudge', () => {
    const { steps } = run([again(1), again(2, f.secret())]);
    const reply = only(steps[1]!);
    expect(reply?.kind).toBe('nudge');
    expect(reply?.markdown.split('\n')[0]).toMatch(/full credential \(`sk-ant-api03-…Xy9W`\): revoke it now/);
  });

  it('alone in a message: the warning, and no hand-over for "the same output again"', () => {
    const { steps } = run([again(1), again(2), msg('m3', [f.secret()])]);
    expect(only(steps[2]!)?.kind).toBe('secret_warning');
    expect(steps[2]!.effects.filter((e) => e.type === 'escalate')).toEqual([]);
  });

  it('after the hand-over, when Pincer would stay silent: the warning still goes out', () => {
    const { steps } = run([again(1), again(2), again(3), again(4), again(5), again(6, f.secret('sk-proj-…AbCd'))]);
    expect(only(steps[5]!)?.markdown).toContain('`sk-proj-…AbCd`');
  });
});

describe('evidence that answers the open ask', () => {
  it('closes the ask, moves the diagnosis and cancels the reminder', () => {
    const { steps, state } = run([msg('m1', [f.err401()]), msg('m2', [f.status()])]);
    expect(state.asks[0]).toMatchObject({ askId: 'models_status', answeredBy: 'm2' });
    expect(only(steps[1]!)).toMatchObject({ kind: 'diagnosis', branch: 'api_key_invalid', nextCommand: 'openclaw onboard' });
    expect(steps[1]!.effects).toContainEqual({ type: 'cancel_timer', timer: 'remind_author' });
    expect(state.status).toBe('bot_answered');
    expect(state.timers).toEqual({});
  });

  it('maps "the first one" to the open ask\'s first outcome', () => {
    const { state } = run([
      msg('m1', [f.err401(), f.say('gateway_local')]),
      msg('m2', [f.say('answer_first')]),
    ]);
    expect(state.asks[0]).toMatchObject({ askId: 'key_prefix', answeredBy: 'm2', answer: 'sk-ant-api' });
    const stmt = state.facts.find((x) => x.messageId === 'm2')?.fact;
    expect(stmt).toMatchObject({ topic: 'answer_first', value: 'sk-ant-api' });
  });

  it('never asks for `models status` again once held, even when the user keeps asking what next', () => {
    const { steps } = run([msg('m1', [f.err401()]), msg('m2', [f.status()]), msg('m3', [f.say('asks_what_next')])]);
    const third = only(steps[2]!);
    expect(third?.kind).toBe('nudge');
    expect(third?.markdown).toContain('`openclaw onboard`');
    expect(third?.markdown).not.toContain('models status');
  });
});

describe('a fix that failed', () => {
  const base = [msg('m1', [f.err401()]), msg('m2', [f.status(), f.err401('sha256:a')])];

  it('the same failure again with nothing new: the suggestion is failed and the next hypothesis is tried', () => {
    const { steps, state } = run([...base, msg('m3', [f.err401('sha256:b')])]);
    expect(state.suggestions[0]).toMatchObject({ command: 'openclaw onboard', outcome: 'failed', decidedBy: 'm3' });
    const next = only(steps[2]!);
    expect(next).toMatchObject({ kind: 'diagnosis', nextCommand: 'openclaw models auth paste-token --provider anthropic' });
    expect(steps.flatMap(replies).filter((x) => x.nextCommand === 'openclaw onboard')).toHaveLength(1);
  });

  it('the identical setup output again with nothing done is a repeat, not a failed fix (seed 001 #29)', () => {
    const { steps, state } = run([...base, msg('m3', [f.status(), f.err401('sha256:b')])]);
    expect(state.suggestions[0]?.outcome).toBe('pending');
    expect(steps.flatMap(replies).filter((x) => x.nextCommand === 'openclaw models auth paste-token --provider anthropic')).toEqual([]);
  });

  it('a second failure on the same branch hands over (once) with the tries in the summary', () => {
    const { steps, state } = run([...base, msg('m3', [f.err401('sha256:b')]), msg('m4', [f.err401('sha256:c')])]);
    const r = steps[3]!;
    expect(only(r)?.kind).toBe('escalation');
    const esc = r.effects.find((e) => e.type === 'escalate');
    expect(esc).toMatchObject({ summary: { reason: 'repeated_failure', branch: 'api_key_invalid' } });
    expect(esc && esc.type === 'escalate' ? esc.summary.tried : []).toEqual([
      '`openclaw onboard` (api_key_invalid): failed',
      '`openclaw models auth paste-token --provider anthropic` (api_key_invalid): failed',
    ]);
    expect(state.status).toBe('needs_human');
  });

  it('"didn\'t work" hands over at once', () => {
    const { steps, state } = run([...base, msg('m3', [f.say('didnt_work')])]);
    expect(steps[2]!.effects.find((e) => e.type === 'escalate')).toMatchObject({ summary: { reason: 'didnt_work' } });
    expect(state.suggestions[0]?.outcome).toBe('failed');
  });

  it('no hypothesis left after a failure hands over', () => {
    // An engine with one hypothesis only: once it failed, nothing is left to try.
    const deps = {
      diagnose: (v: EvidenceView): Diagnosis =>
        v.failed.length > 0 ? { ...fakeDiagnose(v), status: 'needs_evidence', branch: null, step: null, ask: null, nextCommand: null } : fakeDiagnose(v),
      render: fakeRender,
    };
    const { steps } = run([...base, msg('m3', [f.err401('sha256:b')])], { deps });
    expect(steps[2]!.effects.find((e) => e.type === 'escalate')).toMatchObject({ summary: { reason: 'no_hypothesis' } });
  });

  it('a different error after the fix means it worked (and is a new problem)', () => {
    const { steps, state } = run([...base, msg('m3', [f.credit()])]);
    expect(state.suggestions[0]?.outcome).toBe('worked');
    expect(only(steps[2]!)).toMatchObject({ kind: 'diagnosis', branch: 'credit_balance_low' });
  });
});
