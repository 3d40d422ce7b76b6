/**
 * Pino logger: JSON lines by default (pretty in a terminal with `LOG_PRETTY=1`). Every message
 * string and error goes through the secret masker first — pino's `redact` only covers object
 * paths, so a credential inside a message or an error would otherwise reach the log.
 */
import pino, { type DestinationStream, type Logger } from 'pino';
import { maskSecrets } from '../ingest/secrets.ts';

export type { Logger } from 'pino';

const maskString = (value: unknown): unknown => (typeof value === 'string' ? maskSecrets(value).text : value);

export interface LoggerOptions {
  level?: string;
  pretty?: boolean;
  /** Where lines go (tests capture them); default stderr, so stdout stays for replies and JSON. */
  destination?: DestinationStream;
}

export function createLogger(opts: LoggerOptions = {}): Logger {
  const destination =
    opts.destination ??
    (opts.pretty
      ? pino.transport({ target: 'pino-pretty', options: { destination: 2, colorize: true } })
      : pino.destination(2));
  return pino(
    {
      level: opts.level ?? 'info',
      redact: { paths: ['token', '*.token', 'text', '*.text', 'content', '*.content'], censor: '[redacted]' },
      serializers: {
        err: (err: unknown) => {
          const s = pino.stdSerializers.err(err as Error);
          return { ...s, message: maskString(s.message) as string, stack: maskString(s.stack) as string };
        },
      },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map(maskString) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}
