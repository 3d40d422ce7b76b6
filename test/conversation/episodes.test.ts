import { describe, expect, it } from 'vitest';
import { normalise } from '../../src/conversation/never-repeat.ts';
import { f, msg } from './fixtures.ts';
import { MINUTE, T0, only, replies, run } from './run.ts';

const HOUR = 60 * MINUTE;

describe('"it works now" and thanks', () => {
  it('works now: asks once to mark the solution, status solved, auto-close scheduled', () => {
    const { steps, state } = run([msg('m1', [f.err401()]), msg('m2', [f.status()]), msg('m3', [f.say('works_now')])]);
    expect(only(steps[2]!)?.kind).toBe('solve_prompt');
    expect(only(steps[2]!)?.markdown).toMatch(/Pincer: Mark solution/);
    expect(state.status).toBe('solved');
    expect(state.suggestions[0]?.outcome).toBe('worked');
    expect(steps[2]!.effects).toContainEqual({ type: 'schedule', timer: 'auto_close', dueAt: T0 + 3 * MINUTE + 72 * HOUR });
  });

  it('a thanks after the prompt is not answered again', () => {
    const { steps } = run([msg('m1', [f.status()]), msg('m2', [f.say('works_now')]), msg('m3', [f.say('thanks')])]);
    expect(only(steps[1]!)?.kind).toBe('solve_prompt');
    expect(replies(steps[2]!)).toEqual([]);
  });

  it('a thanks right after a step asks (once) whether it fixed it', () => {
    const { steps } = run([msg('m1', [f.status()]), msg('m2', [f.say('thanks')]), msg('m3', [f.say('thanks')])]);
    expect(only(steps[1]!)?.kind).toBe('solve_prompt');
    expect(only(steps[1]!)?.markdown).toMatch(/If that fixed it/);
    expect(replies(steps[2]!)).toEqual([]);
  });

  it('works now closes the episode: "dms are not working" afterwards is a fresh problem', () => {
    const { steps, state } = run([
      msg('m1', [f.err401(), f.footer()]),
      msg('m2', [f.status(), f.err401('sha256:x')]),
      msg('m3', [f.say('works_now')]), // "its working now, but I need help configuring it to discord"
      msg('m4', [f.say('dm_not_working')]),
    ]);
    expect(state.episode).toBe(1);
    expect(only(steps[3]!)).toMatchObject({ kind: 'diagnosis', branch: 'discord_dm_pairing' });
    // The old 401 and models status are not in the new problem's evidence.
    expect(state.facts.filter((x) => x.episode === 1).map((x) => x.fact.kind)).toEqual(['statement']);
  });

  it('a 401 after "works now" starts over with its own ask (the old models status belongs to the solved problem)', () => {
    const { steps } = run([msg('m1', [f.status()]), msg('m2', [f.say('works_now')]), msg('m3', [f.say('dm_not_working'), f.err401('sha256:dm')])]);
    expect(only(steps[2]!)).toMatchObject({ kind: 'ask', askId: 'models_status' });
  });
});

describe('something changed', () => {
  it('after "I re-onboarded", the old models status is stale and the ask says why it is needed again', () => {
    const { steps, state } = run([
      msg('m1', [f.err401()]),
      msg('m2', [f.status(), f.err401('sha256:a')]),
      msg('m3', [f.say('reonboarded'), f.err401('sha256:b')]),
    ]);
    expect(state.facts.find((x) => x.fact.kind === 'models_status')?.stale).toBe(true);
    const ask = only(steps[2]!);
    expect(ask?.kind).toBe('ask');
    expect(ask?.markdown.split('\n')[0]).toBe('Since you ran onboarding again, the earlier output may be out of date, so I need it once more.');
    expect(state.asks.map((a) => a.repeat)).toEqual([0, 1]);
  });

  it('another mask suffix is a change: the same step may be given once more, opening differently', () => {
    const { steps } = run([
      msg('m1', [f.status(), f.err401('sha256:a')]),
      msg('m2', [f.status({ mask: 'sk-ant-a...ZZZZ1234' }), f.err401('sha256:b')]),
    ]);
    const [a, b] = [only(steps[0]!)!, only(steps[1]!)!];
    expect(b.kind).toBe('diagnosis');
    expect(b.nextCommand).toBe(a.nextCommand);
    expect(b.markdown.split('\n')[0]).toMatch(/^Since your new `models status` output differs/);
  });

  it('the same models status pasted again is not a change', () => {
    const { steps, state } = run([msg('m1', [f.status()]), msg('m2', [f.status()])]);
    expect(state.changes).toEqual([]);
    expect(only(steps[1]!)?.kind).toBe('nudge');
  });
});

describe('edits', () => {
  it('an edited paste replaces its facts, redoes the diagnosis and edits the earlier reply in place', () => {
    const first = run([msg('m1', [f.err401()])]);
    const edit = { type: 'edit' as const, messageId: 'm1', evidence: { messageId: 'm1', facts: [f.err401(), f.status({ token: true })], notes: [] }, textHash: 'h-edited' };
    const { steps, state } = run([edit], { start: first.state });
    const r = steps[0]!;
    expect(r.effects.filter((e) => e.type === 'reply')).toEqual([]);
    const edited = r.effects.find((e) => e.type === 'edit_reply');
    expect(edited).toMatchObject({ replyId: 'm1:r1', reply: { kind: 'diagnosis', branch: 'api_key_in_token_profile' } });
    expect(state.facts.filter((x) => x.messageId === 'm1').map((x) => x.fact.kind)).toEqual(['provider_error', 'models_status']);
    expect(state.replies).toHaveLength(1);
    expect(state.asks).toEqual([]);
    expect(state.status).toBe('bot_answered');
  });

  it('an edit that changes nothing the rules see leaves the reply alone', () => {
    const first = run([msg('m1', [f.err401()])]);
    const edit = { type: 'edit' as const, messageId: 'm1', evidence: { messageId: 'm1', facts: [f.err401('sha256:zz')], notes: [] }, textHash: 'h-typo' };
    const { steps } = run([edit], { start: first.state });
    expect(steps[0]!.effects.filter((e) => e.type === 'edit_reply' || e.type === 'reply')).toEqual([]);
  });
});

describe('who is talking', () => {
  it('a helper talking silences Pincer until it is addressed; helper pastes are never evidence', () => {
    const { steps, state } = run([
      msg('m1', [f.err401()]),
      msg('h1', [f.status({ token: true })], { role: 'helper' }),
      msg('m2', [f.status()]),
      msg('m3', [f.say('asks_what_next')], { addressed: true }),
    ]);
    expect(replies(steps[1]!)).toEqual([]);
    expect(replies(steps[2]!)).toEqual([]);
    expect(steps[2]!.outcome).toMatchObject({ branch: 'api_key_invalid', reply: null });
    expect(only(steps[3]!)).toMatchObject({ kind: 'diagnosis', branch: 'api_key_invalid' });
    expect(state.facts.some((x) => x.messageId === 'h1')).toBe(false);
  });

  it('another answer bot is context only and does not silence Pincer', () => {
    const { steps } = run([msg('b1', [f.err401()], { role: 'other_bot' }), msg('m1', [f.err401()])]);
    expect(replies(steps[0]!)).toEqual([]);
    expect(only(steps[1]!)?.kind).toBe('ask');
  });

  it('"+1 same here" from another member is pointed to their own post and never merged', () => {
    const { steps, state } = run([
      msg('m1', [f.status()]),
      msg('x1', [f.err401(), f.say('still_failing')], { role: 'member', authorId: 'member-7' }),
      msg('x2', [f.err401('sha256:q')], { role: 'member', authorId: 'member-7' }),
    ]);
    expect(only(steps[1]!)?.markdown).toMatch(/post of your own/);
    expect(replies(steps[2]!)).toEqual([]);
    expect(state.facts.every((x) => x.messageId === 'm1')).toBe(true);
    expect(state.status).toBe('bot_answered');
  });

  it('a duplicate delivery of a message is a no-op', () => {
    const m = msg('m1', [f.err401()]);
    const { steps } = run([m, m]);
    expect(steps[1]!.effects).toEqual([]);
    expect(steps[1]!.state).toBe(steps[0]!.state);
  });
});

describe('buttons, solved marks, timers', () => {
  const asked = () => run([msg('m1', [f.err401()])]);

  it('remind_author: one reminder worded apart from the ask; none once the author answered', () => {
    const { state } = asked();
    const { steps } = run([{ type: 'timer', timer: 'remind_author' }, { type: 'timer', timer: 'remind_author' }], { start: state });
    const reminder = only(steps[0]!);
    expect(reminder?.markdown).toMatch(/^Still stuck\?/);
    expect(replies(steps[1]!)).toEqual([]);
    const answered = run([msg('m2', [f.status()]), { type: 'timer', timer: 'remind_author' }], { start: state });
    expect(replies(answered.steps[1]!)).toEqual([]);
  });

  it('feedback "worked" marks the thread solved with Pincer\'s reply as the solution', () => {
    const { state } = run([msg('m1', [f.status()])]);
    const { steps, state: after } = run([{ type: 'feedback', replyId: 'm1:r1', verdict: 'worked', by: 'author-1' }], { start: state });
    expect(after.status).toBe('solved');
    expect(after.solutions[0]).toMatchObject({ pincerReply: true, branch: 'api_key_invalid', source: 'feedback' });
    expect(steps[0]!.effects).toContainEqual({ type: 'set_status', status: 'solved' });
  });

  it('feedback "didn\'t work" hands over; "dismiss" deletes the reply', () => {
    const { state } = run([msg('m1', [f.status()])]);
    const bad = run([{ type: 'feedback', replyId: 'm1:r1', verdict: 'didnt_work', by: 'author-1' }], { start: state });
    expect(bad.state.status).toBe('needs_human');
    expect(bad.steps[0]!.effects.filter((e) => e.type === 'escalate')).toHaveLength(1);
    const gone = run([{ type: 'feedback', replyId: 'm1:r1', verdict: 'dismiss', by: 'author-1' }], { start: state });
    expect(gone.steps[0]!.effects).toContainEqual({ type: 'delete_reply', replyId: 'm1:r1' });
  });

  it('a solved thread closes when auto_close fires; /unsolved reopens it', () => {
    const { state } = run([msg('m1', [f.status()]), { type: 'solved', by: 'author-1', messageId: 'm1:r1', source: 'answer_overflow' }]);
    expect(state.status).toBe('solved');
    expect(state.timers.auto_close).toBeDefined();
    const reopened = run([{ type: 'unsolved', by: 'author-1' }], { start: state });
    expect(reopened.state.status).toBe('bot_answered');
    expect(reopened.steps[0]!.effects).toContainEqual({ type: 'cancel_timer', timer: 'auto_close' });
    const closed = run([{ type: 'timer', timer: 'auto_close' }], { start: state });
    expect(closed.state.status).toBe('closed');
    expect(closed.state.timers).toEqual({});
  });

  it('paused: evidence is kept, nothing is posted unless addressed', () => {
    const { steps, state } = run([{ type: 'pause', by: 'helper-1' }, msg('m1', [f.err401()]), { type: 'resume', by: 'helper-1' }, msg('m2', [f.status()])]);
    expect(replies(steps[1]!)).toEqual([]);
    expect(only(steps[3]!)?.kind).toBe('diagnosis');
    expect(state.facts).toHaveLength(2);
  });
});

describe('texts', () => {
  it('no reply text of a long looping thread is ever posted twice', () => {
    const events = Array.from({ length: 12 }, (_, i) => msg(`m${i}`, [f.err401(`sha256:${i}`), f.footer()]));
    const { steps } = run(events);
    const texts = steps.flatMap(replies).map((x) => normalise(x.markdown));
    expect(new Set(texts).size).toBe(texts.length);
  });
});
