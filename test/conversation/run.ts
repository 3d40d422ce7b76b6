import { newThread, reduce } from '../../src/conversation/reducer.ts';
import type { Reduction, ThreadEvent, ThreadState } from '../../src/conversation/types.ts';
import type { ReducerDeps } from '../../src/conversation/deps.ts';
import { deps as fakeDeps } from './fixtures.ts';

export const T0 = Date.UTC(2026, 2, 20, 12, 0, 0);
export const MINUTE = 60_000;

/** Applies events one minute apart to a fresh forum thread; returns every reduction. */
export function run(events: ThreadEvent[], opts: { deps?: ReducerDeps; start?: ThreadState } = {}): { steps: Reduction[]; state: ThreadState } {
  let state = opts.start ?? newThread({ id: 'thread-1', channelKind: 'forum_post', authorId: 'author-1', now: T0 });
  const steps: Reduction[] = [];
  events.forEach((e, i) => {
    const r = reduce(state, e, T0 + (i + 1) * MINUTE, opts.deps ?? fakeDeps);
    steps.push(r);
    state = r.state;
  });
  return { steps, state };
}

export const replies = (r: Reduction) => r.effects.flatMap((e) => (e.type === 'reply' ? [e.reply] : []));
export const only = (r: Reduction) => {
  const rs = replies(r);
  if (rs.length > 1) throw new Error(`more than one reply: ${rs.map((x) => x.markdown).join(' | ')}`);
  return rs[0] ?? null;
};
