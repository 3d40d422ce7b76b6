/**
 * Starts Pincer in Discord: builds the client (client.ts), wires the event handlers, runs the
 * start-up checks and the catch-up once ready, and handles the lifecycle — exit non-zero on a
 * fatal gateway close, and on SIGTERM/SIGINT stop taking events, finish in-flight work, destroy
 * the client and call `onStop` (the caller closes the database there).
 */
import type { Database } from 'better-sqlite3';
import { Events } from 'discord.js';
import type { DiscordConfig } from '../config/discord.ts';
import type { Logger } from '../log/logger.ts';
import type { Pipeline } from '../pipeline/types.ts';
import { startCatchUp } from './catch-up.ts';
import { createClient, type ClientOverrides } from './client.ts';
import { registry as defaultRegistry } from './commands/index.ts';
import type { Registry } from './commands/types.ts';
import { defaultHooks, type BotContext, type BotHooks } from './context.ts';
import { describeError } from './errors.ts';
import { onInteractionCreate } from './events/interaction-create.ts';
import { onMessageCreate } from './events/message-create.ts';
import { onMessageUpdate } from './events/message-update.ts';
import { onThreadCreate } from './events/thread-create.ts';
import { FATAL_CLOSE_CODES, isFatalCloseCode, withTimeout } from './lifecycle.ts';
import { Inflight, ThreadQueue } from './runtime.ts';
import { runStartupChecks } from './startup-checks.ts';
import { acquireBotLock } from '../store/bot-lock.ts';
import { createDbHealth, watchDatabaseFile } from './db-health.ts';
import { startThreadCache } from './thread-cache.ts';
import { startTimerLoop } from './timers.ts';
import { startWorkflow, workflowHooks } from './workflow/hooks.ts';

export interface StartBotOptions {
  config: DiscordConfig;
  pipeline: Pipeline;
  logger: Logger;
  /** REST / gateway overrides (tests point these at the fake Discord). */
  clientOptions?: ClientOverrides;
  /** Overrides of issue 7's hooks (tags, escalation, timers, leaked keys; default workflow/hooks.ts). */
  hooks?: Partial<BotHooks>;
  /** The pipeline's open database: helper alerts, stats, forget-me and the timer loop need it. */
  db?: Database;
  /** Commands, modals and buttons; default commands/index.ts. */
  registry?: Registry;
  /** Called last by `stop()` (close the database). */
  onStop?: () => void | Promise<void>;
  /**
   * Fatal gateway close (4004, 4010–4014; `code`), or a fatal database fault (`code` 0 and
   * `reason`: the file vanished, errors that keep repeating). Default: log, stop, `process.exit(1)`.
   */
  onFatal?: (code: number, reason?: string) => void;
  /** Install SIGTERM/SIGINT handlers that stop and exit 0 (default true). */
  handleSignals?: boolean;
  /** Clock (ms epoch); default Date.now. */
  now?: () => number;
  /** Run catch-up after ready (default true). */
  catchUp?: boolean;
  /** How often due timers are polled (ms; default 5 000: a held answer goes out within 5 s of its due time). */
  timerIntervalMs?: number;
  /** A reply committed but not confirmed posted is delivered by the timer loop once this old (ms; default 30 000). */
  redeliverAfterMs?: number;
  /** Threads discord.js keeps cached, the most recently active (default thread-cache.ts THREAD_BUDGET). */
  cachedThreads?: number;
}

export interface BotHandle {
  ctx: BotContext;
  /** Resolves when catch-up is done. */
  caughtUp: Promise<unknown>;
  /** Stops taking events, waits for in-flight work (10 s max), destroys the client, calls onStop. */
  stop(reason?: string): Promise<void>;
}

/**
 * Takes the database's bot lock (src/store/bot-lock.ts), logs in and resolves once the client is
 * ready (all guilds received).
 * @throws BotLockError when another bot runs on the same database; when login fails (bad token on /gateway/bot) or the gateway closes fatally before ready.
 */
export async function startBot(opts: StartBotOptions): Promise<BotHandle> {
  const { config, pipeline, logger } = opts;
  const startedAt = (opts.now ?? Date.now)();
  const releaseLock = opts.db ? acquireBotLock(opts.db.name) : () => undefined; // throws BotLockError
  try {
    return await start(opts, startedAt, releaseLock);
  } catch (err) {
    releaseLock();
    throw err;
  }
}

async function start(opts: StartBotOptions, startedAt: number, releaseLock: () => void): Promise<BotHandle> {
  const { config, pipeline, logger } = opts;
  const client = createClient(opts.clientOptions);
  const ctx: BotContext = {
    client,
    config,
    pipeline,
    logger,
    hooks: { ...defaultHooks, ...workflowHooks, ...opts.hooks },
    registry: opts.registry ?? defaultRegistry,
    queue: new ThreadQueue(),
    inflight: new Inflight(),
    now: opts.now ?? Date.now,
    stopping: false,
    ...(opts.db ? { db: opts.db } : {}),
  };
  let stopWorkflow = (): void => undefined;

  let stopTimers: () => void = () => undefined;
  let stopThreadCache: () => void = () => undefined;
  let stopWatching: () => void = () => undefined;
  let stopped: Promise<void> | null = null;
  const stop = (reason = 'stop'): Promise<void> =>
    (stopped ??= (async () => {
      ctx.stopping = true;
      stopTimers();
      stopThreadCache();
      stopWatching();
      stopWorkflow();
      logger.info({ reason, inflight: ctx.inflight.size }, 'stopping: no new events, finishing in-flight work');
      if (!(await ctx.inflight.drain(10_000))) logger.warn({ inflight: ctx.inflight.size }, 'stop: in-flight work still running after 10 s');
      await withTimeout(client.destroy(), 5_000, undefined); // destroy can hang before READY (pitfall 13)
      releaseLock();
      await opts.onStop?.();
      logger.info({ reason }, 'stopped');
    })());

  const onFatal =
    opts.onFatal ??
    ((code: number, reason?: string) => {
      void stop(reason ?? `gateway close ${code}`).finally(() => process.exit(1));
    });
  let fatalDb = false;
  const dbFatal = (reason: string): void => {
    if (fatalDb) return;
    fatalDb = true;
    logger.fatal({ file: opts.db?.name }, `${reason}: exiting so the supervisor restarts Pincer`);
    onFatal(0, reason);
  };
  if (opts.db) {
    ctx.dbHealth = createDbHealth(logger, dbFatal, ctx.now);
    stopWatching = watchDatabaseFile(opts.db.name, 1_000, dbFatal);
  }
  let rejectStart: (err: Error) => void = () => undefined;
  const fatalBeforeReady = new Promise<never>((_, reject) => (rejectStart = reject));

  client.on(Events.ShardDisconnect, (event, shardId) => {
    if (!isFatalCloseCode(event.code)) return;
    logger.fatal({ code: event.code, shardId }, `gateway closed for good: ${FATAL_CLOSE_CODES[event.code]}`);
    rejectStart(new Error(`gateway closed ${event.code}: ${FATAL_CLOSE_CODES[event.code]}`));
    onFatal(event.code);
  });
  client.on(Events.ShardError, (err, shardId) => logger.warn({ shardId, err: describeError(err) }, 'gateway connection error'));
  client.on(Events.Error, (err) => logger.error({ err: describeError(err) }, 'client error'));
  client.on(Events.Warn, (message) => logger.warn({ discord: message }, 'discord.js warning'));
  client.on(Events.ThreadCreate, onThreadCreate(ctx));
  client.on(Events.MessageCreate, onMessageCreate(ctx));
  client.on(Events.MessageUpdate, onMessageUpdate(ctx));
  client.on(Events.InteractionCreate, onInteractionCreate(ctx));

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  fatalBeforeReady.catch(() => undefined);
  await client.login(config.token);
  await Promise.race([ready, fatalBeforeReady]);
  rejectStart = () => undefined;
  logger.info({ user: client.user?.id, guilds: client.guilds.cache.size }, 'Pincer is connected to Discord');

  runStartupChecks(ctx);
  stopThreadCache = startThreadCache(ctx, opts.cachedThreads);
  const caughtUp = opts.catchUp === false ? Promise.resolve() : startCatchUp(ctx, startedAt);
  stopTimers = startTimerLoop(ctx, opts.timerIntervalMs ?? 5_000, caughtUp, opts.redeliverAfterMs);
  stopWorkflow = startWorkflow(ctx);

  // A new session (re-IDENTIFY after op 9 or close 1000) does not replay what was sent while the
  // connection was down: read the help threads back again, as at start-up.
  client.on(Events.ShardReady, (shardId) => {
    if (ctx.stopping || opts.catchUp === false) return;
    logger.info({ shardId }, 'new gateway session: catching up');
    void startCatchUp(ctx, ctx.now());
  });

  if (opts.handleSignals !== false) {
    const onSignal = (signal: NodeJS.Signals): void => void stop(signal).finally(() => process.exit(0));
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  }
  return { ctx, caughtUp, stop };
}
