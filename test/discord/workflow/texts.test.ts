import { describe, expect, it } from 'vitest';
import { authorWaitMinutes } from '../../../src/discord/commands/helper.ts';
import { helperAlertText } from '../../../src/discord/workflow/helper-alert.ts';
import { modLogLine, publicNote, rotationDm } from '../../../src/discord/workflow/leak-texts.ts';
import { mayActOnThread } from '../../../src/discord/workflow/roles.ts';
import type { ThreadState } from '../../../src/conversation/types.ts';
import type { DiscordConfig } from '../../../src/config/discord.ts';

const finding = { credentialType: 'anthropic_api_key', masked: 'sk-ant-api03-…Qx7L' };

describe('leaked-credential texts', () => {
  it('the public note names the type and says whether the message was removed, without the key', () => {
    expect(publicNote([finding], true, true)).toMatch(/anthropic api key.*I removed the message.*by DM/);
    expect(publicNote([finding], false, true)).toMatch(/could not remove the message, so I asked the helpers/);
    const dm = publicNote([finding], false, false);
    expect(dm).toMatch(/A bot cannot delete messages in DMs/);
    expect(dm).toContain('https://console.anthropic.com/settings/keys');
    for (const t of [publicNote([finding], true, true), publicNote([finding], false, true)]) expect(t).not.toContain('Qx7L');
  });

  it('the DM has rotation steps; the mod-log line has who, where and the type only', () => {
    expect(rotationDm([finding], 'https://discord.com/channels/1/2', true)).toMatch(/revoke it in the Anthropic Console[\s\S]*openclaw models status/);
    expect(modLogLine([finding], '42', 'https://discord.com/channels/1/2', true)).toBe(
      'Credential removed: anthropic api key posted by <@42> (42) in https://discord.com/channels/1/2.',
    );
  });
});

describe('helper alert', () => {
  it('has the link, reason, branch, evidence and what was tried, under 2000 characters', () => {
    const text = helperAlertText({
      link: 'https://discord.com/channels/1/2',
      authorId: '42',
      summary: { reason: 'didnt_work', branch: 'api_key_invalid', evidence: ['error: HTTP 401 authentication_error (anthropic)'], tried: ['`openclaw onboard` (api_key_invalid): failed'] },
    });
    expect(text).toContain('https://discord.com/channels/1/2');
    expect(text).toContain("pressed **Didn't work**");
    expect(text).toContain('`api_key_invalid`');
    expect(text).toContain('- error: HTTP 401 authentication_error (anthropic)');
    expect(text).toContain('- `openclaw onboard` (api_key_invalid): failed');
    const long = helperAlertText({ link: 'x', authorId: '1', summary: { reason: 'requested', branch: null, evidence: Array(80).fill('e'.repeat(150)), tried: Array(80).fill('t'.repeat(150)) } });
    expect(long.length).toBeLessThanOrEqual(2000);
    expect(long).toMatch(/… \d+ more/);
  });
});

describe('who may act', () => {
  const config = { helperRoleIds: ['h'], moderatorRoleIds: ['m'] } as DiscordConfig;
  it('the author or a helper/moderator role; nobody else', () => {
    expect(mayActOnThread(config, 'alice', [], 'alice')).toBe(true);
    expect(mayActOnThread(config, 'bob', ['h'], 'alice')).toBe(true);
    expect(mayActOnThread(config, 'bob', ['m'], 'alice')).toBe(true);
    expect(mayActOnThread(config, 'bob', ['other'], 'alice')).toBe(false);
    expect(mayActOnThread(config, 'bob', [], null)).toBe(false);
  });

  it('an author may call /helper only the configured time after Pincer’s last reply', () => {
    const state = { replies: [{ at: 1_000_000, deleted: false }] } as unknown as ThreadState;
    expect(authorWaitMinutes(state, 1_000_000 + 5 * 60_000, 30)).toBe(25);
    expect(authorWaitMinutes(state, 1_000_000 + 30 * 60_000, 30)).toBe(0);
    expect(authorWaitMinutes(null, 0, 30)).toBe(0);
  });
});
