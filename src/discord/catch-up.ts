/**
 * Catch-up on start-up: open threads of the help forums are read back over the catch-up window,
 * oldest first, skipping every message the pipeline processed (its processed mark), so messages
 * posted while Pincer was down, or whose save failed, are answered once (catch-up-start.ts). Threads Pincer has never seen are read
 * from their start only if younger than `PINCER_CATCHUP_MAX_AGE_HOURS`, so a first deployment
 * does not answer weeks-old posts. Edits made meanwhile to messages Pincer had read are read too
 * (the newest page of each thread). A bot cannot list its DM channels, so DMs are read back for the
 * users Pincer talked with within that same age (their `dm:<userId>` threads); a first DM sent
 * while Pincer was down cannot be found.
 */
import type { AnyThreadChannel, DMChannel, Message } from 'discord.js';
import type { BotContext } from './context.ts';
import { describeError, logFailure } from './errors.ts';
import { catchUpStart } from './catch-up-start.ts';
import { storeCreatedAt } from '../store/db.ts';
import { handleMessage } from './events/message-create.ts';
import { handleEditedMessage } from './events/message-update.ts';
import { resolveTarget } from './targets.ts';

const PAGE = 100;
/** Per thread, at most this many pages (500 messages) are read back. */
const MAX_PAGES = 5;

/** Reads back one channel: a help-forum thread, or a user's DM channel (`threadId` = `dm:<userId>`). */
async function catchUpChannel(ctx: BotContext, threadId: string, thread: AnyThreadChannel | DMChannel): Promise<number> {
  const known = ctx.pipeline.thread(threadId);
  const processed = new Set(known?.messages.map((m) => m.messageId) ?? []);
  let after = catchUpStart({
    threadId: thread.id,
    createdAt: thread.createdTimestamp ?? 0,
    known: known !== null,
    now: ctx.now(),
    maxAgeMs: ctx.config.gates.catchUpMaxAgeHours * 3_600_000,
    storeCreatedAt: ctx.db ? storeCreatedAt(ctx.db) : null,
  });
  let handled = processed.size > 0 ? await catchUpEdits(ctx, thread, processed) : 0;
  for (let page = 0; after !== null && page < MAX_PAGES && !ctx.stopping; page++) {
    const batch = await thread.messages.fetch({ after, limit: PAGE, cache: true });
    const ordered: Message[] = [...batch.values()].sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
    for (const message of ordered) {
      if (processed.has(message.id)) continue; // its processed mark: nothing to read again
      await handleMessage(ctx, message);
      handled += 1;
    }
    after = batch.size === PAGE ? (ordered.at(-1)?.id ?? null) : null;
  }
  return handled;
}

/**
 * Edits made while Pincer was down to messages it had read (a key added, a new paste): the
 * newest page of the channel is read and each edited message Pincer processed is handed to the
 * edit handler, which ignores an edit it has seen (the event id holds the edit time).
 */
async function catchUpEdits(ctx: BotContext, channel: AnyThreadChannel | DMChannel, processed: Set<string>): Promise<number> {
  const recent = await channel.messages.fetch({ limit: PAGE, cache: true });
  const edited = [...recent.values()].filter((m) => m.editedTimestamp !== null && processed.has(m.id));
  for (const message of edited.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1))) await handleEditedMessage(ctx, message);
  return edited.length;
}

/**
 * Reads back every active thread of the configured help forums (window: catch-up-start.ts).
 * `boundaryMs`: when the outage ended (the bot started, or a new gateway session began), logged
 * with "catch-up done". Never throws:
 * a thread that fails (deleted, no access) is logged and the others continue.
 * @returns how many threads were visited and messages handed to the message handler.
 */
export async function catchUp(ctx: BotContext, boundaryMs: number): Promise<{ threads: number; messages: number }> {
  let threads = 0;
  let messages = 0;
  for (const guild of ctx.client.guilds.cache.values()) {
    let active;
    try {
      active = await guild.channels.fetchActiveThreads();
    } catch (err) {
      logFailure(ctx, 'catch-up: list active threads', { threadId: null }, err);
      continue;
    }
    for (const thread of active.threads.values()) {
      if (!thread.parentId || !ctx.config.helpForumIds.includes(thread.parentId)) continue;
      try {
        messages += await catchUpChannel(ctx, thread.id, thread);
        threads += 1;
      } catch (err) {
        logFailure(ctx, 'catch-up: thread', { threadId: thread.id }, err);
      }
    }
  }
  const dms = await catchUpDms(ctx);
  ctx.logger.info({ threads, messages, dms: dms.threads, dmMessages: dms.messages, sessionStartedAt: boundaryMs }, 'catch-up done');
  return { threads: threads + dms.threads, messages: messages + dms.messages };
}

/** The DMs of users Pincer talked with within the catch-up age. Never throws. */
async function catchUpDms(ctx: BotContext): Promise<{ threads: number; messages: number }> {
  let threads = 0;
  let messages = 0;
  const since = ctx.now() - ctx.config.gates.catchUpMaxAgeHours * 3_600_000;
  for (const threadId of ctx.pipeline.recentDmThreads?.(since) ?? []) {
    if (ctx.stopping) break;
    try {
      const target = await resolveTarget(ctx, threadId);
      if (!target?.channel.isDMBased() || target.channel.partial) continue;
      messages += await catchUpChannel(ctx, threadId, target.channel);
      threads += 1;
    } catch (err) {
      logFailure(ctx, 'catch-up: DM', { threadId }, err);
    }
  }
  return { threads, messages };
}

/** Runs `catchUp` in the background, tracked for a clean stop; a failure is logged. */
export function startCatchUp(ctx: BotContext, boundaryMs: number): Promise<void> {
  const run = catchUp(ctx, boundaryMs).then(
    () => undefined,
    (err) => ctx.logger.error({ err: describeError(err) }, 'catch-up failed'),
  );
  return ctx.inflight.track(run);
}
