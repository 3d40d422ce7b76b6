/**
 * The fixture pipeline: text → ingest → extractEvidence → buildView → diagnose, for fixture files
 * that may hold several messages of one thread separated by a line `=== message ===` (oldest
 * first; the last one is the message being answered).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BRANCH_IDS } from '../../src/diagnosis/branches/index.ts';
import type { BranchId } from '../../src/diagnosis/catalog.ts';
import { diagnose } from '../../src/diagnosis/engine.ts';
import type { Diagnosis } from '../../src/diagnosis/types.ts';
import { buildView, type EvidenceView, type FactRecord } from '../../src/diagnosis/view.ts';
import type { Evidence } from '../../src/evidence/facts.ts';
import { FIXTURES_DIR } from '../../src/cli/fixture-index.ts';
import { extractEvidence } from '../../src/evidence/index.ts';
import { ingest } from '../../src/ingest/index.ts';

export const MESSAGE_SEPARATOR = /^=== message ===\n/m;

export interface Stages {
  ingest(input: { text: string }): { text: string };
  extractEvidence(text: string, messageId: string): Evidence;
}

/** The ingest and evidence stages the fixtures run through (the real ones). */
export async function loadStages(): Promise<Stages> {
  return { ingest, extractEvidence };
}

export interface Expected {
  status: Diagnosis['status'];
  branch: BranchId | null;
  candidates?: BranchId[];
  next_command: string | null;
  side_warnings?: BranchId[];
  /** Fact kinds (`kind`, `statement:<topic>` or `kind.field`) the fixture needs from the parsers. */
  requires?: string[];
}

export interface Fixture {
  branch: string;
  name: string;
  text: string;
  expected: Expected;
}

/** Every fixture under test/fixtures/. */
export function readFixtures(dir: string = FIXTURES_DIR): Fixture[] {
  const out: Fixture[] = [];
  for (const branch of readdirSync(dir).sort()) {
    if (!(BRANCH_IDS as readonly string[]).includes(branch)) continue;
    for (const file of readdirSync(join(dir, branch)).filter((f) => f.endsWith('.txt')).sort()) {
      const expected = JSON.parse(readFileSync(join(dir, branch, file.replace(/\.txt$/, '.json')), 'utf8')) as Expected;
      out.push({ branch, name: file, text: readFileSync(join(dir, branch, file), 'utf8'), expected });
    }
  }
  return out;
}

/** Runs a (possibly multi-message) paste through the pipeline. */
export function runThread(text: string, stages: Stages): { view: EvidenceView; diagnosis: Diagnosis; kinds: Set<string>; secrets: boolean } {
  const messages = text.split(MESSAGE_SEPARATOR);
  const records: FactRecord[] = [];
  const kinds = new Set<string>();
  messages.forEach((m, seq) => {
    const clean = stages.ingest({ text: m });
    const evidence = stages.extractEvidence(clean.text, `m${seq}`);
    for (const fact of evidence.facts) {
      records.push({ fact, messageId: `m${seq}`, seq, stale: false });
      kinds.add(fact.kind);
      if (fact.kind === 'statement') kinds.add(`statement:${fact.topic}`);
      for (const [key, value] of Object.entries(fact)) if (value !== undefined) kinds.add(`${fact.kind}.${key}`);
    }
  });
  const view = buildView({ records, currentMessageId: `m${messages.length - 1}` });
  return { view, diagnosis: diagnose(view), kinds, secrets: records.some((r) => r.fact.kind === 'secret') };
}

export { candidateIds } from '../../src/diagnosis/engine.ts';
