/**
 * The diagnosis of every input the repository holds, printed one JSON line per input, to check a
 * change to the rules changes nothing by accident (issue 13: rules moved from `when` code to data
 * must diagnose byte-identically). Writes nothing; run it before and after and diff:
 *   node bin/run-ts.mjs test/diagnosis/dump.ts > /tmp/before.jsonl
 * Inputs: every .txt under test/fixtures/ on its own (golden fixtures, evidence fixtures, seeds,
 * single capture files), each OpenClaw capture's pasted thread (expect.json), each thread JSON's
 * author messages, and each corpus case both as a bare paste and as `pincer eval` runs it (with its
 * stated version, reply rendered). Per input: status, branch, confidence, every candidate with its
 * reasons and sources, the step, the ask and the next command.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { FIXTURES_DIR } from '../../src/cli/fixture-index.ts';
import { diagnoseOnce } from '../../src/pipeline/pipeline.ts';
import { loadStages, runThread } from './pipeline.ts';

const stages = await loadStages();

function txtFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return txtFiles(path);
      return name.endsWith('.txt') ? [path] : [];
    });
}

/** A capture's thread as its expect.json pastes it (as test/openclaw/captures.test.ts builds it). */
function captureThreads(): { name: string; text: string }[] {
  const root = join(FIXTURES_DIR, 'openclaw');
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((v) => /^\d{4}\.\d+\.\d+$/.test(v))
    .sort()
    .flatMap((v) =>
      readdirSync(join(root, v))
        .sort()
        .filter((s) => existsSync(join(root, v, s, 'expect.json')))
        .map((s) => {
          const dir = join(root, v, s);
          const paste = (JSON.parse(readFileSync(join(dir, 'expect.json'), 'utf8')) as { paste?: string[] }).paste ?? ['models-status.txt'];
          const commands = JSON.parse(readFileSync(join(dir, 'commands.json'), 'utf8')) as { file: string; argv: string[] }[];
          const text = paste
            .map((item) => {
              const file = item.startsWith('$ ') ? item.slice(2) : item;
              const argv = commands.find((c) => c.file === file)?.argv ?? [];
              return `${item.startsWith('$ ') ? `$ ${argv.join(' ')}\n` : ''}${readFileSync(join(dir, file), 'utf8')}`;
            })
            .join('=== message ===\n');
          return { name: `capture:${v}/${s}`, text };
        }),
    );
}

function threadJsons(): { name: string; text: string }[] {
  const dir = join(FIXTURES_DIR, 'threads');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const t = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { messages: { role: string; text: string }[] };
      const text = t.messages.filter((m) => m.role === 'user').map((m) => m.text).join('\n=== message ===\n');
      return { name: `thread:${f}`, text };
    });
}

interface Case {
  id: string;
  input: string;
  openclaw_version?: string | null;
}
function corpusCases(): (Case & { file: string })[] {
  const dir = join(FIXTURES_DIR, 'corpus');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => ({ ...(JSON.parse(l) as Case), file: f })),
    );
}

const out: string[] = [];
const inputs = [
  ...txtFiles(FIXTURES_DIR).map((p) => ({ name: relative(FIXTURES_DIR, p), text: readFileSync(p, 'utf8') })),
  ...captureThreads(),
  ...threadJsons(),
  ...corpusCases().map((c) => ({ name: `corpus:${c.file}:${c.id}`, text: c.input })),
];
for (const i of inputs) {
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
