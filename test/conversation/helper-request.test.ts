// `/helper` in the thread's memory: the same hand-over as an automatic escalation, once per problem.
import { describe, expect, it } from 'vitest';
import { f, msg } from './fixtures.ts';
import { run } from './run.ts';

describe('a person asks for a helper', () => {
  it('escalates with reason "requested" and the branch Pincer had, once per problem', () => {
    const { steps, state } = run([msg('m1', [f.err401(), f.status()]), { type: 'helper', by: 'author-1' }, { type: 'helper', by: 'helper-1' }]);
    const escalate = steps[1]!.effects.find((e) => e.type === 'escalate');
    expect(escalate).toMatchObject({ type: 'escalate', summary: { reason: 'requested', branch: state.suggestions[0]!.branch } });
    expect(steps[1]!.effects).toContainEqual({ type: 'set_status', status: 'needs_human' });
    expect(steps[2]!.effects).toEqual([]);
    expect(state.escalations).toHaveLength(1);
    expect(state.status).toBe('needs_human');
  });

  it('in a thread Pincer has no message of: the escalation without a reply', () => {
    const { steps, state } = run([{ type: 'helper', by: 'helper-1' }]);
    expect(steps[0]!.effects.map((e) => e.type)).toEqual(['escalate', 'set_status']);
    expect(state.escalations[0]).toMatchObject({ triggerId: 'helper-1', summary: { reason: 'requested', branch: null } });
  });
});
