/**
 * `pincer <command>`: the CLI that drives the same pipeline as Discord.
 *
 * Each command's module is imported only when that command runs, so `pincer diagnose` starts
 * without discord.js, the logger or SQLite (cold start matters to scripts calling it per paste).
 * Commands that read settings (start, console, deploy-commands, backup) first read the `.env`
 * file (src/config/env-file.ts).
 */
import { readFileSync } from 'node:fs';
import { parseCommandArgs, UsageError } from './args.ts';
import { type CliIo, println, processIo } from './io.ts';

export const USAGE = `usage: pincer <command> [options]
  start                          the Discord bot with DISCORD_TOKEN, else the terminal help thread
  console [--new] [--verbose]    the terminal help thread (--new: a fresh thread; --verbose: internal ids)
  diagnose [--json] [--openclaw-version V] [FILE|-]
                                 diagnose one pasted message (stdin when FILE is - or absent);
                                 V: the OpenClaw version the user told you
  replay [--json] FILE           replay {"messages":[{"role":"user"|"helper","text":"…"}]} into one thread
  eval [--json] FILE.jsonl       accuracy of status, branch and command on labelled cases, and every miss
  explain <branch-id>            what a rule reads, the command it answers with, its docs and fixtures
  rules [--markdown]             all rules with their fixture counts (--markdown: the catalog, docs/branches.md)
  deploy-commands [--guild <id>] register Pincer's Discord commands
  backup FILE                    copy the database (PINCER_DB) to FILE safely, even while Pincer runs
  --version                      Pincer's version`;

/** Pincer's version, from package.json (the same file for src/ and dist/). */
export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

async function settings(io: CliIo) {
  const { loadEnvFile } = await import('../config/env-file.ts');
  return loadEnvFile(io.env);
}

async function dispatch(command: string | undefined, rest: string[], io: CliIo): Promise<number> {
  switch (command) {
    case 'start':
    case 'console': {
      const envFile = await settings(io);
      const { values } = parseCommandArgs(command, rest, { options: { new: { type: 'boolean' }, verbose: { type: 'boolean' } }, positionals: 0 });
      if (command === 'start' && io.env.DISCORD_TOKEN?.trim()) {
        if (values.new || values.verbose) throw new UsageError('start: --new and --verbose belong to the terminal thread (pincer console)');
        const { runDiscordBot } = await import('./bot.ts');
        return runDiscordBot(io.env, { envFile });
      }
      const { runConsoleCommand } = await import('./console-command.ts');
      return runConsoleCommand(io, { fresh: values.new === true, verbose: values.verbose === true, envFile });
    }
    case 'diagnose':
      return (await import('./diagnose.ts')).runDiagnose(rest, io);
    case 'replay':
      return (await import('./replay.ts')).runReplay(rest, io);
    case 'eval':
      return (await import('./eval.ts')).runEval(rest, io);
    case 'explain': {
      const { positionals } = parseCommandArgs('explain', rest, { options: {}, positionals: 1 });
      const id = positionals[0]?.trim() ?? '';
      const { BRANCH_IDS } = await import('../diagnosis/branches/index.ts');
      if (!BRANCH_IDS.includes(id)) {
        println(io.stderr, `pincer: ${id ? `unknown branch id "${id}"` : 'usage: pincer explain <branch-id>'}; \`pincer rules\` lists them`);
        return 2;
      }
      println(io.stdout, (await import('./explain.ts')).explainBranch(id));
      return 0;
    }
    case 'rules': {
      const { values } = parseCommandArgs('rules', rest, { options: { markdown: { type: 'boolean' } }, positionals: 0 });
      if (values.markdown) io.stdout.write((await import('./rules-markdown.ts')).rulesMarkdown());
      else println(io.stdout, (await import('./rules.ts')).listRules());
      return 0;
    }
    case 'deploy-commands':
      await settings(io);
      return (await import('./deploy.ts')).runDeployCommands(rest, io);
    case 'backup':
      await settings(io);
      return (await import('./backup.ts')).runBackup(rest, io);
    case '--version':
    case '-v':
    case 'version':
      if (rest.length > 0) throw new UsageError(`${command}: unexpected argument ${JSON.stringify(rest[0])}`);
      println(io.stdout, `pincer ${version()}`);
      return 0;
    case 'help':
    case '--help':
    case '-h':
    case undefined:
      println(command === undefined ? io.stderr : io.stdout, USAGE);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(command.startsWith('-') ? `unknown option ${command}` : `unknown command "${command}"`);
  }
}

/** Runs the CLI. Never throws: every failure is one line per problem on stderr and an exit code. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    return await dispatch(command, rest, io);
  } catch (err) {
    return report(err, io);
  }
}

/** Errors the operator fixes (bad variables, bad input, the database file): one line each, exit 2. */
const OPERATOR_ERRORS = new Set(['ConfigError', 'InputError', 'StoreError', 'BotLockError']);

async function report(err: unknown, io: CliIo): Promise<number> {
  if (err instanceof UsageError) {
    println(io.stderr, `pincer: ${err.message}\n${USAGE}`);
    return 2;
  }
  const name = err instanceof Error ? err.name : '';
  if (OPERATOR_ERRORS.has(name)) {
    const lines = (err as { lines?: string[] }).lines ?? [(err as Error).message];
    for (const line of lines) println(io.stderr, `pincer: ${line}`);
    return 2;
  }
  if (name === 'UnreachableError') {
    println(io.stderr, `pincer: ${(err as Error).message}`);
    return 1;
  }
  const message = err instanceof Error ? err.message : String(err);
  const { maskSecrets } = await import('../ingest/secrets.ts');
  println(io.stderr, `pincer: internal error: ${maskSecrets(message).text}`);
  return 1;
}
