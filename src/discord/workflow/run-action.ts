/**
 * Hands a workflow event (feedback, solved, unsolved, helper request, timer, pause, resume) to
 * the thread's memory through `pipeline.action`, in the thread's queue (so it never overtakes a
 * message being handled), then carries out the effects it returns (tags, replies, deletions,
 * helper alerts) like any message's.
 */
import type { IncomingAction, PipelineResult } from '../../pipeline/types.ts';
import type { BotContext } from '../context.ts';
import { carryOut, type ReplyTarget } from '../effects.ts';
import type { ThreadLocation } from '../message-input.ts';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** The action without the thread reference and event id. */
export type ActionBody = DistributiveOmit<IncomingAction, keyof ThreadLocation | 'eventId'>;

/**
 * @param eventId unique per delivery (`interaction:<id>`, `timer:<thread>:<kind>:<dueAt>` …): a
 *   repeat is a no-op in the pipeline and its effects are not carried out again.
 */
export async function runAction(
  ctx: BotContext,
  where: ThreadLocation & { target: ReplyTarget },
  body: ActionBody,
  eventId: string,
): Promise<PipelineResult> {
  return ctx.queue.run(where.threadId, async () => {
    const { threadId, channelKind, threadAuthorId } = where;
    const input = { threadId, channelKind, threadAuthorId, eventId, ...body } as IncomingAction;
    const result = ctx.pipeline.action(input, ctx.now());
    if (!result.duplicate) await carryOut(ctx, where.target, result.effects, eventId);
    return result;
  });
}
