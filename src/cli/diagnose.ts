/**
 * `pincer diagnose [--json] [--openclaw-version V] [FILE|-]`: one pasted message, read as if the
 * user had addressed Pincer; nothing is stored. `--openclaw-version 2026.9.6` is the version the
 * user told you (read like a sentence naming it; a version printed in the paste wins). With --json it prints ONE object (the contract in README.md):
 *   {"status", "branch", "candidates", "next_command", "reply", "secret_masked"}
 */
import { RELEASE_VERSION } from '../diagnosis/versions.ts';
import { diagnoseOnce } from '../pipeline/pipeline.ts';
import type { OneOffResult } from '../pipeline/types.ts';
import { parseCommandArgs, UsageError } from './args.ts';
import { type CliIo, println } from './io.ts';
import { readSource } from './read-source.ts';

export interface DiagnoseJson {
  status: OneOffResult['outcome']['status'];
  branch: string | null;
  candidates: string[];
  next_command: string | null;
  reply: string;
  secret_masked: boolean;
}

/** The JSON contract of `pincer diagnose --json` for one result. */
export function toDiagnoseJson(result: OneOffResult): DiagnoseJson {
  const { outcome } = result;
  return {
    status: outcome.status,
    branch: outcome.branch,
    candidates: outcome.candidates,
    next_command: outcome.nextCommand,
    reply: outcome.reply?.markdown ?? '',
    secret_masked: result.secrets.length > 0,
  };
}

/** @returns the exit code: 0, or 2 when the input could not be read (InputError propagates to main). */
export async function runDiagnose(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('diagnose', argv, {
    options: { json: { type: 'boolean' }, 'openclaw-version': { type: 'string' } },
    positionals: 1,
  });
  const stated = values['openclaw-version'];
  const openclawVersion = typeof stated === 'string' ? stated : undefined;
  if (openclawVersion !== undefined && !RELEASE_VERSION.test(openclawVersion)) throw new UsageError(`diagnose: --openclaw-version ${openclawVersion}: expected YYYY.M.D, e.g. 2026.9.6`);
  const source = await readSource(positionals[0], io.stdin);
  // The input goes in as an attachment so ingest can tell text from binary and note a cut.
  const attachments = source.bytes.length > 0 ? [{ name: source.name, bytes: source.bytes, cut: source.cut }] : [];
  const result = diagnoseOnce('', attachments, { openclawVersion });
  if (values.json) println(io.stdout, JSON.stringify(toDiagnoseJson(result)));
  else println(io.stdout, result.outcome.reply?.markdown ?? '');
  return 0;
}
