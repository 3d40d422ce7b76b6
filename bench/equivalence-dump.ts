/**
 * Equivalence dump for performance work (not part of `npm run bench`; run it by hand):
 *   node bin/run-ts.mjs bench/equivalence-dump.ts /tmp/before.jsonl
 *   … change the code …
 *   node bin/run-ts.mjs bench/equivalence-dump.ts /tmp/after.jsonl && cmp /tmp/before.jsonl /tmp/after.jsonl
 * Writes one JSON line per input: what ingest, evidence, the bench's stage chain (view → diagnosis
 * → reply) and `diagnoseOnce` give for it, and one line per thread replay. Inputs: every file
 * under test/fixtures (whole text), every thread message, every corpus case's input, the inputs
 * of 100 B … 1 MB the bench builds, and the adversarial set. Strings over 2,000 characters are
 * written as their length and SHA-256, so the file stays small; a code change that keeps
 * behaviour must leave the file byte-identical.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADVERSARIAL_INPUTS } from '../test/fixtures/adversarial.ts';
import { replayThread } from '../src/cli/replay.ts';
import { createPipeline, diagnoseOnce } from '../src/pipeline/pipeline.ts';
import { openDatabase } from '../src/store/db.ts';
import { fixtureTexts, inputOfSize, SIZES } from './inputs.ts';
import { loadStages } from './stages.ts';

const FIXTURES = fileURLToPath(new URL('../test/fixtures/', import.meta.url));

function walk(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const short = (_k: string, v: unknown): unknown =>
  typeof v === 'string' && v.length > 2_000 ? `#${v.length}:${createHash('sha256').update(v).digest('hex').slice(0, 24)}` : v;

const out = process.argv[2];
if (!out) throw new Error('usage: equivalence-dump.ts OUT.jsonl');

const inputs: { name: string; text: string }[] = [];
const files = walk(FIXTURES).filter((f) => !f.endsWith('.ts'));
for (const f of files) {
  const rel = relative(FIXTURES, f);
  const raw = readFileSync(f, 'utf8');
  inputs.push({ name: rel, text: raw });
  if (f.endsWith('.jsonl')) {
    raw.split('\n').filter(Boolean).forEach((line, i) => inputs.push({ name: `${rel}#${i}`, text: (JSON.parse(line) as { input: string }).input }));
  } else if (rel.startsWith('threads/') && f.endsWith('.json')) {
    (JSON.parse(raw) as { messages: { text: string }[] }).messages.forEach((m, i) => inputs.push({ name: `${rel}#${i}`, text: m.text }));
  }
}
const texts = fixtureTexts();
for (const size of SIZES) inputs.push({ name: `size:${size}`, text: inputOfSize(texts, size) });
for (const a of ADVERSARIAL_INPUTS) inputs.push({ name: `adversarial:${a.name}`, text: a.text });

const stages = await loadStages();
const { ingest, extractEvidence, buildView, diagnose, renderDiagnosis } = stages.fns as Record<string, (...a: any[]) => any>;
const lines: string[] = [];
for (const { name, text } of inputs) {
  const clean = ingest!({ text });
  const evidence = extractEvidence!(clean.text, 'eq');
  const records = evidence.facts.map((fact: unknown) => ({ fact, messageId: 'eq', seq: 0, stale: false }));
  const view = buildView!({ records, currentMessageId: 'eq' });
  const diagnosis = diagnose!(view);
  const reply = renderDiagnosis!(diagnosis, view);
  const once = diagnoseOnce(text);
  lines.push(JSON.stringify({ name, ingest: clean, evidence, diagnosis, reply, once }, short));
}
for (const f of files.filter((p) => relative(FIXTURES, p).startsWith('threads/') && p.endsWith('.json'))) {
  const db = openDatabase(':memory:');
  const replay = replayThread(createPipeline({ db }), (JSON.parse(readFileSync(f, 'utf8')) as { messages: never[] }).messages);
  db.close();
  lines.push(JSON.stringify({ name: `replay:${relative(FIXTURES, f)}`, replay }, short));
}
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`${inputs.length} inputs, ${lines.length} lines → ${out}`);
