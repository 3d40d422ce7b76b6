/**
 * `npx pincer replay --json` on seed 001, as issue 2 asks a newcomer to run it: one JSON line per
 * user message with the README's fields, and the answers issue 2 lists at their messages.
 * (The conversation rules on the same thread are tested in test/conversation/seed-001.test.ts.)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './run-cli.ts';

const REPLAY_TMP = tempDir('replay');
const run = runCli(['replay', '--json', 'test/fixtures/threads/seed-001.json']);
const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
const at = (index: number) => lines.find((l) => l.index === index)!;

describe('pincer replay --json on seed 001', () => {
  it('prints one line per user message with the contract fields', () => {
    expect(run.status).toBe(0);
    expect(lines).toHaveLength(35);
    for (const line of lines) {
      expect(Object.keys(line).sort()).toEqual(['branch', 'candidates', 'index', 'next_command', 'reply', 'state', 'status']);
      expect(['new', 'needs_info', 'bot_answered', 'needs_human', 'solved', 'closed']).toContain(line.state);
    }
  });

  it('shows the answers issue 2 lists', () => {
    expect(at(0)).toMatchObject({ status: 'needs_evidence', next_command: '!openclaw models status' });
    expect(at(22).branch).toBe('tui_multiline_shell');
    expect(at(26).branch).toBe('api_key_altered');
    expect(at(30).branch).toBe('api_key_altered');
    expect(at(49)).toMatchObject({ branch: 'api_key_in_token_profile', next_command: 'openclaw models auth order set --provider anthropic anthropic:default' });
    expect(at(55).branch).toBe('tui_command_in_shell');
    expect(at(59).branch).toBe('credit_balance_low');
    expect(at(64).branch).toBe('discord_dm_pairing');
    expect(at(65).branch).not.toBe('discord_dm_pairing');
    expect(at(65).candidates).not.toContain('discord_dm_pairing');
  });

  it('answers the questions asked in the thread instead of handing over early', () => {
    expect(at(4).state).toBe('needs_info'); // "I want to put the key again, what do i run?"
    expect(at(4).reply).toContain('openclaw onboard');
    expect(at(6).reply).toMatch(/request id/i); // "should i type the request id?"
  });

  it('never prints the same reply twice', () => {
    const replies = lines.flatMap((l) => (typeof l.reply === 'string' ? [l.reply] : []));
    expect(new Set(replies).size).toBe(replies.length);
  });
});

describe('pincer replay with a bad file', () => {
  it('says in one line what the file should look like, exit 2', () => {
    const dir = REPLAY_TMP;
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ messages: [{ role: 'bot', text: 'hi' }] }));
    const bad = runCli(['replay', '--json', join(dir, 'bad.json')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('expected {"messages":[{"role":"user"|"helper","text":"…"}]}');
  });
});
