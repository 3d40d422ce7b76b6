/**
 * Tells "Discord could not be reached" apart from a bug: DNS failure, connection refused or
 * reset, timeout, TLS. Node and undici put the system error code on the error or on its `cause`
 * (`TypeError: fetch failed` → cause `{ code: 'ECONNREFUSED' }`).
 */
import { ConfigError } from '../config/env.ts';

const WHY: Record<string, string> = {
  ENOTFOUND: 'DNS lookup failed (no such host, or no DNS: check the network)',
  EAI_AGAIN: 'DNS lookup timed out (check the network)',
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'connection timed out',
  ENETUNREACH: 'network unreachable',
  EHOSTUNREACH: 'host unreachable',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed',
  EPROTO: 'TLS handshake failed',
};

const isTls = (code: string): boolean =>
  code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_') || code.includes('CERT') || code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE';

interface Found {
  code: string;
  host: string | null;
  message: string;
}

function find(err: unknown, depth = 0): Found | null {
  if (!err || typeof err !== 'object' || depth > 5) return null;
  const e = err as { code?: unknown; hostname?: unknown; host?: unknown; address?: unknown; port?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (WHY[e.code] || isTls(e.code))) {
    const host = [e.hostname, e.host, e.address].find((h) => typeof h === 'string') as string | undefined;
    return { code: e.code, host: host ? `${host}${typeof e.port === 'number' ? `:${e.port}` : ''}` : null, message: String(e.message ?? '') };
  }
  if (Array.isArray(e.errors)) for (const inner of e.errors) {
    const found = find(inner, depth + 1);
    if (found) return found;
  }
  return find(e.cause, depth + 1);
}

/**
 * @param what what was being reached, e.g. "Discord (discord.com)"
 * @returns one line naming what could not be reached and why, or null when `err` is not a
 *   network failure
 */
export function describeUnreachable(err: unknown, what: string): string | null {
  const found = find(err);
  if (!found) return null;
  const why = WHY[found.code] ?? `TLS error (${found.message.split('\n')[0]?.slice(0, 120) || found.code})`;
  return `cannot reach ${what}${found.host ? ` at ${found.host}` : ''}: ${why} [${found.code}]`;
}

/** Discord (or another service) could not be reached; `message` is the one line to print. */
export class UnreachableError extends Error {
  override name = 'UnreachableError';
}

/** Where the bot and deploy-commands talk to Discord's API: PINCER_DISCORD_API_URL (loopback, tests) or discord.com. */
export function discordApiUrl(env: Record<string, string | undefined>): { api?: string; what: string } {
  const url = env.PINCER_DISCORD_API_URL?.trim();
  if (!url) return { what: "Discord's API (discord.com)" };
  if (!/^https?:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?(\/|$)/.test(url)) {
    throw new ConfigError(`PINCER_DISCORD_API_URL=${JSON.stringify(url)}: expects a loopback URL (tests only), e.g. http://127.0.0.1:PORT/api`);
  }
  return { api: url, what: `Discord's API (${url})` };
}
