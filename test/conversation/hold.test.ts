/**
 * The reducer's transitions while a rate limit holds a thread's answers (./src/conversation/
 * hold.ts): what is held, what the release says, and what ends a hold.
 */
import { describe, expect, it } from 'vitest';
import { reduce } from '../../src/conversation/reducer.ts';
import type { Reduction, ThreadEvent, ThreadState } from '../../src/conversation/types.ts';
import { deps, ev, f, msg } from './fixtures.ts';
import { MINUTE, T0, only, replies, run } from './run.ts';

const limited = (e: ThreadEvent, until: number): ThreadEvent => ({ ...e, limitedUntil: until } as ThreadEvent);
const timer = (until?: number): ThreadEvent => ({ type: 'timer', timer: 'answer_held', ...(until ? { limitedUntil: until } : {}) });
const at = (n: number) => T0 + n * MINUTE; // run() applies event i at T0 + (i + 1) minutes
const UNTIL = at(10);

/** m1: a 401 (asked for models status); m2: models status, held; then `after`. */
function heldThread(after: ThreadEvent[] = []): { steps: Reduction[]; state: ThreadState } {
  return run([msg('m1', [f.err401()]), limited(msg('m2', [f.status()]), UNTIL), ...after]);
}

describe('a message while the limit is spent', () => {
  const { steps, state } = heldThread();

  it('is read at once (the diagnosis moves) but answered only with a note saying when', () => {
    const note = only(steps[1]!);
    expect(note?.kind).toBe('held_note');
    expect(note?.markdown).toMatch(/about 8 minutes/);
    expect(steps[1]!.outcome).toMatchObject({ status: 'diagnosed', branch: 'api_key_invalid' });
    expect(state.asks[0]?.answeredBy).toBe('m2');
  });

  it('keeps the answer as a timer row due when the limit lifts', () => {
    expect(state.held).toMatchObject({ messageId: 'm2', until: UNTIL });
    expect(steps[1]!.effects).toContainEqual({ type: 'schedule', timer: 'answer_held', dueAt: UNTIL });
  });

  it('a second held message gets no second note, and becomes the one answered', () => {
    const more = heldThread([limited(msg('m3', [f.say('still_failing')]), UNTIL)]);
    expect(replies(more.steps[2]!)).toEqual([]);
    expect(more.state.held?.messageId).toBe('m3');
  });
});

describe('when the answer_held timer fires', () => {
  it('answers everything held in one reply, to the newest held message, and cancels the timer', () => {
    const { steps, state } = heldThread([limited(msg('m3', [f.footer()]), UNTIL), timer()]);
    const r = steps[3]!;
    const answer = replies(r);
    expect(answer).toHaveLength(1);
    expect(answer[0]).toMatchObject({ kind: 'diagnosis', branch: 'api_key_invalid', nextCommand: '!openclaw onboard' });
    expect(r.effects).toContainEqual(expect.objectContaining({ type: 'reply', toMessageId: 'm3' }));
    expect(r.effects).toContainEqual({ type: 'cancel_timer', timer: 'answer_held' });
    expect(state.held).toBeUndefined();
  });

  it('waits on, silently, while a limit still holds', () => {
    const later = at(20);
    const { steps, state } = heldThread([timer(later)]);
    expect(replies(steps[2]!)).toEqual([]);
    expect(steps[2]!.effects).toContainEqual({ type: 'schedule', timer: 'answer_held', dueAt: later });
    expect(state.held?.until).toBe(later);
  });

  it('carries a held "didn\'t work" into the answer: the hand-over, not the same step again', () => {
    const start = run([msg('m1', [f.err401()]), msg('m2', [f.status()])]).state; // m2 → step `openclaw onboard`
    const events = [limited(msg('m3', [f.say('didnt_work')]), UNTIL), limited(msg('m4', [f.footer()]), UNTIL), timer()];
    const { steps } = run(events, { start });
    expect(only(steps[0]!)?.kind).toBe('held_note');
    expect(only(steps[2]!)?.kind).toBe('escalation');
    expect(steps[2]!.effects).toContainEqual(expect.objectContaining({ type: 'escalate', summary: expect.objectContaining({ reason: 'didnt_work' }) }));
  });

  it('puts the warning for a credential pasted in any held message on the answer', () => {
    const { steps } = heldThread([limited(msg('m3', [f.secret()]), UNTIL), limited(msg('m4', [f.footer()]), UNTIL), timer()]);
    expect(only(steps[4]!)?.markdown).toMatch(/^⚠️ Your message held a full credential \(`sk-ant-api03-…Xy9W`\)/);
  });

  it('answers a held message as it was edited, without a reply to the edit itself', () => {
    const edit: ThreadEvent = { type: 'edit', messageId: 'm2', evidence: ev('m2', [f.status({ token: true })]), textHash: 'edited' };
    const { steps } = heldThread([edit, timer()]);
    expect(replies(steps[2]!)).toEqual([]);
    expect(only(steps[3]!)).toMatchObject({ kind: 'diagnosis', branch: 'api_key_in_token_profile' });
  });
});

describe('what ends a hold without an answer', () => {
  it('a solved mark: the problem is closed, nothing is answered later', () => {
    const { steps, state } = heldThread([{ type: 'solved', by: 'mod-1', source: 'pincer' }, timer()]);
    expect(state.held).toBeUndefined();
    expect(steps[2]!.effects).toContainEqual({ type: 'cancel_timer', timer: 'answer_held' });
    expect(replies(steps[3]!)).toEqual([]);
  });

  it('a pause: the release stays silent', () => {
    const { steps } = heldThread([{ type: 'pause', by: 'mod-1' }, timer()]);
    expect(replies(steps[3]!)).toEqual([]);
  });

  it('a message after the limit lifted, before the timer: answered at once, together with what was held', () => {
    const { steps, state } = heldThread([msg('m3', [f.footer()])]);
    expect(only(steps[2]!)).toMatchObject({ kind: 'diagnosis', branch: 'api_key_invalid' });
    expect(state.held).toBeUndefined();
    expect(steps[2]!.effects).toContainEqual({ type: 'cancel_timer', timer: 'answer_held' });
  });
});

describe('limits never silence what needs no answer, nor other members', () => {
  it('a remark with nothing to read is not held (no note promising an answer)', () => {
    const { steps, state } = run([msg('m1', [f.err401()]), limited(msg('m2', []), UNTIL)]);
    expect(replies(steps[1]!)).toEqual([]);
    expect(state.held).toBeUndefined();
  });

  it("another member's paste gets no pointer while the thread is limited", () => {
    const r = reduce(
      run([msg('m1', [f.err401()])]).state,
      limited(msg('x1', [f.err401()], { role: 'member' }), UNTIL),
      at(2),
      deps,
    );
    expect(replies(r)).toEqual([]);
  });
});
