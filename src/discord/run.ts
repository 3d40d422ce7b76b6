/**
 * `pincer start` with DISCORD_TOKEN set: runs the bot until it should end and resolves with the
 * process exit code, so the CLI's `main()` can return it like any other command.
 *
 *   0  SIGTERM / SIGINT: stopped taking events, finished in-flight work, closed (onStop).
 *   1  Discord closed the gateway for good (4004 bad token, 4010–4014 e.g. intents), or the
 *      database failed for good (its file vanished or was replaced, errors that keep repeating):
 *      a supervisor should restart it (after the operator fixes the cause; logged at fatal).
 *
 * If the gateway closes fatally before the bot is ready, or login fails, it throws instead.
 */
import type { EventEmitter } from 'node:events';
import { startBot, type BotHandle, type StartBotOptions } from './bot.ts';

export interface RunBotOptions extends Omit<StartBotOptions, 'onFatal' | 'handleSignals'> {
  /** Where SIGTERM/SIGINT come from (default `process`; tests pass an EventEmitter). */
  signals?: EventEmitter;
}

/**
 * @returns the exit code (0 after a signal, 1 after a fatal gateway close).
 * @throws Error when login fails or the gateway closes fatally before ready (message says why).
 */
export async function runBot(opts: RunBotOptions): Promise<number> {
  const { signals = process, ...rest } = opts;
  let finish: (code: number) => void = () => undefined;
  const done = new Promise<number>((resolve) => (finish = resolve));
  let handle: BotHandle | undefined;
  const end = (reason: string, code: number): void => {
    if (handle) void handle.stop(reason).then(() => finish(code));
  };
  handle = await startBot({ ...rest, handleSignals: false, onFatal: (code, reason) => end(reason ?? `gateway close ${code}`, 1) });
  const onSignal = (signal: string): void => end(signal, 0);
  signals.once('SIGTERM', onSignal);
  signals.once('SIGINT', onSignal);
  try {
    return await done;
  } finally {
    signals.off('SIGTERM', onSignal);
    signals.off('SIGINT', onSignal);
  }
}
