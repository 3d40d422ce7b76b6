/**
 * Issue 14: questions people ask in auth threads get the exact command or one sentence of fact,
 * statements that change the diagnosis are read as such, and a question or a new fact is never
 * "the same output again" (no hand-over for it).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ReplayFile, type ReplayLine, type ReplayMessage, replayThread } from '../../src/cli/replay.ts';
import { askNudges } from '../../src/conversation/policy-texts.ts';
import { createPipeline } from '../../src/pipeline/pipeline.ts';
import { openDatabase } from '../../src/store/db.ts';

function replay(messages: ReplayMessage[]): ReplayLine[] {
  const db = openDatabase(':memory:');
  try {
    return replayThread(createPipeline({ db }), messages);
  } finally {
    db.close();
  }
}
const user = (text: string): ReplayMessage => ({ role: 'user', text });
const ERROR = 'HTTP 401 authentication_error: invalid x-api-key (request_id: req_011CZabc123)';

describe('seed 001, the user messages issue 14 quotes', () => {
  const { messages } = ReplayFile.parse(JSON.parse(readFileSync('test/fixtures/threads/seed-001.json', 'utf8')));
  const lines = replay(messages);
  const at = (i: number) => lines.find((l) => l.index === i)!;

  it('"I want to put the key again, what do i run?" gets the command, not a hand-over', () => {
    expect(messages[4]!.text).toBe('I want to put the key again, what do i run?');
    expect(at(4).reply).toContain('`openclaw onboard`');
    expect(at(4).state).not.toBe('needs_human');
  });

  it('"should i type the request id?" gets one sentence of fact', () => {
    expect(at(6).reply).toMatch(/No need for the request id/);
  });

  it('"i deleted some spaces to shorten it" says why editing breaks a key', () => {
    expect(at(30).branch).toBe('api_key_altered');
    expect(at(30).reply).toMatch(/any character changed is a different key/);
  });

  it('"I purchased credits, and it still says that" points to the billing back-off, not a hand-over', () => {
    expect(at(60).branch).toBe('profile_disabled');
    expect(at(60).reply).not.toMatch(/nothing else to suggest/);
    expect(at(60).state).not.toBe('needs_human');
  });

  it('"its working now, but I need help configuring it to discord" answers the new part too', () => {
    expect(at(62).reply).toMatch(/mark the message that fixed it/);
    expect(at(62).reply).toMatch(/docs\.openclaw\.ai\/channels\/discord/);
  });

  it('"what next?" after a step is answered with that step, never a hand-over or holding note', () => {
    for (const i of [27, 53]) {
      expect(messages[i]!.text).toMatch(/what (?:do I do )?next\?/i);
      expect(at(i).reply).toMatch(/^Next: run `[^`]+`/);
      expect(at(i).reply).not.toMatch(/human helper/i);
    }
    expect(at(53).reply).toContain('openclaw models auth order set --provider anthropic anthropic:default');
  });

  it('never posts the same reply twice', () => {
    const replies = lines.flatMap((l) => (l.reply ? [l.reply] : []));
    expect(new Set(replies).size).toBe(replies.length);
  });
});

describe('questions in an auth thread', () => {
  const lines = replay([
    user(ERROR),
    user('do I need to restart the gateway?'),
    user('which version am I on?'),
    user('where is the key stored?'),
    user('how do I switch from API key to subscription?'),
    user('how do I remove the old profile?'),
    user('do I need to restart the gateway?'),
  ]);

  it('answers each with its command or fact', () => {
    expect(lines[1]!.reply).toContain('openclaw gateway restart');
    expect(lines[2]!.reply).toContain('openclaw --version');
    expect(lines[3]!.reply).toMatch(/auth-profiles\.json/);
    expect(lines[4]!.reply).toContain('openclaw models auth paste-token --provider anthropic');
    expect(lines[5]!.reply).toMatch(/openclaw models auth (?:logout|order set)/);
  });

  it('never hands over for questions, and does not answer the same question twice', () => {
    expect(lines.every((l) => l.state !== 'needs_human')).toBe(true);
    expect(lines[6]!.reply).not.toBe(lines[1]!.reply);
  });
});

describe('the same question asked again', () => {
  const lines = replay([
    user(ERROR),
    user('do I need to restart the gateway?'),
    user('do I need to restart the gateway?'),
    user('should I restart the gateway?'),
  ]);

  it('is a question, not "the same error": a pointer to the answer once, then quiet, and never a hand-over', () => {
    expect(lines[2]!.reply).toMatch(/answered that .*above/);
    expect(lines[2]!.reply).toContain('openclaw gateway restart');
    expect(lines[2]!.reply).not.toMatch(/same (?:error|output)/i);
    expect(lines[3]!.reply).toBeNull();
    expect(lines.every((l) => l.state !== 'needs_human')).toBe(true);
  });
});

describe('statements that change the diagnosis', () => {
  it('"works in the terminal but not in Discord" brings in the agent, service and host branches', () => {
    const [, second] = replay([user(ERROR), user('it works in the terminal but not in discord')]);
    expect(second!.candidates).toEqual(expect.arrayContaining(['agent_auth_missing', 'wrong_host']));
    expect(second!.reply).toBeTruthy();
  });

  it('"works in the terminal, not in Discord" with the missing-key copy is not "nothing is set up": the key exists somewhere', () => {
    const copy = '⚠️ Missing API key for provider "anthropic". Configure the gateway auth for that provider, then try again.';
    const [first] = replay([user(`In the terminal openclaw works but in Discord I get\n${copy}`)]);
    expect(first!.branch).not.toBe('no_credentials');
    expect(first!.candidates).toEqual(expect.arrayContaining(['env_not_visible_to_service', 'agent_auth_missing']));
    expect(first!.next_command).not.toBe('openclaw onboard');
  });

  it('"works in the terminal, not in Discord" on a systemd VPS is the service\'s environment, with the .env step', () => {
    const copy = '⚠️ Missing API key for provider "anthropic". Configure the gateway auth for that provider, then try again.';
    const [first] = replay([user(`works in the terminal but in discord I get:\n${copy}\nThe gateway runs as a systemd service on my VPS.`)]);
    expect(first).toMatchObject({ branch: 'env_not_visible_to_service', next_command: "echo 'ANTHROPIC_API_KEY=<your key>' >> ~/.openclaw/.env" });
    expect(first!.reply).toMatch(/does not have your shell's env/);
  });

  it('the same error after Pincer\'s step says the step did not clear it before moving on', () => {
    const { messages } = ReplayFile.parse(JSON.parse(readFileSync('test/fixtures/threads/corpus-clawx-111-google-key-anthropic.json', 'utf8')));
    const lines = replay(messages);
    expect(lines[0]!.branch).toBe('default_model_without_auth');
    const again = lines.find((l, i) => i > 0 && l.branch !== null && l.branch !== 'default_model_without_auth')!;
    expect(again.reply).toMatch(/^`openclaw configure --section model` did not clear it, so the next step is this one\./);
  });

  it('a new fact that leaves the ask as it is is acknowledged, not called the same error', () => {
    const lines = replay([user(ERROR), user("I'm on a VPS"), user('I run it in Docker')]);
    for (const l of lines.slice(1)) {
      expect(l.reply ?? '').not.toMatch(/same (?:error|output)/);
      expect(l.state).not.toBe('needs_human');
    }
  });

  it('"Model login expired … I did what it said and restarted, same error" moves to the service, not a hand-over', () => {
    const copy = '⚠️ Model login expired on the gateway for claude-cli. Re-auth with `claude auth login && openclaw models auth login --provider anthropic --method cli` in a terminal, then try again.';
    const [first, second] = replay([user(copy), user('I did what it said and restarted, same error')]);
    expect(first).toMatchObject({ branch: 'claude_cli_login_expired', next_command: 'claude auth login' });
    expect(second).toMatchObject({ branch: 'env_not_visible_to_service', next_command: 'openclaw gateway status' });
    expect(second!.state).not.toBe('needs_human');
  });

  it('a service (Docker) and a missing key make the service environment a candidate', () => {
    const [first] = replay([user('I run the gateway in Docker.\nNo API key found for provider "anthropic". Auth store: /root/.openclaw/agents/main/agent/auth-profiles.json')]);
    expect(first!.candidates).toContain('env_not_visible_to_service');
  });
});

describe('answers follow the thread\'s OpenClaw version (question-answers.ts)', () => {
  const onVersion = (version: string, question: string) =>
    replay([user(`OpenClaw ${version} (61d171a)\n${ERROR}`), user(question)])[1]!.reply ?? '';

  it('removing a profile: `models auth logout` from 2026.8.1, pinning the order before it', () => {
    expect(onVersion('2026.9.6', 'how do I remove the old profile?')).toContain('openclaw models auth logout <profile-id> --yes');
    const old = onVersion('2026.3.13', 'how do I remove the old profile?');
    expect(old).toContain('openclaw models auth order set --provider anthropic <profile-id>');
    expect(old).not.toContain('logout');
  });

  it('where the key is stored: the JSON file before 2026.6.5, the SQLite store after', () => {
    expect(onVersion('2026.3.13', 'where is the key stored?')).toMatch(/auth-profiles\.json/);
    const newer = onVersion('2026.9.6', 'where is the key stored?');
    expect(newer).toMatch(/openclaw-agent\.sqlite/);
    expect(newer).not.toMatch(/auth-profiles\.json/);
  });

  it('which version: the one the thread already shows', () => {
    expect(onVersion('2026.5.28', 'which version am I on?')).toMatch(/2026\.5\.28/);
  });
});

describe('an answer names the provider the user has trouble with, not one mentioned on the side', () => {
  it('"Anthropic auth works … keep cron on openai-codex/…" then "how do I remove the old profile?" pins an anthropic profile', () => {
    const { messages } = ReplayFile.parse(JSON.parse(readFileSync('test/fixtures/threads/corpus-gh-oc-68405-cron-agent-auth.json', 'utf8')));
    const answer = replay(messages).at(-1)!.reply ?? '';
    expect(answer).toContain('--provider anthropic');
    expect(answer).not.toContain('openai-codex');
  });
});

describe('a healthy `models status` as the first post', () => {
  const STATUS = readFileSync('test/fixtures/evidence/models-status/ref-b-env-only.txt', 'utf8');

  it('asks what fails, then diagnoses the error the user pastes', () => {
    const [first, second] = replay([user(STATUS), user(`run error: ${ERROR}`)]);
    expect(first!.reply).toMatch(/^\*\*What fails, and what exactly does it say\?/);
    expect(first!.reply).not.toMatch(/human helper/);
    expect(second!.branch).toBe('api_key_invalid');
  });

  it('asks a question again without calling the user\'s words "the same output"', () => {
    const [nudge] = askNudges({ askId: 'failure_text', command: null, text: 'What fails, and what exactly does it say?' }, false);
    expect(nudge!.markdown).toBe("I couldn't read an answer to this in your message, so I still need it: What fails, and what exactly does it say?");
  });
});
