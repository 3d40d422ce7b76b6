/**
 * Hostile input through every pure stage — ingest → extractEvidence → buildView → diagnose →
 * renderDiagnosis — with fast-check (fixed seed, bounded runs) and the named adversarial inputs.
 * Nothing throws; the reply holds no live mention, no masked link, no unbalanced code fence or
 * inline code, no fake secret, and fits Discord's 2000 characters. Injections are placed where
 * the parsers read (error lines, provider lines, profile ids, agent ids …) so they get quoted.
 * No timing here: `npm run bench` times ADVERSARIAL_INPUTS.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/diagnosis/engine.ts';
import { buildView } from '../../src/diagnosis/view.ts';
import { extractEvidence } from '../../src/evidence/index.ts';
import { ingest } from '../../src/ingest/index.ts';
import { renderDiagnosis } from '../../src/reply/render.ts';
import { ADVERSARIAL_INPUTS, MARKDOWN_INJECTIONS } from '../fixtures/adversarial.ts';
import { FAKE_CREDENTIALS, tracesIn } from '../fixtures/secrets/fake-credentials.ts';

const FC = { seed: 20261121, numRuns: 200 } as const;

/** The whole pure path for one message; returns the reply markdown. */
function answer(text: string): string {
  const { text: clean } = ingest({ text });
  const evidence = extractEvidence(clean, 'm1');
  const view = buildView({
    records: evidence.facts.map((fact) => ({ fact, messageId: 'm1', seq: 0, stale: false })),
    currentMessageId: 'm1',
  });
  return renderDiagnosis(diagnose(view), view).markdown;
}

/** What a reply must never contain, whatever was pasted. */
function replyProblems(markdown: string): string[] {
  const problems: string[] = [];
  if (markdown.length > 2000) problems.push(`longer than 2000 (${markdown.length})`);
  if (/@(everyone|here)/i.test(markdown)) problems.push('live @everyone/@here');
  if (/<@[!&]?\d+>|<#\d+>/.test(markdown)) problems.push('live user/role/channel mention');
  if (/\]\(\s*<?https?:/i.test(markdown)) problems.push('masked link');
  const lines = markdown.split('\n');
  const fences = lines.filter((l) => l.trimStart().startsWith('```')).length;
  if (fences % 2 !== 0) problems.push('unbalanced code fence');
  let inFence = false;
  for (const line of lines) {
    if (line.trimStart().startsWith('```')) inFence = !inFence;
    else if (!inFence && (line.match(/`/g) ?? []).length % 2 !== 0) problems.push(`unbalanced inline code: ${line.slice(0, 80)}`);
  }
  const traces = tracesIn(markdown, FAKE_CREDENTIALS);
  if (traces.length > 0) problems.push(`secret traces ${traces.join(', ')}`);
  return problems;
}

/** Real-format lines with a slot the parsers read and the reply may quote (§1.3, §4, TUI footer). */
const CARRIERS: readonly ((inj: string) => string)[] = [
  (x) => `run error: HTTP 401 authentication_error: ${x} (request_id: req_011CV1)`,
  (x) => `HTTP 401 authentication_error: invalid x-api-key (request_id: ${x})`,
  (x) => `- anthropic effective=profiles:${x} | profiles=1 (oauth=0, token=0, api_key=1) | anthropic:default=sk-ant-a...Qx7Lm2Ab`,
  (x) => `- anthropic effective=env:sk-ant-a...Qx7Lm2Ab | env=sk-ant-a...Qx7Lm2Ab | source=env: ${x}`,
  (x) => `- anthropic effective=profiles:~/.openclaw/agents/main/agent/auth-profiles.json | profiles=2 (oauth=0, token=1, api_key=1) | ${x}=token:sk-ant-o...c2VtQ0Aa, anthropic:default=${x}`,
  (x) => `agent ${x} | session main (openclaw-tui) | anthropic/claude-sonnet-4-6 | think adaptive | tokens ?/1.0m`,
  (x) => `Error: Unknown agent id "${x}". Use "openclaw agents list" to see configured agents.`,
  (x) => `zsh: command not found: ${x}`,
  (x) => `{"version":1,"profiles":{"${x.replace(/["\\]/g, '')}":{"type":"api_key","provider":"anthropic","key":"sk-ant-a...Qx7Lm2Ab"}}}`,
  (x) => `OpenClaw 2026.3.13 ${x}`,
  (x) => `I re-onboarded with ${x} and it still says invalid x-api-key`,
  (x) => `[local] Default       : ${x}\n[local] - anthropic effective=env:${x} | source=env: ANTHROPIC_API_KEY`,
];

const anyText = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 300 });
const injection = fc.oneof(
  fc.constantFrom(...MARKDOWN_INJECTIONS),
  // Keyed credentials only: a bare random string with no name is not recognisable as a secret.
  fc.constantFrom(...FAKE_CREDENTIALS.filter((c) => c.credentialType !== 'secret_value').map((c) => c.secret)),
  anyText,
  fc.string({ unit: fc.constantFrom('`', '```', '@', 'everyone', 'here', '<@&1>', '<#1>', '[x]', '(https://e.x)', '|', '*', '_', '~', '\n', ' ', '\\', '>', '#'), maxLength: 30 }),
);

describe('hostile input through ingest → evidence → diagnosis → reply', () => {
  it.each(ADVERSARIAL_INPUTS.map((a) => [a.name, a.text] as const))('%s: answers safely', (_n, text) => {
    expect(replyProblems(answer(text))).toEqual([]);
  });

  it.each(CARRIERS.map((carrier, i) => [i, carrier] as const))('carrier %i quotes every injection safely', (_i, carrier) => {
    for (const inj of MARKDOWN_INJECTIONS) expect(replyProblems(answer(carrier(inj)))).toEqual([]);
  });

  it('arbitrary injections in real-format lines never throw and never break the reply', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CARRIERS), injection, fc.constantFrom(...CARRIERS), injection, (a, x, b, y) => {
        expect(replyProblems(answer(`${a(x)}\n${b(y)}`))).toEqual([]);
      }),
      FC,
    );
  });

  it('arbitrary UTF-16 (lone surrogates, NUL, controls) never throws', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(replyProblems(answer(s))).toEqual([]);
      }),
      FC,
    );
  });
});
