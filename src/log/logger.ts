/**
 * Pino logger: JSON lines by default (pretty in a terminal with `LOG_PRETTY=1`).
 *
 * Secrets never reach a log line. pino's `redact` covers fixed object paths only, so four more
 * guards run the secret masker (src/ingest/secrets.ts):
 * - `hooks.logMethod`: the message and its format arguments; an Error logged without a message
 *   gets its masked message as the message (pino would otherwise copy `err.message` raw);
 * - `formatters.log`: every string of the logged object, at any depth;
 * - the `err` serializer: message, stack, cause and extra properties of errors;
 * - `hooks.streamWrite`: the finished line, which also covers child-logger bindings.
 * Message content (`text`, `content`) is not logged at all: it is censored by path.
 * stderr is written asynchronously and flushed on exit (a stalled reader never freezes the bot).
 */
import pino, { type DestinationStream, type Logger } from 'pino';
import { maskSecrets } from '../ingest/secrets.ts';
import { maskDeep, maskString } from './mask-deep.ts';

export type { Logger } from 'pino';

export interface LoggerOptions {
  level?: string;
  pretty?: boolean;
  /** Where lines go (tests capture them); default stderr, so stdout stays for replies and JSON. */
  destination?: DestinationStream;
}

/** Paths censored outright: message bodies and the usual credential fields. */
const REDACT_PATHS = [
  'text', '*.text', 'content', '*.content',
  'token', '*.token', 'apiKey', '*.apiKey', 'key', '*.key', 'password', '*.password', 'secret', '*.secret',
  'authorization', '*.authorization', 'headers.authorization', '*.headers.authorization',
];

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/** The logMethod arguments with strings masked and an error's message supplied (masked) when missing. */
export function maskLogArgs(args: unknown[]): unknown[] {
  const [first, ...rest] = args;
  const hasMessage = typeof rest[0] === 'string';
  if (first instanceof Error && !hasMessage) return [{ err: first }, maskSecrets(first.message).text, ...rest];
  if (isPlainObject(first) && first.err instanceof Error && first.msg === undefined && !hasMessage) {
    return [first, maskSecrets(first.err.message).text, ...rest];
  }
  return args.map(maskString);
}

/** pino's serialized error as a plain object with every string masked (`raw` dropped), recursively. */
function maskedError(serialized: unknown): unknown {
  if (typeof serialized !== 'object' || serialized === null) return maskDeep(serialized);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(serialized)) {
    const nestedError = typeof value === 'object' && value !== null && !(value instanceof Error) && 'stack' in value;
    if (key === 'aggregateErrors' && Array.isArray(value)) out[key] = value.map(maskedError);
    else out[key] = nestedError ? maskedError(value) : maskDeep(value);
  }
  return out;
}

/**
 * stderr written asynchronously (pino's SonicBoom with `sync: false`): a supervisor that stops
 * reading stderr no longer blocks the bot on a full pipe. What is buffered is flushed on exit.
 */
function asyncStderr(): DestinationStream {
  const dest = pino.destination({ dest: 2, sync: false });
  process.once('exit', () => {
    try {
      dest.flushSync();
    } catch {
      // nothing more can be written at exit
    }
  });
  return dest;
}

/**
 * Creates the logger. Every line is masked as described above; nothing throws on odd input
 * (cycles, deep objects, non-Error throwables).
 */
export function createLogger(opts: LoggerOptions = {}): Logger {
  const destination =
    opts.destination ??
    (opts.pretty
      ? pino.transport({ target: 'pino-pretty', options: { destination: 2, colorize: true } })
      : asyncStderr());
  return pino(
    {
      level: opts.level ?? 'info',
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: {
        err: (err: unknown) => maskedError(pino.stdSerializers.err(err as Error)) as Record<string, unknown>,
      },
      formatters: { log: (obj) => maskDeep(obj) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          method.apply(this, maskLogArgs(args) as Parameters<typeof method>);
        },
        streamWrite: (line) => maskSecrets(line).text,
      },
    },
    destination,
  );
}
