/**
 * The diagnosis of every input the repository holds, printed one JSON line per input, to check a
 * change to the rules changes nothing by accident (issue 13: rules moved from `when` code to data
 * must diagnose byte-identically). Writes nothing; run it before and after and diff:
 *   node bin/run-ts.mjs test/diagnosis/dump.ts > /tmp/before.jsonl
 * Inputs: ./inputs.ts, and each corpus case also as `pincer eval` runs it (with its stated version,
 * reply rendered). Per input: status, branch, confidence, every candidate with its
 * reasons and sources, the step, the ask and the next command.
 */
import { diagnoseOnce } from '../../src/pipeline/pipeline.ts';
import { allInputs, corpusCases } from './inputs.ts';
import { loadStages, runThread } from './pipeline.ts';

const stages = await loadStages();

const out: string[] = [];
for (const i of allInputs()) {
  const { diagnosis: d } = runThread(i.text, stages);
  out.push(
    JSON.stringify({
      input: i.name,
      status: d.status,
      branch: d.branch,
      confidence: d.confidence,
      candidates: d.candidates,
      sideWarnings: d.sideWarnings,
      step: d.step,
      ask: d.ask && { id: d.ask.ask.id, command: d.ask.command, text: d.ask.text },
      nextCommand: d.nextCommand,
    }),
  );
}
for (const c of corpusCases()) {
  const r = diagnoseOnce(c.input, undefined, c.openclaw_version ? { openclawVersion: c.openclaw_version } : {});
  out.push(JSON.stringify({ input: `eval:${c.file}:${c.id}`, outcome: r.outcome }));
}
process.stdout.write(`${out.join('\n')}\n`);
