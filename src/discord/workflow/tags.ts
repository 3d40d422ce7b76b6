/**
 * Forum tags mirror the thread's state. Pincer owns four tags (names from config:
 * needs-info, bot-answered, needs-human, solved); it swaps only those, keeps every tag people
 * applied, and never sends more than Discord's five. A closed thread keeps its solved tag and is
 * archived (auto-close).
 */
import type { ThreadStatus } from '../../conversation/types.ts';
import type { DiscordTagNames } from '../../config/discord.ts';
import type { BotContext } from '../context.ts';
import type { ReplyTarget } from '../effects.ts';

/** Discord allows at most five tags on a forum post. */
export const MAX_TAGS = 5;

export interface ForumTag {
  id: string;
  name: string;
}

const NAME_OF: Record<ThreadStatus, keyof DiscordTagNames | null> = {
  new: null,
  needs_info: 'needsInfo',
  bot_answered: 'botAnswered',
  needs_human: 'needsHuman',
  solved: 'solved',
  closed: 'solved',
};

const norm = (s: string) => s.trim().toLowerCase();

/**
 * The tag ids the post should carry for `status`: people's tags first (all kept, in order), then
 * Pincer's one status tag when there is room (it is left out rather than dropping a person's
 * tag). Tags matched by name, case-insensitively. Pure.
 */
export function tagsForStatus(applied: string[], available: ForumTag[], names: DiscordTagNames, status: ThreadStatus): string[] {
  const ours = new Set(Object.values(names).map(norm));
  const ownedIds = new Set(available.filter((t) => ours.has(norm(t.name))).map((t) => t.id));
  const people = applied.filter((id) => !ownedIds.has(id));
  const key = NAME_OF[status];
  const wanted = key ? available.find((t) => norm(t.name) === norm(names[key])) : undefined;
  if (!wanted || people.length >= MAX_TAGS) return people.slice(0, MAX_TAGS);
  return [...people, wanted.id];
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * The `setStatus` hook: applies the status tag on a forum post (nothing in DMs) and archives a
 * closed thread. @throws DiscordAPIError (e.g. 50013 without Manage Threads) — logged by effects.ts.
 */
export async function applyStatusTags(ctx: BotContext, target: ReplyTarget, status: ThreadStatus): Promise<void> {
  const thread = target.channel;
  if (!thread.isThread() || !thread.parent || !('availableTags' in thread.parent)) return;
  const available = thread.parent.availableTags.map((t) => ({ id: t.id, name: t.name }));
  const next = tagsForStatus(thread.appliedTags, available, ctx.config.tags, status);
  if (!sameSet(next, thread.appliedTags)) {
    await thread.setAppliedTags(next, `Pincer: thread is ${status.replace('_', ' ')}`);
    // debug: a second masked, redacted info line per answered post cost ~1.5% of the bot's CPU (issue 17).
    ctx.logger.debug({ threadId: target.threadId, status, tags: next.length }, 'forum tags set');
  }
  if (status === 'closed' && !thread.archived) {
    await thread.setArchived(true, 'Pincer: solved and idle');
    ctx.logger.info({ threadId: target.threadId }, 'thread archived (auto-close)');
  }
}
