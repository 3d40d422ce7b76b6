/**
 * Issue 5's rules that hold in every thread, checked over random event sequences (fixed seed,
 * bounded runs) against the controlled engine.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Fact } from '../../src/evidence/facts.ts';
import type { Reduction, ThreadEvent, ThreadState } from '../../src/conversation/types.ts';
import { normalise } from '../../src/conversation/never-repeat.ts';
import { f, msg } from './fixtures.ts';
import { MINUTE, T0, run } from './run.ts';

const PASTES: Fact[][] = [
  [f.err401('sha256:1')],
  [f.err401('sha256:2'), f.footer()],
  [f.status()],
  [f.status(), f.err401('sha256:3')],
  [f.status({ mask: 'sk-ant-a...NEWKEY12' })],
  [f.status({ token: true })],
  [f.credit()],
  [f.say('reonboarded')],
  [f.say('restarted'), f.err401('sha256:4')],
  [f.say('still_failing')],
  [f.say('asks_what_next')],
  [f.say('didnt_work')],
  [f.say('works_now')],
  [f.say('thanks')],
  [f.say('answer_first')],
  [f.say('gateway_local'), f.err401('sha256:5')],
  [f.say('dm_not_working')],
  [],
];

type Step = {
  kind: 'author' | 'limited' | 'member' | 'helper' | 'bot' | 'edit' | 'worked' | 'didnt' | 'remind' | 'close' | 'solved' | 'release';
  paste: number;
  addressed: boolean;
  target: number;
};

/** Far past any run's clock: a `limited` message is always held (until a `release`). */
const LIMITED_UNTIL = T0 + 10_000 * MINUTE;

const step = fc.record({
  kind: fc.constantFrom('author', 'author', 'author', 'author', 'author', 'limited', 'limited', 'member', 'helper', 'bot', 'edit', 'worked', 'didnt', 'remind', 'close', 'solved', 'release'),
  paste: fc.nat(PASTES.length - 1),
  addressed: fc.boolean(),
  target: fc.nat(30),
}) as fc.Arbitrary<Step>;

/** Builds concrete events; targets (edits, feedback) refer to what exists so far in the run. */
function toEvents(steps: Step[]): ThreadEvent[] {
  const out: ThreadEvent[] = [];
  const authored: string[] = [];
  steps.forEach((s, i) => {
    const facts = PASTES[s.paste] ?? [];
    const id = `m${i}`;
    switch (s.kind) {
      case 'author':
        authored.push(id);
        return out.push(msg(id, facts, { addressed: s.addressed, textHash: `p${s.paste}` }));
      case 'limited':
        authored.push(id);
        return out.push({ ...msg(id, facts, { addressed: s.addressed, textHash: `p${s.paste}` }), limitedUntil: LIMITED_UNTIL } as ThreadEvent);
      case 'member':
        return out.push(msg(id, facts, { role: 'member', authorId: `member-${s.target % 3}`, addressed: s.addressed }));
      case 'helper':
        return out.push(msg(id, facts, { role: 'helper', addressed: s.addressed }));
      case 'bot':
        return out.push(msg(id, facts, { role: 'other_bot' }));
      case 'edit': {
        const target = authored[s.target % Math.max(1, authored.length)];
        if (target) out.push({ type: 'edit', messageId: target, evidence: { messageId: target, facts, notes: [] }, textHash: `e${i}` });
        return;
      }
      case 'worked':
      case 'didnt': {
        const target = authored[s.target % Math.max(1, authored.length)];
        if (target) out.push({ type: 'feedback', replyId: `${target}:r1`, verdict: s.kind === 'worked' ? 'worked' : 'didnt_work', by: 'author-1' });
        return;
      }
      case 'remind':
        return out.push({ type: 'timer', timer: 'remind_author' });
      case 'close':
        return out.push({ type: 'timer', timer: 'auto_close' });
      case 'solved':
        return out.push({ type: 'solved', by: 'author-1', source: 'answer_overflow' });
      case 'release':
        return out.push({ type: 'timer', timer: 'answer_held' });
    }
  });
  return out;
}

const postedTexts = (steps: Reduction[]) =>
  steps.flatMap((r) => r.effects.flatMap((e) => (e.type === 'reply' || e.type === 'edit_reply' ? [normalise(e.reply.markdown)] : [])));

const changeBetween = (s: ThreadState, episode: number, after: number, upTo: number) =>
  s.changes.some((c) => c.episode === episode && c.seq > after && c.seq <= upTo);

const params = { seed: Number(process.env.SEED ?? 20260320), numRuns: Number(process.env.RUNS ?? 300) } as const;
const events = fc.array(step, { minLength: 1, maxLength: 25 }).map(toEvents);

describe('rules that hold in every thread', () => {
  it('never the same reply text twice in a thread', () => {
    fc.assert(
      fc.property(events, (evs) => {
        const texts = postedTexts(run(evs).steps);
        expect(new Set(texts).size).toBe(texts.length);
      }),
      params,
    );
  });

  it('at most one reply per user message (and per event)', () => {
    fc.assert(
      fc.property(events, (evs) => {
        for (const r of run(evs).steps) expect(r.effects.filter((e) => e.type === 'reply').length).toBeLessThanOrEqual(1);
      }),
      params,
    );
  });

  it('never the same (branch, next command) twice without a change in between', () => {
    fc.assert(
      fc.property(events, (evs) => {
        const { state } = run(evs);
        const steps = state.replies.filter((r) => r.kind === 'diagnosis' && !r.deleted);
        steps.forEach((r, i) => {
          const earlier = steps.slice(0, i).filter((p) => p.key === r.key && p.episode === r.episode).at(-1);
          if (earlier) expect(changeBetween(state, r.episode, earlier.seq, r.seq)).toBe(true);
        });
      }),
      params,
    );
  });

  it('never asks for something already held without a change', () => {
    fc.assert(
      fc.property(events, (evs) => {
        const { state } = run(evs);
        for (const ask of state.asks) {
          const asked = state.replies.find((r) => r.replyId === ask.replyId);
          const before = state.asks.filter((a) => a !== ask && a.askId === ask.askId && a.episode === ask.episode && a.answeredBy && a.at < ask.at);
          for (const b of before) {
            const answeredSeq = state.messages.find((m) => m.messageId === b.answeredBy)?.seq ?? -1;
            expect(changeBetween(state, ask.episode, answeredSeq, asked?.seq ?? Infinity)).toBe(true);
          }
        }
      }),
      params,
    );
  });

  it('escalates at most once per problem', () => {
    fc.assert(
      fc.property(events, (evs) => {
        const { state, steps } = run(evs);
        const episodes = state.escalations.map((e) => e.episode);
        expect(new Set(episodes).size).toBe(episodes.length);
        expect(steps.flatMap((r) => r.effects).filter((e) => e.type === 'escalate')).toHaveLength(episodes.length);
      }),
      params,
    );
  });

  it('while an answer is held: one note, then nothing until the release; its timer row follows the hold', () => {
    fc.assert(
      fc.property(events, (evs) => {
        const { steps } = run(evs);
        steps.forEach((r, i) => {
          const heldBefore = i > 0 && steps[i - 1]!.state.held !== undefined;
          const e = evs[i]!;
          const posted = r.effects.filter((x) => x.type === 'reply');
          if (heldBefore && e.type === 'message' && e.limitedUntil) expect(posted).toEqual([]);
          if (!heldBefore && r.state.held) expect(posted.length).toBeLessThanOrEqual(1);
          if (r.state.held) expect(r.state.timers.answer_held).toBe(r.state.held.until);
          else expect(r.state.timers.answer_held).toBeUndefined();
        });
      }),
      params,
    );
  });
});
