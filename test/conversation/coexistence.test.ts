/**
 * Another answer bot answered the author's message first (Pincer catching up after downtime):
 * Pincer adds only a confirmed diagnosis it has not given yet, and what it did not post is not
 * remembered as said.
 */
import { describe, expect, it } from 'vitest';
import type { ThreadEvent } from '../../src/conversation/types.ts';
import { f, msg } from './fixtures.ts';
import { only, replies, run } from './run.ts';

const elsewhere = (e: ThreadEvent): ThreadEvent => ({ ...e, answeredElsewhere: true } as ThreadEvent);

describe('a message another answer bot already answered', () => {
  it('gets no ask, and the ask is not remembered: the next 401 is asked, not nudged', () => {
    const { steps, state } = run([elsewhere(msg('m1', [f.err401('sha256:1')])), msg('m2', [f.err401('sha256:2')])]);
    expect(replies(steps[0]!)).toEqual([]);
    expect(steps[0]!.outcome).toMatchObject({ status: 'needs_evidence', reply: null });
    expect(only(steps[1]!)?.kind).toBe('ask');
    expect(state.asks).toHaveLength(1);
    expect(state.replies).toHaveLength(1);
  });

  it('still gets a confirmed diagnosis Pincer has not given yet', () => {
    const { steps } = run([msg('m1', [f.err401()]), elsewhere(msg('m2', [f.status({ token: true })]))]);
    expect(only(steps[1]!)).toMatchObject({ kind: 'diagnosis', branch: 'api_key_in_token_profile' });
  });

  it('its evidence is kept: the thread moves on from it', () => {
    const { steps, state } = run([elsewhere(msg('m1', [f.err401()])), elsewhere(msg('m2', [f.status()]))]);
    expect(replies(steps[0]!)).toEqual([]);
    expect(only(steps[1]!)).toMatchObject({ kind: 'diagnosis', branch: 'api_key_invalid' });
    expect(state.facts.map((x) => x.messageId)).toEqual(['m1', 'm2']);
  });
});
