/**
 * Golden fixtures: test/fixtures/evidence/<format>/<case>.txt with the expected Evidence beside it
 * (<case>.json). Shared by the golden test and the regeneration script.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractEvidence } from '../../src/evidence/index.ts';
import type { Evidence } from '../../src/evidence/facts.ts';
import { ingest } from '../../src/ingest/index.ts';

export const FIXTURES = fileURLToPath(new URL('../fixtures/evidence/', import.meta.url));

export interface GoldenCase {
  /** `<format>/<case>` */
  name: string;
  txtPath: string;
  jsonPath: string;
}

export function goldenCases(): GoldenCase[] {
  const out: GoldenCase[] = [];
  for (const format of readdirSync(FIXTURES, { withFileTypes: true })) {
    if (!format.isDirectory()) continue;
    for (const file of readdirSync(join(FIXTURES, format.name)).sort()) {
      if (!file.endsWith('.txt')) continue;
      const base = file.slice(0, -4);
      out.push({ name: `${format.name}/${base}`, txtPath: join(FIXTURES, format.name, file), jsonPath: join(FIXTURES, format.name, `${base}.json`) });
    }
  }
  return out;
}

/** What a fixture's text reads as: the pipeline's ingest then evidence, with a fixed message id. */
export function readFixture(txtPath: string): Evidence {
  const raw = readFileSync(txtPath, 'utf8');
  return extractEvidence(ingest({ text: raw }).text, 'msg');
}
