/**
 * The pipeline's pure stages as the bench runs them: ingest → extractEvidence → buildView →
 * diagnose → renderDiagnosis, loaded from src/ at run time so that a stage not landed yet is
 * reported as missing instead of breaking the bench (or the type check).
 */
import { fileURLToPath } from 'node:url';

type Fn = (...args: any[]) => any;

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

/** Where each stage's entry point may live (first found wins). */
const CANDIDATES: Record<string, string[]> = {
  ingest: ['ingest/index.ts'],
  extractEvidence: ['evidence/index.ts'],
  buildView: ['diagnosis/view.ts'],
  diagnose: ['diagnosis/engine.ts', 'diagnosis/index.ts', 'diagnosis/diagnose.ts'],
  renderDiagnosis: ['reply/render.ts', 'reply/index.ts'],
};

export interface Stages {
  fns: Record<string, Fn>;
  /** Stage names whose entry point is not in src/ yet. */
  missing: string[];
  /** Runs every available stage, in order, on one message; never throws on a missing stage. */
  run(text: string): void;
  /** "ingest → evidence" or the full chain. */
  label: string;
}

async function load(name: string): Promise<Fn | undefined> {
  for (const rel of CANDIDATES[name]!) {
    try {
      const mod = (await import(`${SRC}${rel}`)) as Record<string, unknown>;
      if (typeof mod[name] === 'function') return mod[name] as Fn;
    } catch {
      // not landed (or not at this path)
    }
  }
  return undefined;
}

export async function loadStages(): Promise<Stages> {
  const fns: Record<string, Fn> = {};
  const missing: string[] = [];
  for (const name of Object.keys(CANDIDATES)) {
    const fn = await load(name);
    if (fn) fns[name] = fn;
    else missing.push(name);
  }
  const { ingest, extractEvidence, buildView, diagnose, renderDiagnosis } = fns;
  const full = Boolean(buildView && diagnose && renderDiagnosis);
  const run = (text: string): void => {
    if (!ingest) return;
    const clean = ingest({ text });
    if (!extractEvidence) return;
    const evidence = extractEvidence(clean.text, 'bench');
    if (!full) return;
    const records = evidence.facts.map((fact: unknown) => ({ fact, messageId: 'bench', seq: 0, stale: false }));
    const view = buildView!({ records, currentMessageId: 'bench' });
    renderDiagnosis!(diagnose!(view), view);
  };
  const label = !ingest ? 'nothing' : !extractEvidence ? 'ingest' : full ? 'ingest → evidence → diagnosis → reply' : 'ingest → evidence';
  return { fns, missing, run, label };
}
