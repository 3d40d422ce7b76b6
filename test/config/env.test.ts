import { describe, expect, it } from 'vitest';
import { ConfigError, parseCoreConfig } from '../../src/config/env.ts';
import { rateLimitSettings } from '../../src/config/timers.ts';

describe('core configuration', () => {
  it('runs with nothing set: terminal thread, database under ./data', () => {
    const config = parseCoreConfig({});
    expect(config.DISCORD_TOKEN).toBeUndefined();
    expect(config.PINCER_DB).toBe('./data/pincer.db');
    expect(config.LOG_LEVEL).toBe('info');
  });

  it('treats empty values as unset (a copied .env.example works as is)', () => {
    expect(parseCoreConfig({ DISCORD_TOKEN: '', LOG_LEVEL: '' }).DISCORD_TOKEN).toBeUndefined();
  });

  it.each([
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL="loud": expects one of fatal, error, warn, info, debug, trace, silent'],
    [{ PINCER_RETENTION_DAYS: 'forever' }, 'PINCER_RETENTION_DAYS="forever": expects a whole number of days, e.g. 30'],
    [{ LOG_PRETTY: 'maybe' }, 'LOG_PRETTY="maybe": expects 1 or 0 (true/false)'],
    [{ PINCER_THREAD_REPLY_LIMIT: '-1' }, 'PINCER_THREAD_REPLY_LIMIT="-1": expects a whole number of replies, e.g. 6 (0 = no limit)'],
    [{ PINCER_USER_REPLY_WINDOW_MINUTES: '0' }, 'PINCER_USER_REPLY_WINDOW_MINUTES="0": expects a whole number of minutes, e.g. 10'],
  ])('stops on a bad value with one line naming the variable: %j', (env, line) => {
    expect(() => parseCoreConfig(env)).toThrow(ConfigError);
    expect(() => parseCoreConfig(env)).toThrow(line);
  });

  it('limits replies by default (20 per user per 10 minutes, 6 per thread per minute); 0 turns a limit off', () => {
    expect(rateLimitSettings(parseCoreConfig({}))).toEqual({
      perUser: { replies: 20, windowMs: 600_000 },
      perThread: { replies: 6, windowMs: 60_000 },
    });
    const config = parseCoreConfig({ PINCER_USER_REPLY_LIMIT: '0', PINCER_THREAD_REPLY_LIMIT: '3', PINCER_THREAD_REPLY_WINDOW_SECONDS: '30' });
    expect(rateLimitSettings(config)).toEqual({ perThread: { replies: 3, windowMs: 30_000 } });
  });
});
