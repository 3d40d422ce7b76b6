import { describe, expect, it } from 'vitest';
import { ConfigError, parseCoreConfig } from '../../src/config/env.ts';

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
  ])('stops on a bad value with one line naming the variable: %j', (env, line) => {
    expect(() => parseCoreConfig(env)).toThrow(ConfigError);
    expect(() => parseCoreConfig(env)).toThrow(line);
  });
});
