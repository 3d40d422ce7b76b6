/**
 * The `.env` file, read once at start-up before anything else reads the environment.
 *
 * Which file: `PINCER_ENV_FILE` when set (it must exist), else `.env` in the working directory
 * when there is one. The syntax is Node's own (`util.parseEnv`: `KEY=value`, `#` comments,
 * quotes). Variables already in the environment win over the file.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { ConfigError } from './env.ts';

export interface EnvFileResult {
  /** Absolute path of the file read, or null when there was none. */
  path: string | null;
  /** Names of the variables the file set (those not already in the environment). */
  applied: string[];
}

/**
 * Reads the env file into `env` (mutated: only names not already set with a non-empty value).
 * @param cwd where `.env` is looked for
 * @throws ConfigError when PINCER_ENV_FILE names a file that cannot be read, or a `.env` exists
 *   but cannot be read (one line naming it and why)
 */
export function loadEnvFile(env: Record<string, string | undefined>, cwd: string = process.cwd()): EnvFileResult {
  const explicit = env.PINCER_ENV_FILE?.trim();
  const path = resolve(cwd, explicit || '.env');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (!explicit && code === 'ENOENT') return { path: null, applied: [] };
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, expects a file' : code === 'EACCES' ? 'permission denied' : (code ?? 'cannot be read');
    throw new ConfigError(explicit ? `PINCER_ENV_FILE=${JSON.stringify(explicit)}: ${why}` : `${path}: ${why} (the .env file is read at start-up; PINCER_ENV_FILE names another)`);
  }
  const applied: string[] = [];
  for (const [name, value] of Object.entries(parseEnv(text))) {
    if (env[name] !== undefined && env[name] !== '') continue;
    env[name] = value;
    applied.push(name);
  }
  return { path, applied };
}

/** The first line the bot logs and the terminal thread prints: which settings file was read. */
export function envFileLine(result: EnvFileResult): string {
  return result.path ? `settings: ${result.path} (variables already in the environment win)` : 'settings: environment only (no .env file in the working directory)';
}
