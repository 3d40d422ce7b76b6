import { describe, expect, it } from 'vitest';
import { extractEvidence } from '../../src/evidence/index.ts';
import { ingest } from '../../src/ingest/index.ts';

const missingOf = (text: string): string[] =>
  extractEvidence(ingest({ text }).text, 'msg')
    .facts.flatMap((f) => (f.kind === 'models_status' ? f.missingAuth.map((m) => m.provider) : []));

// #100067 retyped `models status` with each section's first item on the title line.
describe('models status sections retyped on one line', () => {
  it('reads the provider of `Missing auth - <provider>`', () => {
    expect(missingOf('Auth store: ~/.openclaw/agents/main/agent/openclaw-agent.sqlite\nMissing auth - openai-codex')).toEqual(['openai-codex']);
  });

  it('reads it with OpenClaw\'s hint after the provider', () => {
    expect(missingOf('Missing auth – openai Run `openclaw configure` or set an API key env var.')).toEqual(['openai']);
  });

  it('reads no provider from a sentence that starts with the title', () => {
    expect(missingOf('Missing auth - no idea why, it worked yesterday')).toEqual([]);
  });
});
