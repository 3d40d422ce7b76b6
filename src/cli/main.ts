/**
 * `pincer <command>`: the CLI that drives the same pipeline as Discord.
 *
 *   start                      Discord bot when DISCORD_TOKEN is set, else the terminal thread
 *   console [--new]            the terminal help thread, whatever the environment
 *   diagnose [--json] [FILE|-] one paste → one diagnosis (JSON contract in README.md)
 *   replay [--json] FILE       a whole thread, message by message
 *   eval [--json] FILE.jsonl   score the pipeline on labelled cases (test/fixtures/corpus/)
 *   explain <branch-id>        a rule's signals, next command, docs and fixtures
 *   rules                      every rule with its fixture count
 *   deploy-commands [--guild <id>]  register the Discord commands (never done on start)
 */
import { parseArgs } from 'node:util';
import { ConfigError, parseCoreConfig } from '../config/env.ts';
import { BranchId } from '../diagnosis/catalog.ts';
import { maskSecrets } from '../ingest/secrets.ts';
import { runDiscordBot } from './bot.ts';
import { runConsole } from './console.ts';
import { openConfiguredDatabase } from './database.ts';
import { retentionMs, timerSettings } from '../config/timers.ts';
import { purgeOldText } from '../store/retention.ts';
import { runDeployCommands } from './deploy.ts';
import { runDiagnose } from './diagnose.ts';
import { runEval } from './eval.ts';
import { type CliIo, println, processIo } from './io.ts';
import { InputError } from './read-source.ts';
import { runReplay } from './replay.ts';
import { explainBranch } from './explain.ts';
import { listRules } from './rules.ts';

const USAGE = `usage: pincer <command>
  start                          the Discord bot with DISCORD_TOKEN, else the terminal help thread
  console [--new]                the terminal help thread (--new: start a fresh thread)
  diagnose [--json] [FILE|-]     diagnose one pasted message (stdin when FILE is - or absent)
  replay [--json] FILE           replay {"messages":[{"role":"user"|"helper","text":"…"}]} into one thread
  eval [--json] FILE.jsonl       accuracy of status, branch and command on labelled cases, and every miss
  explain <branch-id>            what a rule reads, the command it answers with, its docs and fixtures
  rules                          all rules with their fixture counts
  deploy-commands [--guild <id>] register Pincer's Discord commands`;

async function dispatch(command: string | undefined, rest: string[], io: CliIo): Promise<number> {
  switch (command) {
    case 'start':
    case 'console': {
      const config = parseCoreConfig(io.env);
      if (command === 'start' && config.DISCORD_TOKEN) return runDiscordBot(io.env);
      const { values } = parseArgs({ args: rest, options: { new: { type: 'boolean' } } });
      const db = openConfiguredDatabase(config);
      try {
        purgeOldText(db, retentionMs(config));
        return await runConsole({ db, io, fresh: values.new === true, timers: timerSettings(config) });
      } finally {
        db.close();
      }
    }
    case 'diagnose':
      return runDiagnose(rest, io);
    case 'replay':
      return runReplay(rest, io);
    case 'eval':
      return runEval(rest, io);
    case 'explain': {
      const id = rest[0]?.trim() ?? '';
      if (!BranchId.safeParse(id).success) {
        println(io.stderr, `pincer: ${id ? `unknown branch id "${id}"` : 'usage: pincer explain <branch-id>'}; \`pincer rules\` lists them`);
        return 2;
      }
      println(io.stdout, explainBranch(id));
      return 0;
    }
    case 'rules':
      println(io.stdout, listRules());
      return 0;
    case 'deploy-commands':
      return runDeployCommands(rest, io);
    case 'help':
    case '--help':
    case '-h':
    case undefined:
      println(io.stdout, USAGE);
      return command === undefined ? 2 : 0;
    default:
      println(io.stderr, `pincer: unknown command "${command}"\n${USAGE}`);
      return 2;
  }
}

/** Runs the CLI. Never throws: every failure is one line on stderr and an exit code. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    return await dispatch(command, rest, io);
  } catch (err) {
    if (err instanceof ConfigError || err instanceof InputError) {
      println(io.stderr, `pincer: ${err.message}`);
      return 2;
    }
    if (err instanceof TypeError && (err as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      println(io.stderr, `pincer: ${err.message}`);
      return 2;
    }
    const message = err instanceof Error ? err.message : String(err);
    println(io.stderr, `pincer: internal error: ${maskSecrets(message).text}`);
    return 1;
  }
}
