/**
 * One error policy. Gateway events: a failure is logged with thread/event ids and never crashes
 * the bot (a Discord-side failure such as 50013 Missing Permissions or 10008 Unknown Message is
 * expected in a live server). Interactions: each handler has a time limit; on failure the user
 * gets an ephemeral note — `followUp` when the interaction was already replied to or deferred,
 * else `reply`. Logs carry ids and error codes, never message text or request bodies.
 */
import { DiscordAPIError, MessageFlags, type RepliableInteraction } from 'discord.js';
import type { BotContext } from './context.ts';
import { isDatabaseError, type DbHealth } from './db-health.ts';

/** Ids that locate a failure (any subset). */
export interface LogIds {
  threadId?: string | null;
  eventId?: string | null;
  messageId?: string | null;
  interactionId?: string | null;
  command?: string | null;
  branch?: string | null;
}

/** Discord error codes that are a fact of life, not a bug: warn, do not alarm. */
const EXPECTED_CODES: Record<number, string> = {
  10003: 'unknown channel (deleted thread?)',
  10008: 'unknown message (deleted?)',
  10062: 'unknown interaction (expired)',
  50001: 'missing access',
  50013: 'missing permissions',
  50083: 'thread is archived',
  160005: 'thread is locked',
};

/**
 * A loggable summary of an error: name, Discord code and HTTP status, and the message only for
 * non-API errors. DiscordAPIError's request body (our reply text) and URL (interaction tokens)
 * are deliberately left out.
 */
export function describeError(err: unknown): Record<string, unknown> {
  if (err instanceof DiscordAPIError) {
    const code = typeof err.code === 'number' ? err.code : Number(err.code);
    return { name: 'DiscordAPIError', code: err.code, status: err.status, method: err.method, expected: EXPECTED_CODES[code] ?? null };
  }
  if (err instanceof Error) return { name: err.name, message: err.message, stack: err.stack };
  return { name: typeof err };
}

/** True for Discord refusals that happen in a live server (see EXPECTED_CODES): logged at warn. */
export function isExpectedDiscordError(err: unknown): boolean {
  return err instanceof DiscordAPIError && EXPECTED_CODES[Number(err.code)] !== undefined;
}

/**
 * Logs a failure at warn (expected Discord-side) or error (anything else); a database error goes
 * to `ctx.dbHealth` when there is one (logged once a minute per kind, repeats counted).
 */
export function logFailure(ctx: Pick<BotContext, 'logger'> & { dbHealth?: DbHealth }, what: string, ids: LogIds, err: unknown): void {
  if (ctx.dbHealth && isDatabaseError(err)) return ctx.dbHealth.failed(what, ids, err);
  const fields = { ...ids, err: describeError(err) };
  if (isExpectedDiscordError(err)) ctx.logger.warn(fields, `${what}: Discord refused`);
  else ctx.logger.error(fields, `${what} failed`);
}

/** Runs a gateway event handler; any error is logged, never rethrown. Tracked for a clean stop. */
export function guardEvent(ctx: BotContext, what: string, ids: LogIds, work: () => Promise<void>): Promise<void> {
  const run = (async () => {
    try {
      await work();
    } catch (err) {
      logFailure(ctx, what, ids, err);
    }
  })();
  return ctx.inflight.track(run);
}

class HandlerTimeout extends Error {
  constructor(ms: number) {
    super(`handler did not finish within ${ms} ms`);
    this.name = 'HandlerTimeout';
  }
}

const SORRY = 'Pincer could not finish that. Nothing was stored; please try again in a moment.';

/**
 * Runs an interaction handler with its time limit (`timeoutMs`, else the configured default). On error or timeout the failure is
 * logged and the user sees an ephemeral note (followUp if already replied/deferred, else reply).
 */
export async function runInteraction(
  ctx: BotContext,
  interaction: RepliableInteraction,
  name: string,
  handler: () => Promise<void>,
  timeoutMs?: number,
): Promise<void> {
  const ids: LogIds = { interactionId: interaction.id, command: name, threadId: interaction.channelId };
  const limit = timeoutMs ?? ctx.config.gates.interactionTimeoutMs;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new HandlerTimeout(limit)), limit)));
  try {
    await Promise.race([handler(), timeout]);
  } catch (err) {
    logFailure(ctx, `interaction ${name}`, ids, err);
    try {
      if (interaction.replied || interaction.deferred) await interaction.followUp({ content: SORRY, flags: MessageFlags.Ephemeral });
      else await interaction.reply({ content: SORRY, flags: MessageFlags.Ephemeral });
    } catch (err2) {
      logFailure(ctx, `interaction ${name} error reply`, ids, err2);
    }
  } finally {
    clearTimeout(timer);
  }
}
