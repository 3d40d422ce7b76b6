/**
 * What every Discord handler gets: the client, config, pipeline, logger, the hooks issue 7 plugs
 * into, and the runtime helpers (per-thread ordering, in-flight tracking, the clock).
 */
import type { Database } from 'better-sqlite3';
import type { Client, Message } from 'discord.js';
import type { DiscordConfig } from '../config/discord.ts';
import type { EscalationSummary, Effect, ThreadStatus } from '../conversation/types.ts';
import type { SecretFinding } from '../ingest/types.ts';
import type { Logger } from '../log/logger.ts';
import type { Pipeline } from '../pipeline/types.ts';
import type { Inflight, ThreadQueue } from './runtime.ts';
import type { ReplyTarget } from './effects.ts';
import type { Registry } from './commands/types.ts';
import type { DbHealth } from './db-health.ts';

/**
 * Extension points for the community workflow (issue 7). Each gets the same context and the
 * thread the effect is for. Defaults only log; a hook's failure is logged and never crashes.
 */
export interface BotHooks {
  /** Effect `set_status`: mirror the thread's state in forum tags. */
  setStatus(ctx: BotContext, target: ReplyTarget, status: ThreadStatus): Promise<void>;
  /** Effect `escalate`: post once to the helper channel. */
  escalate(ctx: BotContext, target: ReplyTarget, summary: EscalationSummary): Promise<void>;
  /** Effects `schedule` / `cancel_timer` (the timer runner of the thread memory issue). */
  timer(ctx: BotContext, target: ReplyTarget, effect: Extract<Effect, { type: 'schedule' | 'cancel_timer' }>): Promise<void>;
  /** The message held full credentials (masked findings only): delete / warn / DM per policy. */
  secrets(ctx: BotContext, message: Message, findings: SecretFinding[]): Promise<void>;
}

export interface BotContext {
  client: Client;
  config: DiscordConfig;
  pipeline: Pipeline;
  logger: Logger;
  hooks: BotHooks;
  /** Commands, modals and buttons (commands/index.ts). */
  registry: Registry;
  queue: ThreadQueue;
  inflight: Inflight;
  /** ms epoch; the only clock handlers read. */
  now(): number;
  /** Set by `stop()`: handlers take no new events. */
  stopping: boolean;
  /** The database the pipeline uses (issue 7: helper alerts, stats, forget-me, the timer loop). */
  db?: Database;
  /** Database errors at run time: logged once a minute per kind; repeats end the process (db-health.ts). */
  dbHealth?: DbHealth;
}

export const defaultHooks: BotHooks = {
  async setStatus(ctx, target, status) {
    ctx.logger.debug({ threadId: target.threadId, status }, 'thread status (forum tags: issue 7)');
  },
  async escalate(ctx, target, summary) {
    ctx.logger.info({ threadId: target.threadId, branch: summary.branch, reason: summary.reason }, 'escalation (helper channel: issue 7)');
  },
  async timer(ctx, target, effect) {
    ctx.logger.debug({ threadId: target.threadId, effect: effect.type, timer: effect.timer }, 'timer effect');
  },
  async secrets(ctx, message, findings) {
    ctx.logger.warn(
      { channelId: message.channelId, messageId: message.id, credentialTypes: findings.map((f) => f.credentialType) },
      'credential pasted (removal: issue 7)',
    );
  },
};
