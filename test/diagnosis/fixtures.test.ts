import { describe, expect, it } from 'vitest';
import { BRANCH_IDS } from '../../src/diagnosis/branches/index.ts';
import { RULES } from '../../src/diagnosis/branches/index.ts';
import { maskSecrets } from '../../src/ingest/secrets.ts';
import { renderDiagnosis } from '../../src/reply/render.ts';
import { renderMessage } from '../../src/reply/reason.ts';
import { readFixtureIndex } from '../../src/cli/fixture-index.ts';
import { candidateIds, loadStages, readFixtures, runThread } from './pipeline.ts';
import { checkCommand, kindOf } from './reference-commands.ts';

const fixtures = readFixtures();
const stages = await loadStages();

describe('catalog coverage', () => {
  const index = readFixtureIndex();
  it.each(BRANCH_IDS.map((id) => [id]))('%s has a rule, ≥2 positive fixtures and ≥1 near-miss', (id) => {
    expect(RULES.find((r) => r.id === id), `no rule for ${id}`).toBeDefined();
    const files = index[id] ?? [];
    expect(files.filter((f) => f.positive).length, `positive fixtures for ${id}`).toBeGreaterThanOrEqual(2);
    expect(files.filter((f) => !f.positive).length, `near-miss fixtures for ${id}`).toBeGreaterThanOrEqual(1);
  });
});

describe('golden fixtures: text → ingest → evidence → view → diagnose', () => {
  it.for(fixtures.map((f) => [`${f.branch}/${f.name}`, f] as const))('%s', ([, f]) => {
    const { view, diagnosis, kinds } = runThread(f.text, stages);
    const missing = (f.expected.requires ?? []).filter((k) => !kinds.has(k));
    expect(missing, 'facts this fixture needs the parsers to read').toEqual([]);
    expect(diagnosis.status).toBe(f.expected.status);
    expect(diagnosis.branch).toBe(f.expected.branch);
    expect(diagnosis.nextCommand).toBe(f.expected.next_command);
    if (f.expected.candidates) expect(candidateIds(diagnosis)).toEqual(f.expected.candidates);
    expect(diagnosis.sideWarnings ?? []).toEqual(f.expected.side_warnings ?? []);
    // A near-miss never confirms the branch it sits under.
    const positive = f.expected.branch === f.branch || (f.expected.side_warnings ?? []).includes(f.branch as never);
    if (!positive) expect(diagnosis.candidates.find((c) => c.id === f.branch)?.status).not.toBe('confirmed');
    // The next command is one the reference lists, for the thread's version.
    if (diagnosis.nextCommand) expect(checkCommand(kindOf(diagnosis.nextCommand), diagnosis.nextCommand, view.version)).toBeNull();
    // Every `openclaw …` the step's own words mention exists too.
    if (diagnosis.step && diagnosis.step.kind !== 'none') {
      for (const m of `${renderMessage(diagnosis.step.why)} ${diagnosis.step.then}`.matchAll(/`(openclaw [^`]+)`/g)) {
        expect(checkCommand('openclaw', m[1]!, view.version), m[1]).toBeNull();
      }
    }
    // The reply fits Discord and never holds a full credential.
    const reply = renderDiagnosis(diagnosis, view);
    expect(reply.markdown.length).toBeLessThanOrEqual(2000);
    expect(maskSecrets(reply.markdown).findings).toEqual([]);
  });
});
