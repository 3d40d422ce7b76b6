/**
 * `pincer diagnose --json` as scripts call it: the README's contract, the seeds other than 001,
 * and input that is bad in every way a user can make it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './run-cli.ts';

const seed = (name: string) => readFileSync(new URL(`../fixtures/seeds/${name}`, import.meta.url), 'utf8');
const tmp = tempDir('diagnose');

function diagnose(input: string | Buffer, file?: string) {
  const run = file ? runCli(['diagnose', '--json', file]) : runCli(['diagnose', '--json', '-'], { input });
  expect(run.stderr).not.toMatch(/\n\s+at /); // never a stack trace
  return { ...run, json: run.status === 0 ? JSON.parse(run.stdout) : null };
}

/** The lines of a seed between two markers, verbatim. */
function excerpt(text: string, from: string, to: string): string {
  const start = text.indexOf(from);
  const end = text.indexOf(to, start);
  expect(start).toBeGreaterThanOrEqual(0);
  return text.slice(start, end + to.length);
}

describe('pincer diagnose --json', () => {
  it('keeps the contract: one object with status, branch, candidates, next_command, reply, secret_masked', () => {
    const { status, json } = diagnose('run error: HTTP 401 authentication_error: invalid x-api-key (request_id: sha256:c6bb760e0b67)');
    expect(status).toBe(0);
    expect(Object.keys(json).sort()).toEqual(['branch', 'candidates', 'next_command', 'reply', 'secret_masked', 'status']);
    expect(json).toMatchObject({ status: 'needs_evidence', branch: null, next_command: '!openclaw models status', secret_masked: false });
  });

  it('a question asked with the paste: next_command is the step command when diagnosed, null when the answer replaces the ask', () => {
    const status = [
      'agent main | session main (openclaw-tui) | anthropic/claude-sonnet-4-6',
      '- anthropic effective=profiles:~/.openclaw/agents/main/agent/auth-profiles.json | profiles=2 (oauth=0, token=1, api_key=1) | anthropic:default=sk-ant-a..._HeoVAAA, anthropic:manual=token:sk-ant-a..._HeoVAAA',
    ].join('\n');
    const diagnosed = diagnose(`how do I put the key in again?\n${status}`).json;
    expect(diagnosed).toMatchObject({ status: 'diagnosed', branch: 'api_key_in_token_profile' });
    expect(diagnosed.next_command).toMatch(/^!?openclaw models auth order set --provider anthropic anthropic:default$/);
    expect(diagnosed.reply).toMatch(/openclaw onboard/); // the question is answered

    const asked = diagnose('run error: HTTP 401 authentication_error: invalid x-api-key\nI want to put the key again, what do i run?').json;
    expect(asked.status).toBe('needs_evidence');
    expect(asked.reply).toMatch(/openclaw onboard/);
    expect(asked.next_command).toBeNull();
  });

  it('seed 000: a token-type profile holding an sk-ant- key, with the 529 loop', () => {
    const paste = excerpt(seed('000_61844df7dcbf3ea0.txt'), 'When ~/.openclaw', 'Retry the request.).');
    expect(diagnose(paste).json).toMatchObject({ status: 'diagnosed', branch: 'api_key_in_token_profile' });
  });

  it('seed 002: the status --usage line for an API-key setup is harmless', () => {
    const paste = 'Anthropic: HTTP 401 authentication_error: Invalid bearer token';
    expect(seed('002_e25e30044dd6a844.txt')).toContain(paste);
    expect(diagnose(`openclaw status --usage\n${paste}`).json).toMatchObject({ status: 'diagnosed', branch: 'usage_probe_unsupported' });
  });

  it('seed 004: an Invalid API key body from a cron run gets the ask that decides, not a confident answer', () => {
    const body = '{"error": {"type": "authentication_error", "message": "Invalid API key"}}';
    expect(seed('004_169274e38aca0911.txt')).toContain(body);
    const { json } = diagnose(`my cron job fails with\nError: 401 Unauthorized\n${body}`);
    expect(json.status).toBe('needs_evidence');
    expect(json.candidates.length).toBeGreaterThan(1);
  });

  it('--openclaw-version: the version the user told you picks that version\'s step; a version printed in the paste wins', () => {
    // Claude CLI's answer as a user pastes it from a run (real report, shared corpus gh-oc-86761).
    const paste = `Claude CLI returned 400 invalid_request_error: "You're out of extra usage"`;
    const ask = (args: string[], input: string) => JSON.parse(runCli(['diagnose', '--json', ...args, '-'], { input }).stdout);
    expect(ask([], paste)).toMatchObject({ branch: 'extra_usage_required', next_command: 'openclaw --version' });
    // ≤6.11: the 1M-context setting is where extra usage comes from; ≥7.1 it is a no-op.
    expect(ask(['--openclaw-version', '2026.4.26'], paste)).toMatchObject({ next_command: 'openclaw config get agents.defaults.models' });
    expect(ask(['--openclaw-version', '2026.4.26'], `OpenClaw 2026.8.1 (0965053)\n${paste}`)).toMatchObject({ next_command: 'openclaw onboard' });
    const bad = runCli(['diagnose', '--json', '--openclaw-version', '4.26', '-'], { input: paste });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--openclaw-version 4\.26: expected YYYY\.M\.D/);
  });

  it('masks a pasted key and says so, without echoing it', () => {
    const key = 'sk-ant-api03-' + 'q7Rt2KfL9xPa0WmZ3vYc8NbH5sDe1GjU4oQi6TkXr'.repeat(2) + 'Xy9W'; // fake, key-shaped
    const run = diagnose(`my key is ${key} and I get HTTP 401 authentication_error: invalid x-api-key`);
    expect(run.json.secret_masked).toBe(true);
    expect(run.stdout).not.toContain(key.slice(14, 60));
  });

  it('empty input: a reply that says there is nothing to read, exit 0', () => {
    const { status, json } = diagnose('');
    expect(status).toBe(0);
    expect(json.status).toBe('not_auth');
    expect(json.reply).toMatch(/no text|empty|nothing/i);
  });

  it('a binary file: a clear note, exit 0, no crash', () => {
    const file = join(tmp, 'screenshot.png');
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, ...Array(2000).fill(0)]));
    const { status, json } = diagnose('', file);
    expect(status).toBe(0);
    expect(json.reply).toMatch(/binary|not text|image/i);
  });

  it('a 5 MB paste: read up to the cap, and the reply says it was cut', () => {
    const big = `run error: HTTP 401 authentication_error: invalid x-api-key\n${'noise line\n'.repeat(500_000)}`;
    const { status, json } = diagnose(big);
    expect(status).toBe(0);
    expect(json.reply).toMatch(/1 MB|cut|first part/i);
  });

  it('invalid UTF-8: still read, exit 0', () => {
    const bytes = Buffer.concat([Buffer.from('run error: HTTP 401 authentication_error: invalid x-api-key '), Buffer.from([0xff, 0xfe, 0xc3])]);
    expect(diagnose(bytes).status).toBe(0);
  });

  it('a missing file: one line, non-zero exit', () => {
    const run = runCli(['diagnose', '--json', join(tmp, 'nope.txt')]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('no such file');
  });
});
