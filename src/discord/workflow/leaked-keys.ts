/**
 * The `secrets` hook: a message held a full credential (the pipeline already masked it; only
 * masked findings arrive here). In a guild Pincer deletes the message when it has Manage
 * Messages there, otherwise it alerts the helper channel; in DMs a bot cannot delete the user's
 * message, and says so. Then: a public note without the secret saying whether the message was
 * removed, the rotation steps by DM, one mod-log line (who, where, which credential type), and a
 * row in `leaked_credentials` (ids, type names and flags; nothing of the credential).
 *
 * Durable (issue 15 #1): the work is a `leak_work` row (src/store/leak-work.ts), written with the
 * message's processed mark (`withLeakWork`). Each step is stamped when Discord confirms it or
 * refuses it for good; a step that failed for a passing reason (timeout, 5xx, 429, a crash) is
 * retried by the timer loop (`retryLeakWork`), with back-off, until every step is done.
 */
import { DiscordAPIError, PermissionFlagsBits, type Message, type SendableChannels } from 'discord.js';
import type { Effect } from '../../conversation/types.ts';
import type { SecretFinding } from '../../ingest/types.ts';
import type { PipelineResult } from '../../pipeline/types.ts';
import { withoutSecretLine } from '../../reply/render.ts';
import { createLeakWorkStore, type LeakStep, type LeakWork, type LeakWorkStore } from '../../store/leak-work.ts';
import type { Database } from '../../store/db.ts';
import type { BotContext } from '../context.ts';
import { describeError, logFailure } from '../errors.ts';
import { helperLeakAlert, modLogLine, publicNote, rotationDm } from './leak-texts.ts';
import { jumpLink } from './thread-of.ts';

const NO_MENTIONS = { parse: [] as [] };
const REMOVED = 'removed';
/** Longest wait between two attempts of the same work (ms). */
const MAX_BACKOFF = 5 * 60_000;

/** Discord refused and will refuse again (missing access or permission, cannot DM the user …). */
function refusedForGood(err: unknown): boolean {
  return err instanceof DiscordAPIError && err.status >= 400 && err.status < 500 && err.status !== 429;
}
const UNKNOWN_MESSAGE = 10008;

/** Message ids whose work runs now in this process (live and retry never overlap). */
const running = new WeakMap<BotContext, Set<string>>();
const runningIn = (ctx: BotContext): Set<string> => {
  let set = running.get(ctx);
  if (!set) running.set(ctx, (set = new Set()));
  return set;
};

/**
 * Runs `process` (a pipeline call) and queues the leaked-key work of `message` in the same
 * transaction, so the message is never marked processed without its work recorded.
 */
export function withLeakWork(ctx: BotContext, message: Message, threadId: string, process: () => PipelineResult): PipelineResult {
  if (!ctx.db) return process();
  return leakWorkTx(ctx.db).immediate(ctx, message, threadId, process);
}

/** The transaction of `withLeakWork`, made once per database (not once per message). */
const leakWorkTxs = new WeakMap<Database, ReturnType<typeof makeLeakWorkTx>>();
const leakWorkTx = (db: Database) => {
  let tx = leakWorkTxs.get(db);
  if (!tx) leakWorkTxs.set(db, (tx = makeLeakWorkTx(db)));
  return tx;
};
const makeLeakWorkTx = (db: Database) =>
  db.transaction((ctx: BotContext, message: Message, threadId: string, process: () => PipelineResult): PipelineResult => {
    const result = process();
    if (!result.duplicate && result.secrets.length > 0) createLeakWorkStore(db).add(workOf(message, threadId, result.secrets), ctx.now());
    return result;
  });

function workOf(message: Message, threadId: string | null, findings: SecretFinding[]) {
  return {
    messageId: message.id,
    channelId: message.channelId,
    guildId: message.guildId,
    threadId: message.channel.isThread() ? message.channelId : message.inGuild() ? threadId : `dm:${message.author.id}`,
    authorId: message.author.id,
    findings,
  };
}

/** The channel the message was posted in (the user's DM channel for a DM); null when it is gone. */
async function channelOf(ctx: BotContext, w: LeakWork): Promise<SendableChannels | null> {
  if (!w.guildId) return (await ctx.client.users.fetch(w.authorId)).createDM();
  try {
    const channel = await ctx.client.channels.fetch(w.channelId);
    return channel?.isSendable() ? channel : null;
  } catch (err) {
    if (refusedForGood(err)) return null;
    throw err;
  }
}

/** Deletes the message when allowed: 'removed', or why it stays. @throws on a passing failure. */
async function remove(ctx: BotContext, w: LeakWork, channel: SendableChannels | null): Promise<string> {
  if (!w.guildId) return 'a bot cannot delete messages in DMs';
  if (!channel || channel.isDMBased()) return 'the channel is gone';
  const me = channel.guild.members.me;
  if (!me || !channel.permissionsFor(me)?.has(PermissionFlagsBits.ManageMessages)) return 'Pincer lacks Manage Messages here';
  try {
    await channel.messages.delete(w.messageId);
    return REMOVED;
  } catch (err) {
    if (err instanceof DiscordAPIError && Number(err.code) === UNKNOWN_MESSAGE) return REMOVED; // already gone
    if (!refusedForGood(err)) throw err;
    logFailure(ctx, 'credential message removal', { messageId: w.messageId, threadId: w.channelId }, err);
    return `Discord refused the deletion (${String(describeError(err).code ?? 'error')})`;
  }
}

async function postTo(ctx: BotContext, channelId: string | null, content: string): Promise<boolean> {
  if (!channelId) return false;
  const channel = await ctx.client.channels.fetch(channelId).catch((err) => {
    if (refusedForGood(err)) return null;
    throw err;
  });
  if (!channel?.isSendable()) return false;
  await channel.send({ content, allowedMentions: NO_MENTIONS });
  return true;
}

/** Runs one step: true when done (sent, or refused for good), false when it is to be tried again. */
async function step(ctx: BotContext, w: LeakWork, what: string, send: () => Promise<unknown>): Promise<boolean> {
  try {
    await send();
    return true;
  } catch (err) {
    logFailure(ctx, what, { messageId: w.messageId, threadId: w.channelId }, err);
    return refusedForGood(err);
  }
}

/** One attempt at every step not done yet; the work is finished or scheduled again. Never throws. */
async function attempt(ctx: BotContext, w: LeakWork, store: Pick<LeakWorkStore, 'done' | 'retryAt' | 'finish'>): Promise<void> {
  const save = (s: LeakStep) => store.done(w.messageId, s);
  const retry = () => {
    store.retryAt(w.messageId, ctx.now() + Math.min(MAX_BACKOFF, 5_000 * 2 ** w.attempts));
    ctx.logger.warn({ messageId: w.messageId, channelId: w.channelId, attempts: w.attempts + 1 }, 'credential handling incomplete: will retry');
  };
  const inGuild = w.guildId !== null;
  let channel: SendableChannels | null;
  let removal = w.removal;
  try {
    channel = await channelOf(ctx, w);
    if (removal === null) save({ removal: (removal = await remove(ctx, w, channel)) });
  } catch (err) {
    logFailure(ctx, 'credential message removal', { messageId: w.messageId, threadId: w.channelId }, err);
    return retry();
  }
  const removed = removal === REMOVED;
  const place = jumpLink(w.guildId, w.channelId);
  let complete = true;
  const run = async (done: boolean, key: keyof LeakStep, what: string, send: () => Promise<unknown>) => {
    if (done) return;
    if (await step(ctx, w, what, send)) save({ [key]: true });
    else complete = false;
  };
  let alerted = w.alerted ?? false;
  if (inGuild && !removed) {
    const why = removal ?? '';
    await run(w.alerted !== null, 'alerted', 'credential helper alert', async () => {
      alerted = await postTo(ctx, ctx.config.helperChannelId, helperLeakAlert(w.findings, w.authorId, jumpLink(w.guildId, w.channelId, w.messageId), why));
    });
  }
  await run(w.noteDone || !channel, 'noteDone', 'credential note', () =>
    channel!.send({ content: publicNote(w.findings, removed, inGuild), allowedMentions: NO_MENTIONS }),
  );
  if (inGuild) {
    await run(w.dmDone, 'dmDone', 'credential rotation DM', () =>
      ctx.client.users.send(w.authorId, { content: rotationDm(w.findings, place, removed), allowedMentions: NO_MENTIONS }),
    );
    await run(w.modlogDone, 'modlogDone', 'mod-log entry', () =>
      postTo(ctx, ctx.config.modlogChannelId, modLogLine(w.findings, w.authorId, place, removed)),
    );
  }
  if (!complete) return retry();
  const types = [...new Set(w.findings.map((f) => f.credentialType))];
  store.finish(w.messageId, {
    messageId: w.messageId,
    threadId: w.threadId,
    channelId: w.channelId,
    authorId: w.authorId,
    credentialTypes: types,
    inGuild,
    removed,
    alertedHelpers: alerted,
    at: ctx.now(),
  });
  ctx.logger.warn({ messageId: w.messageId, channelId: w.channelId, credentialTypes: types, removed, alertedHelpers: alerted, attempts: w.attempts + 1 }, 'credential pasted');
}

/** Without a database (tests of the adapter alone): one attempt, nothing kept. */
const NOT_SAVED = { done: () => undefined, retryAt: () => undefined, finish: () => undefined };
const unsaved = (w: ReturnType<typeof workOf>, now: number): LeakWork => ({
  ...w,
  removal: null,
  alerted: null,
  noteDone: false,
  dmDone: false,
  modlogDone: false,
  attempts: 0,
  createdAt: now,
});

/** Runs the work of one message unless it is running already. Never throws. */
async function runWork(ctx: BotContext, messageId: string): Promise<void> {
  const set = runningIn(ctx);
  if (set.has(messageId) || !ctx.db) return;
  set.add(messageId);
  try {
    const store = createLeakWorkStore(ctx.db);
    const w = store.get(messageId);
    if (w) await attempt(ctx, w, store);
  } catch (err) {
    logFailure(ctx, 'credential handling', { messageId }, err);
  } finally {
    set.delete(messageId);
  }
}

/**
 * Handles the credentials found in `message` (see the file comment), once per message: a message
 * already handled (a redelivery, or "Diagnose with Pincer" on a message Pincer read itself) is
 * left alone. Never throws for a Discord failure (each step logs its own).
 */
export async function handleLeakedCredentials(ctx: BotContext, message: Message, findings: SecretFinding[]): Promise<void> {
  if (findings.length === 0) return;
  if (!ctx.db) return attempt(ctx, unsaved(workOf(message, null, findings), ctx.now()), NOT_SAVED);
  const store = createLeakWorkStore(ctx.db);
  store.add(workOf(message, null, findings), ctx.now()); // already queued with the processed mark, or handled
  await runWork(ctx, message.id);
}

/** The timer loop's pass: retries every due piece of leaked-key work. Never throws. */
export async function retryLeakWork(ctx: BotContext): Promise<number> {
  if (!ctx.db || ctx.stopping) return 0;
  let due: LeakWork[];
  try {
    due = createLeakWorkStore(ctx.db).due(ctx.now());
  } catch (err) {
    logFailure(ctx, 'credential handling: reading pending work', { threadId: null }, err);
    return 0;
  }
  for (const w of due) if (!ctx.stopping) await runWork(ctx, w.messageId);
  return due.length;
}

/**
 * The effects of a message whose credential the leaked-key note already covers: Pincer's reply
 * loses its own warning line (one warning, and never the masked key in public); a reply that was
 * only the warning is dropped, and the pipeline told it will never be posted.
 */
export function leaveWarningToNote(ctx: BotContext, threadId: string, effects: Effect[]): Effect[] {
  return effects.flatMap((e): Effect[] => {
    if (e.type !== 'reply' && e.type !== 'edit_reply') return [e];
    const reply = withoutSecretLine(e.reply);
    if (!reply && e.type === 'reply') ctx.pipeline.replyAbandoned?.(threadId, e.replyId);
    return reply ? [{ ...e, reply }] : [];
  });
}
