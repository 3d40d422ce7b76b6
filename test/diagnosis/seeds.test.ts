/**
 * Table test over the seeds (000, 001, 002, 004 — their pastes live in test/fixtures/) and the
 * rendered examples of openclaw-cli.md §1.10, through the whole pipeline.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from '../../src/cli/fixture-index.ts';
import { loadStages, runThread } from './pipeline.ts';

const stages = await loadStages();
const fixture = (path: string) => readFileSync(join(FIXTURES_DIR, path), 'utf8');

const HEAD = `Config        : ~/.openclaw/openclaw.json
Agent dir     : ~/.openclaw/agents/main/agent
Default       : anthropic/claude-sonnet-4-6
Fallbacks (0) : -
Image model   : -
Image fallbacks (0): -
Aliases (0)   : -
Configured models (0): all

Auth overview
Auth store    : ~/.openclaw/agents/main/agent/auth-profiles.json
Shell env     : off
`;

/** §1.10 A–F, rendered as the reference shows them (keys fake). */
const REFERENCE = {
  A: HEAD.replace('claude-sonnet-4-6', 'claude-opus-4-6') + `Providers w/ OAuth/tokens (0): -

Missing auth
- anthropic Run \`claude setup-token\`, then \`openclaw models auth setup-token\` or \`openclaw configure\`.

OAuth/token status
- none`,
  B: HEAD + `Providers w/ OAuth/tokens (0): -
- anthropic effective=env:sk-ant-a...Qx7Lm2Ab | env=sk-ant-a...Qx7Lm2Ab | source=env: ANTHROPIC_API_KEY

OAuth/token status
- none`,
  C: HEAD + `Providers w/ OAuth/tokens (0): -
- anthropic effective=profiles:~/.openclaw/agents/main/agent/auth-profiles.json | profiles=1 (oauth=0, token=0, api_key=1) | anthropic:default=ref(env:ANTHROPIC_API_KEY) | env=sk-ant-a...Qx7Lm2Ab | source=env: ANTHROPIC_API_KEY

OAuth/token status
- none`,
  D: HEAD + `Providers w/ OAuth/tokens (1): anthropic (1)
- anthropic effective=profiles:~/.openclaw/agents/main/agent/auth-profiles.json | profiles=1 (oauth=0, token=1, api_key=0) | anthropic:manual=token:sk-ant-o...c2VtQ0Aa

OAuth/token status
- anthropic
  - anthropic:manual expiring expires in 5h`,
  E: HEAD + `Providers w/ OAuth/tokens (1): anthropic (1)
- anthropic effective=profiles:~/.openclaw/agents/main/agent/auth-profiles.json | profiles=2 (oauth=0, token=1, api_key=1) | anthropic:default=sk-ant-a...Qx7Lm2Ab [cooldown 25m], anthropic:manual=token:sk-ant-o...c2VtQ0Aa [disabled:auth_permanent 5h] | env=sk-ant-a...Zz81PqRt | source=env: ANTHROPIC_API_KEY

OAuth/token status
- anthropic
  - anthropic:manual static`,
  F: HEAD.replace('Fallbacks (0) : -', 'Fallbacks (1) : openai/gpt-5.4') + `Providers w/ OAuth/tokens (1): anthropic (1)
- anthropic effective=env:OAuth (env) | env=OAuth (env) | source=env: ANTHROPIC_OAUTH_TOKEN

Missing auth
- openai Run \`openclaw configure\` or set an API key env var.

OAuth/token status
- none`,
};

const table: [string, string, { status: string; branch: string | null; next: string | null }][] = [
  ['seed 000: auth-profiles.json type token + 529', fixture('api_key_in_token_profile/seed000-token-type-529.txt'), { status: 'diagnosed', branch: 'api_key_in_token_profile', next: 'openclaw onboard --non-interactive --accept-risk --anthropic-api-key "$ANTHROPIC_API_KEY"' }],
  ['seed 001: first message (401 + TUI footer)', fixture('api_key_invalid/near-miss-seed001-first-message.txt'), { status: 'needs_evidence', branch: null, next: '!openclaw models status' }],
  ['seed 001: `API sk-a..._HeoVAAA`', fixture('api_key_altered/seed001-impossible-mask.txt'), { status: 'diagnosed', branch: 'api_key_altered', next: 'read -rs ANTHROPIC_API_KEY && export ANTHROPIC_API_KEY' }],
  ['seed 001: "i deleted some spaces"', fixture('api_key_altered/seed001-deleted-spaces.txt'), { status: 'diagnosed', branch: 'api_key_altered', next: 'read -rs ANTHROPIC_API_KEY && export ANTHROPIC_API_KEY' }],
  ['seed 001: `!openclaw: command not found`', fixture('tui_multiline_shell/seed001-bang-lines.txt'), { status: 'diagnosed', branch: 'tui_multiline_shell', next: '!openclaw models status' }],
  ['seed 001: profiles=2 with the key in a token profile', fixture('api_key_in_token_profile/seed001-two-profiles.txt'), { status: 'diagnosed', branch: 'api_key_in_token_profile', next: 'openclaw models auth order set --provider anthropic anthropic:default' }],
  ['seed 001: `zsh: no such file or directory: /reset`', fixture('tui_command_in_shell/seed001-zsh-reset.txt'), { status: 'diagnosed', branch: 'tui_command_in_shell', next: '/reset' }],
  ['seed 001: the credit balance line', fixture('credit_balance_low/seed001-credit-balance.txt'), { status: 'diagnosed', branch: 'credit_balance_low', next: null }],
  ['seed 001: the wizard kept existing values', fixture('wizard_kept_existing_values/seed001-wizard.txt'), { status: 'diagnosed', branch: 'wizard_kept_existing_values', next: 'openclaw onboard' }],
  ['seed 001: "dms are not working"', 'dms are not working', { status: 'diagnosed', branch: 'discord_dm_pairing', next: 'openclaw pairing list discord' }],
  ['seed 001: a DM answered with a 401 is not pairing', fixture('discord_dm_pairing/near-miss-seed001-dm-gets-401.txt'), { status: 'needs_evidence', branch: null, next: 'openclaw models status' }],
  ['seed 002: the usage line', fixture('usage_probe_unsupported/seed002-usage-line.txt'), { status: 'diagnosed', branch: 'usage_probe_unsupported', next: 'openclaw agent --agent main -m "ping"' }], // catalog v2: `--agent` needed ≤7.1 and when unknown
  ['seed 004: cron 401 — a bad key or a job without the key', fixture('agent_auth_missing/near-miss-seed004-cron.txt'), { status: 'needs_evidence', branch: null, next: 'openclaw models status --agent <id>' }],
  ['§1.10 A: fresh install', REFERENCE.A, { status: 'diagnosed', branch: 'no_credentials', next: 'openclaw onboard' }],
  ['§1.10 B: env key only, no failure', REFERENCE.B, { status: 'needs_evidence', branch: null, next: null }],
  ['§1.10 C: keyRef resolved by env, no failure', REFERENCE.C, { status: 'needs_evidence', branch: null, next: null }],
  ['§1.10 D: expiring token', REFERENCE.D, { status: 'diagnosed', branch: 'token_expired', next: 'claude setup-token' }],
  ['§1.10 E: two profiles, cooldown and disabled', REFERENCE.E, { status: 'diagnosed', branch: 'profile_disabled', next: 'openclaw models status --json' }],
  ['§1.10 F: OAuth env token, openai fallback missing', REFERENCE.F, { status: 'diagnosed', branch: 'no_credentials', next: 'openclaw onboard' }],
];

describe('seeds and reference examples', () => {
  it.each(table)('%s', (_name, text, expected) => {
    const { diagnosis } = runThread(text, stages);
    expect({ status: diagnosis.status, branch: diagnosis.branch, next: diagnosis.nextCommand }).toEqual(expected);
  });

  it('a healthy `models status` pasted alone asks what fails, instead of handing the thread over', () => {
    const { diagnosis } = runThread(REFERENCE.B, stages);
    expect(diagnosis.ask?.ask.id).toBe('failure_text');
    expect(diagnosis.ask?.text).toMatch(/^What fails, and what exactly does it say\?/);
  });

  it('seed 004 asks for one thing that separates a bad key from an agent without one', () => {
    const { diagnosis } = runThread(fixture('agent_auth_missing/near-miss-seed004-cron.txt'), stages);
    expect(diagnosis.ask?.ask.outcomes.some((o) => o.confirms.includes('agent_auth_missing'))).toBe(true);
    expect(diagnosis.ask?.ask.outcomes.some((o) => o.confirms.includes('api_key_invalid'))).toBe(true);
  });
});
