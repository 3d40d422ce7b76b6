/**
 * Core configuration from the environment, validated by zod at start-up. Bad values stop
 * start-up with one line per bad variable, naming it and what it expects (see `ConfigError`).
 * Discord-specific variables are parsed separately (src/config/discord.ts) and only when the bot
 * runs, so the terminal thread needs none of them.
 */
import * as z from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const flag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'], { error: 'expects 1 or 0 (true/false)' })
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const positiveInt = (what: string) =>
  z.coerce.number({ error: `expects ${what}` }).int(`expects ${what}`).positive(`expects ${what}`);

const count = (what: string) => z.coerce.number({ error: `expects ${what}` }).int(`expects ${what}`).min(0, `expects ${what}`);

/** Variables, their defaults and what each expects (the messages are shown to the operator). */
export const CoreEnv = z.object({
  DISCORD_TOKEN: z.string().trim().min(1).optional(),
  PINCER_DB: z.string().trim().min(1, 'expects a file path (or :memory:)').default('./data/pincer.db'),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `expects one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  LOG_PRETTY: flag.default(false),
  PINCER_RETENTION_DAYS: positiveInt('a whole number of days, e.g. 30').default(30),
  PINCER_REMIND_AFTER_HOURS: positiveInt('a whole number of hours, e.g. 24').default(24),
  PINCER_AUTO_CLOSE_AFTER_HOURS: positiveInt('a whole number of hours, e.g. 72').default(72),
  /** Replies Pincer posts to one user (all their threads and DMs) per window; 0 = no limit. */
  PINCER_USER_REPLY_LIMIT: count('a whole number of replies, e.g. 20 (0 = no limit)').default(20),
  PINCER_USER_REPLY_WINDOW_MINUTES: positiveInt('a whole number of minutes, e.g. 10').default(10),
  /** Replies Pincer posts in one thread per window; 0 = no limit. */
  PINCER_THREAD_REPLY_LIMIT: count('a whole number of replies, e.g. 6 (0 = no limit)').default(6),
  PINCER_THREAD_REPLY_WINDOW_SECONDS: positiveInt('a whole number of seconds, e.g. 60').default(60),
});
export type CoreConfig = z.infer<typeof CoreEnv>;

/**
 * Thrown for a bad environment. `lines` holds one line per bad variable (all of them, not just
 * the first); `message` is those lines joined with newlines.
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly lines: string[];
  constructor(lines: string | string[]) {
    const all = typeof lines === 'string' ? [lines] : lines;
    super(all.join('\n'));
    this.lines = all;
  }
}

/**
 * Parses the core variables out of `env` (unknown variables are ignored; empty strings count as
 * unset). @throws ConfigError with one line per bad variable, e.g.
 * `LOG_LEVEL="loud": expects one of fatal, error, warn, info, debug, trace, silent`.
 */
export function parseCoreConfig(env: Record<string, string | undefined>): CoreConfig {
  return parseEnv(CoreEnv, env);
}

/** How a variable's value is shown in an error line: quoted, or hidden for secrets. */
export function shownValue(name: string, value: string | undefined): string {
  if (value === undefined) return `${name} is not set`;
  return /TOKEN|SECRET|KEY/.test(name) ? `${name} (value hidden)` : `${name}=${JSON.stringify(value)}`;
}

/**
 * Checks `env` against `schema` without throwing. @returns the parsed values, or one line per bad
 * variable (the first issue of each), in the schema's order.
 */
export function checkEnv<S extends z.ZodObject>(
  schema: S,
  env: Record<string, string | undefined>,
): { ok: true; data: z.infer<S> } | { ok: false; lines: string[] } {
  const picked: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[key];
    if (value !== undefined && value.trim() !== '') picked[key] = value;
  }
  const result = schema.safeParse(picked);
  if (result.success) return { ok: true, data: result.data };
  const firstIssue = new Map<string, string>();
  for (const issue of result.error.issues) {
    const name = String(issue.path[0] ?? 'environment');
    if (!firstIssue.has(name)) firstIssue.set(name, issue.message);
  }
  const order = Object.keys(schema.shape);
  const names = [...firstIssue.keys()].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return { ok: false, lines: names.map((name) => `${shownValue(name, picked[name])}: ${firstIssue.get(name)}`) };
}

/** Shared by every env schema: empty → unset; every bad variable → one line of a ConfigError. */
export function parseEnv<S extends z.ZodObject>(schema: S, env: Record<string, string | undefined>): z.infer<S> {
  const checked = checkEnv(schema, env);
  if (!checked.ok) throw new ConfigError(checked.lines);
  return checked.data;
}
