/**
 * `pincer eval` over the labelled real reports in test/fixtures/corpus/ (issue 14). The issue's
 * targets are status ≥ 95 %, branch ≥ 95 % of diagnosed cases, command ≥ 90 % of cases listing
 * commands and at most one negative answered as auth. All four meet them; each floor is held at
 * the figure reached (it only ever goes up: raise it when a change improves it).
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { commandMatches, evaluate, parseCases, readCases } from '../../src/cli/eval.ts';
import { main } from '../../src/cli/main.ts';

const ratio = (s: { right: number; total: number }): number => s.right / s.total;

describe('pincer eval on the shared development corpus', async () => {
  const report = evaluate(await readCases('test/fixtures/corpus/dev-cases.jsonl'));

  it('scores every case', () => {
    expect(report.cases).toBe(124);
    expect(report.status.total).toBe(124);
  });

  it('never answers more than one look-alike negative as a model-auth failure', () => {
    expect(report.negativesAnswered).toBeLessThanOrEqual(1);
  });

  it('meets the issue-14 status threshold (held at the figure reached)', () => {
    expect(ratio(report.status)).toBeGreaterThanOrEqual(0.99);
  });

  it('meets the issue-14 branch and command thresholds, and keeps the figures reached', () => {
    expect(ratio(report.branch)).toBeGreaterThanOrEqual(0.97);
    // 70/76. A case's `openclaw_version` (the version the report states in its version field) is
    // read as the user saying it, which is how gh-oc-86761 and gh-claytono-infra-2061 get their
    // version's step. The six misses are labels that want another step than catalog v2 gives for
    // what the text shows: a verify command where the step is a console action (top up), a key
    // step where the label wants `models status` (gh-oc-66046, gh-oc-133987), a token step where the
    // label wants the base-URL check although the base URL is the default one (gh-oc-19938),
    // `openclaw onboard` where the label wants paste-api-key (gh-oc-116243, version unknown), and
    // gh-oc-136592 on 2026.8.1, where catalog v2's ≥8.1 profile_cooldown step is
    // `openclaw models status` and the label wants the ≤7.1 `openclaw logs --follow`.
    expect(ratio(report.command)).toBeGreaterThanOrEqual(0.92);
  });
});

describe('pincer eval on our own real-shaped cases', async () => {
  const report = evaluate(await readCases('test/fixtures/corpus/own-cases.jsonl'));
  it('meets the issue-14 thresholds', () => {
    expect(ratio(report.status)).toBeGreaterThanOrEqual(0.95);
    expect(ratio(report.branch)).toBeGreaterThanOrEqual(0.95);
    expect(ratio(report.command)).toBeGreaterThanOrEqual(0.9);
    expect(report.negativesAnswered).toBeLessThanOrEqual(1);
  });
});

describe('scoring', () => {
  it('matches commands with whitespace collapsed, the TUI `!` dropped and label placeholders as any value', () => {
    expect(commandMatches('openclaw models status', '!openclaw  models status')).toBe(true);
    expect(commandMatches("echo 'KIMI_API_KEY=<your key>' >> ~/.openclaw/.env", "echo 'KIMI_API_KEY=<value>' >> ~/.openclaw/.env")).toBe(true);
    // A placeholder Pincer left unfilled where the input had the value is a miss.
    expect(commandMatches('openclaw models auth order clear --provider openai-codex', 'openclaw models auth order clear --provider <provider>')).toBe(false);
    expect(commandMatches('openclaw onboard', 'openclaw models status')).toBe(false);
    expect(commandMatches('openclaw onboard', null)).toBe(false);
  });

  it('reads a case\'s stated version as the user naming it: the step is that version\'s', () => {
    const base = { input: `Claude CLI returned 400 invalid_request_error: "You're out of extra usage"`, expect_status: 'diagnosed', accept_branches: ['extra_usage_required'] } as const;
    const cases = parseCases(
      [
        { ...base, id: 'no-version', accept_commands: ['openclaw --version'] },
        { ...base, id: 'on-4.26', openclaw_version: '2026.4.26', accept_commands: ['openclaw config get agents.defaults.models'] },
        { ...base, id: 'on-9.6', openclaw_version: '2026.9.6', accept_commands: ['openclaw onboard'] },
      ].map((c) => JSON.stringify(c)).join('\n'),
    );
    expect(evaluate(cases).command).toEqual({ right: 3, total: 3 });
    expect(() => parseCases('{"id":"a","input":"x","expect_status":"not_auth","accept_branches":[],"accept_commands":[],"openclaw_version":"4.26"}', 'v.jsonl')).toThrow(/v\.jsonl:1: openclaw_version/);
  });

  it('names the bad line of a malformed file', () => {
    expect(() => parseCases('{"id":"a"}\n', 'x.jsonl')).toThrow(/x\.jsonl:1/);
  });
});

describe('pincer eval on the command line', () => {
  it('prints the figures, the confusion table and every miss as `id: expected -> got`', async () => {
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (c) => (out += String(c)));
    const code = await main(['eval', 'test/fixtures/corpus/dev-cases.jsonl'], { stdin: new PassThrough(), stdout, stderr: new PassThrough(), env: {} });
    expect(code).toBe(0);
    expect(out).toMatch(/^status: +\d+\.\d%/m);
    expect(out).toMatch(/^branch: +\d+\.\d%/m);
    expect(out).toMatch(/^command: +\d+\.\d%/m);
    expect(out).toMatch(/^expected \\ got/m);
    expect(out).toMatch(/^ {2}[\w.-]+: [^\n]+ -> [^\n]+$/m);
  });
});
