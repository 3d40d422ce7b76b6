/**
 * Runs Pincer's real pipeline (ingest → evidence → view → diagnose) over committed captures and
 * prints, per setup, the diagnosis next to expect.json. Used by `--check` and by hand:
 *   node bin/run-ts.mjs scripts/openclaw-fixtures/diagnose-captures.ts <fixturesDir> [version…]
 * Prints JSON lines `{version, setup, expected, got}`; exit code 1 when any differs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnose } from '../../src/diagnosis/engine.ts';
import { buildView, type FactRecord } from '../../src/diagnosis/view.ts';
import { extractEvidence } from '../../src/evidence/index.ts';
import { ingest } from '../../src/ingest/index.ts';

export interface Expect {
  status: string;
  branch: string | null;
  next_command: string | null;
  /** Files of the setup pasted in order, one message each (default: `models-status.txt`); `$ <file>` = typed command first. */
  paste?: string[];
}

export function diagnoseCapture(dir: string, paste: string[]) {
  const records: FactRecord[] = [];
  const commands = JSON.parse(readFileSync(join(dir, 'commands.json'), 'utf8')) as { file: string; argv: string[] }[];
  paste.forEach((item, seq) => {
    const typed = item.startsWith('$ ');
    const file = typed ? item.slice(2) : item;
    const argv = commands.find((c) => c.file === file)?.argv ?? [];
    const text = `${typed ? `$ ${argv.join(' ')}\n` : ''}${readFileSync(join(dir, file), 'utf8')}`;
    const evidence = extractEvidence(ingest({ text }).text, `m${seq}`);
    for (const fact of evidence.facts) records.push({ fact, messageId: `m${seq}`, seq, stale: false });
  });
  const view = buildView({ records, currentMessageId: `m${paste.length - 1}` });
  return { view, diagnosis: diagnose(view) };
}

if (process.argv[1]?.endsWith('diagnose-captures.ts')) {
  const root = process.argv[2] ?? 'test/fixtures/openclaw';
  const only = process.argv.slice(3);
  let differ = 0;
  for (const v of readdirSync(root).sort()) {
    if (only.length && !only.includes(v)) continue;
    for (const setup of readdirSync(join(root, v)).sort()) {
      const dir = join(root, v, setup);
      if (!existsSync(join(dir, 'expect.json'))) continue;
      const expected = JSON.parse(readFileSync(join(dir, 'expect.json'), 'utf8')) as Expect;
      const { view, diagnosis } = diagnoseCapture(dir, expected.paste ?? ['models-status.txt']);
      const got = { status: diagnosis.status, branch: diagnosis.branch, next_command: diagnosis.nextCommand, version: view.version };
      const same = got.status === expected.status && got.branch === expected.branch && got.next_command === expected.next_command;
      if (!same) differ++;
      console.log(JSON.stringify({ ok: same, version: v, setup, expected: { status: expected.status, branch: expected.branch, next: expected.next_command }, got }));
    }
  }
  process.exitCode = differ > 0 ? 1 : 0;
}
