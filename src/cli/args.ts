/**
 * Strict argument parsing for every subcommand: an unknown option, a missing option value or an
 * extra argument is a `UsageError` (Pincer's own one line, then the usage; exit 2), never Node's
 * parseArgs text and never silently ignored.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Bad command line; `message` is the one line to print before the usage. */
export class UsageError extends Error {
  override name = 'UsageError';
}

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * @param command the subcommand (named in the error)
 * @param positionals how many positional arguments the command takes at most
 * @returns option values and positionals
 * @throws UsageError
 */
export function parseCommandArgs(
  command: string,
  args: string[],
  { options, positionals: max }: { options: Options; positionals: number },
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const option = /'([^']+)'/.exec((err as Error).message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`${command}: unknown option ${option ?? ''}`.trimEnd());
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(`${command}: option ${option?.split(' ')[0] ?? ''} needs a value`);
    throw new UsageError(`${command}: ${(err as Error).message.split('\n')[0]}`);
  }
  if (parsed.positionals.length > max) {
    const extra = parsed.positionals.slice(max).map((p) => JSON.stringify(p)).join(' ');
    throw new UsageError(`${command}: unexpected argument${parsed.positionals.length - max > 1 ? 's' : ''} ${extra}`);
  }
  return { values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals };
}
