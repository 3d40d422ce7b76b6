import { describe, expect, it } from 'vitest';
import { versionOf } from '../../src/diagnosis/versions.ts';
import type { FactRecord } from '../../src/diagnosis/view.ts';
import { extractEvidence } from '../../src/evidence/index.ts';

const proseVersion = (text: string): string | null => {
  const f = extractEvidence(text, 'm').facts.find((x) => x.kind === 'version' && x.from === 'prose');
  return f?.kind === 'version' ? f.version : null;
};

const records = (...messages: string[]): FactRecord[] =>
  messages.flatMap((text, seq) => extractEvidence(text, `m${seq}`).facts.map((fact) => ({ fact, messageId: `m${seq}`, seq, stale: false })));

describe('the OpenClaw version a user names in prose', () => {
  it('reads the version the user says they are on', () => {
    expect(proseVersion('I’m trying to use Anthropic Claude CLI auth with OpenClaw on 2026.5.12. The local Claude CLI login appears valid')).toBe('2026.5.12');
    expect(proseVersion('1. Fresh install of OpenClaw v2026.2.15 in Docker')).toBe('2026.2.15');
    expect(proseVersion('OpenClaw 2026.2.25, macOS launchd, Node 22.22.0')).toBe('2026.2.25');
    expect(proseVersion('running v2026.6.3 on a VPS, anthropic key set in .env')).toBe('2026.6.3');
    expect(proseVersion('OpenClaw version: v2026.4.5')).toBe('2026.4.5');
    expect(proseVersion('Re-tested and verified on **OpenClaw `2026.8.2` (commit `0965053`)** with an active subscription.')).toBe('2026.8.2');
    expect(proseVersion('On OpenClaw `2026.9.1-beta.1` (`1d96e5a`), a canonical Anthropic model failed')).toBe('2026.9.1-beta.1');
  });

  it('takes the version upgraded to, and the failing one over the one that worked', () => {
    expect(proseVersion('After upgrading from 2026.3.28 to 2026.4.12 (Docker), google-vertex fails with 401; reverting to 2026.3.28 restores functionality.')).toBe('2026.4.12');
    expect(proseVersion('Worked on 2026.4.5 - Fails on 2026.4.10')).toBe('2026.4.10');
    expect(proseVersion('worked on 4.5, fails on 4.10')).toBe('2026.4.10');
    expect(proseVersion('minimax-portal OAuth fails with HTTP 401 in openclaw v2026.2.26, but works correctly in v2026.2.24.')).toBe('2026.2.26');
    expect(
      proseVersion('On OpenClaw 2026.6.10, all OpenRouter calls fail with 401. The same key works immediately after downgrading to OpenClaw 2026.6.1.'),
    ).toBe('2026.6.10');
  });

  it('reads the release an update went to, however it is written', () => {
    expect(proseVersion('Same symptom here after `openclaw update` from **2026.8.1 → 2026.9.1** (Ubuntu 24.04, Node 22)')).toBe('2026.9.1');
    expect(proseVersion('After upgrading Gateway + CLI to 2026.8.1, every call to an openai model fails')).toBe('2026.8.1');
    expect(proseVersion('On released `2026.8.1` (`ea806575`), every turn returns 401')).toBe('2026.8.1');
    expect(proseVersion('After the 2026.6.9 upgrade ran an auth import, models status shows Missing auth')).toBe('2026.6.9');
  });

  it('reads the banner with a doubled space as printed, not as prose', () => {
    const facts = extractEvidence('🦞 OpenClaw  2026.2.2-3 (9c5941b) — Your inbox, your rules.', 'm').facts;
    expect(facts.filter((f) => f.kind === 'version').map((f) => f.kind === 'version' && [f.version, f.from])).toEqual([['2026.2.2-3', 'banner']]);
  });

  it('takes the version downgraded to when it still fails there', () => {
    expect(proseVersion('I downgraded to 2026.6.1 and I still get the same 401')).toBe('2026.6.1');
  });

  it('reads no version from dates, model names or other tools', () => {
    expect(proseVersion('You have reached your specified API usage limits. You will regain access on 2026-03-01 at 00:00 UTC.')).toBeNull();
    expect(proseVersion('then tried sending a message with sonnet 4.6 and opus 4.5')).toBeNull();
    expect(proseVersion('Node 22.22.0 on Ubuntu 24.04')).toBeNull();
    expect(proseVersion('it broke after the last update')).toBeNull();
  });

  it('leaves the line to the statement readers', () => {
    const facts = extractEvidence('On OpenClaw 2026.4.15, Anthropic auth works in the interactive main session but fails in isolated cron runs', 'm').facts;
    expect(facts.some((f) => f.kind !== 'version')).toBe(true);
  });

  it('never wins over a version OpenClaw prints', () => {
    expect(versionOf(records('OpenClaw 2026.7.1 (a1b2c3d)', 'I upgraded to 2026.8.2 and it still fails'))).toBe('2026.7.1');
    expect(versionOf(records('I am on 2026.8.2', 'OpenClaw 2026.6.11 (61d171a)'))).toBe('2026.6.11');
    expect(versionOf(records('running 2026.5.12, same error'))).toBe('2026.5.12');
  });
});
