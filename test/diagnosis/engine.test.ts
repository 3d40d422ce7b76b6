import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/diagnosis/engine.ts';
import { versionAtLeast } from '../../src/diagnosis/commands.ts';
import { renderMessage } from '../../src/reply/reason.ts';
import type { FactOf } from '../../src/evidence/facts.ts';
import { error, footer, line, masked, profile, said, status, version, viewOf, x401 } from './facts.ts';

const apiKey = (mask = 'sk-ant-a...Qx7Lm2Ab') => profile('anthropic:default', 'api_key', masked(mask));
const seed001TwoProfiles = () =>
  status([line('anthropic', [apiKey('sk-ant-a..._HeoVAAA'), profile('anthropic:manual', 'token', masked('sk-ant-a..._HeoVAAA'))])]);

describe('diagnose: seed 001 outcomes at the fact level', () => {
  it('401 + TUI footer only → needs_evidence, asking `!openclaw models status`', () => {
    const d = diagnose(viewOf([x401(), footer()]));
    expect(d.status).toBe('needs_evidence');
    expect(d.ask?.ask.id).toBe('models_status');
    expect(d.nextCommand).toBe('!openclaw models status');
  });

  it('an API key in a token profile beats the profile order conflict and pins the api_key profile', () => {
    const d = diagnose(viewOf([seed001TwoProfiles()]));
    expect(d.branch).toBe('api_key_in_token_profile');
    expect(d.nextCommand).toBe('openclaw models auth order set --provider anthropic anthropic:default');
  });

  it('once the order pins the api_key profile, the same 401 means the key itself is invalid', () => {
    const order: FactOf<'auth_order'> = { kind: 'auth_order', source: { messageId: 'm1', lineStart: 0, lineEnd: 3 }, confidence: 1, provider: 'anthropic', stateFile: false, order: ['anthropic:default'] };
    const d = diagnose(viewOf([seed001TwoProfiles()], [order], [x401(), footer()]));
    expect(d.branch).toBe('api_key_invalid');
    expect(d.candidates.find((c) => c.id === 'api_key_in_token_profile')?.status).toBe('ruled_out');
  });

  it('"i deleted some spaces" beats the generic invalid-key reading', () => {
    const d = diagnose(viewOf([status([line('anthropic', [apiKey()])]), x401()], [said('edited_key', 'i deleted some spaces to shorten it')]));
    expect(d.branch).toBe('api_key_altered');
    expect(d.candidates.find((c) => c.id === 'api_key_invalid')?.status).toBe('confirmed');
  });

  it('the credit-balance line beats the 401 reading of the same thread', () => {
    const d = diagnose(viewOf([x401()], [error('credit_balance_low', { wrapper: 'llm_rejected', message: 'Your credit balance is too low to access the Anthropic API.' })]));
    expect(d.branch).toBe('credit_balance_low');
    expect(d.nextCommand).toBeNull();
  });

  it('"dms are not working" alone is pairing; with a 401 as the DM\'s reply it is not', () => {
    expect(diagnose(viewOf([said('dm_not_working', 'dms are not working')])).branch).toBe('discord_dm_pairing');
    const d = diagnose(viewOf([said('dm_not_working', 'dms are not working'), x401({ wrapper: 'http_colon', requestId: { form: 'raw', value: 'req_011CZ74WBjtboJP7FKPaWTg3' } })]));
    expect(d.branch).not.toBe('discord_dm_pairing');
    expect(d.candidates.find((c) => c.id === 'discord_dm_pairing')?.status).toBe('ruled_out');
  });
});

describe('diagnose: status, precedence and memory', () => {
  it('nothing auth-related → not_auth', () => {
    expect(diagnose(viewOf([said('thanks', 'thanks!')])).status).toBe('not_auth');
    expect(diagnose(viewOf([])).status).toBe('not_auth');
  });

  it('the usage probe line beats setup_token_rejected', () => {
    const d = diagnose(viewOf([error('invalid_bearer_token', { wrapper: 'usage', httpStatus: 401, provider: 'anthropic' })]));
    expect(d.branch).toBe('usage_probe_unsupported');
    expect(d.step?.kind).toBe('none');
  });

  it('default_model_without_auth beats no_credentials', () => {
    const s = status([line('minimax', [profile('minimax:default', 'api_key', masked('sk-api-A...x9Y8z7W6'))])], {
      defaultModel: 'anthropic/claude-opus-4-6',
      missingAuth: [{ provider: 'anthropic' }],
    });
    const d = diagnose(viewOf([s]));
    expect(d.branch).toBe('default_model_without_auth');
    expect(d.candidates.find((c) => c.id === 'no_credentials')?.status).toBe('confirmed');
  });

  it('a secret is a side warning, never the branch', () => {
    const secret = { kind: 'secret', source: { messageId: 'm0', lineStart: 0, lineEnd: 0 }, confidence: 1, credentialType: 'anthropic_api_key', masked: 'sk-ant-api03-…AbCd' } as const;
    const d = diagnose(viewOf([secret, x401()]));
    expect(d.sideWarnings).toEqual(['secret_in_message']);
    expect(d.candidates.some((c) => c.id === 'secret_in_message')).toBe(false);
  });

  it('a step the thread saw fail goes after the other confirmed branches', () => {
    const older = status([line('anthropic', [apiKey('API sk-a..._HeoVAAA')])]);
    const view = viewOf([older], [seed001TwoProfiles(), x401()]);
    const first = diagnose(view);
    expect(first.branch).toBe('api_key_in_token_profile');
    const failed = diagnose({ ...view, failed: [{ branch: 'api_key_in_token_profile', command: first.nextCommand! }] });
    expect(failed.branch).toBe('profile_order_conflict');
    expect(failed.candidates[0]?.id).toBe('profile_order_conflict');
  });

  it('no_credentials with an unknown account type asks that one question first', () => {
    const d = diagnose(viewOf([status([], { missingAuth: [{ provider: 'anthropic' }] })]));
    expect(d.status).toBe('diagnosed');
    expect(d.ask?.ask.id).toBe('account_type');
    // The question comes first; the command after it is the step's (onboard serves both answers).
    expect(d.nextCommand).toBe('openclaw onboard');
    const sub = diagnose(viewOf([status([], { missingAuth: [{ provider: 'anthropic' }] })], [said('subscription', 'I have Claude Max')]));
    expect(sub.nextCommand).toBe('claude setup-token');
  });

  it('other providers keep their own id in commands', () => {
    const d = diagnose(viewOf([error('oauth_refresh_failed', { provider: 'openai-codex', message: 'OAuth token refresh failed for openai-codex' })]));
    expect(d.branch).toBe('oauth_refresh_failed');
    expect(d.step?.kind === 'command' && d.step.then).toContain('openclaw models auth login --provider openai-codex');
  });

  it('a rule that throws is treated as silent, never crashing the diagnosis', () => {
    const broken = { kind: 'models_status', providers: null } as never;
    expect(() => diagnose(viewOf([broken, x401()]))).not.toThrow();
  });
});

describe('placeholders and versions', () => {
  it('fills the agent id from the error path, and says where to find it when unknown', () => {
    const known = diagnose(viewOf([error('no_api_key', { provider: 'anthropic', agentId: 'ops' })]));
    expect(known.nextCommand).toBe('openclaw models status --agent ops');
    const unknown = diagnose(viewOf([x401({ wrapper: 'raw_json' }), said('cron_job', 'my cron job fails')]));
    expect(unknown.status).toBe('needs_evidence');
    expect(unknown.nextCommand).toBe('openclaw models status --agent <id>');
  });

  it('renews a Claude CLI login with `claude auth login` only from 2026.3.26 on', () => {
    const oauthExpired = (v: string | null) =>
      viewOf([
        ...(v ? [version(v)] : []),
        status([line('anthropic', [profile('anthropic:claude-cli', 'oauth', { form: 'oauth' })])], {
          oauthStatus: [{ provider: 'anthropic', profiles: [{ profileId: 'anthropic:claude-cli', status: 'expired' }] }],
        }),
      ]);
    expect(diagnose(oauthExpired('2026.4.12')).nextCommand).toBe('claude auth login');
    expect(diagnose(oauthExpired('2026.3.13')).nextCommand).toBe('claude setup-token');
    expect(diagnose(oauthExpired(null)).nextCommand).toBe('claude setup-token');
  });

  it('names the file holding the auth order for the version (auth-state.json from ≈2026.4.7)', () => {
    const stale = error('no_credentials_for_profile', { profileId: 'anthropic:default', message: 'No credentials found for profile "anthropic:default".' });
    const why = (v: string | null) => {
      const step = diagnose(viewOf([...(v ? [version(v)] : []), stale])).step;
      return step?.kind === 'command' ? renderMessage(step.why) : '';
    };
    expect(why('2026.4.12')).toContain('`auth-state.json`');
    expect(why('2026.3.13')).toContain('`auth-profiles.json`');
    // Version unknown: catalog v2's step valid on every version is `order set` (branches.md).
    expect(why(null)).toContain('explicit order');
  });

  it('compares versions numerically, unknown counting as the baseline', () => {
    expect(versionAtLeast('2026.4.12-beta.1', '2026.4.7')).toBe(true);
    expect(versionAtLeast('2026.3.9', '2026.3.26')).toBe(false);
    expect(versionAtLeast(null, '2026.3.26')).toBe(false);
    expect(versionAtLeast('garbage', '2026.3.26')).toBe(false);
  });

  it('gives the TUI form only inside the TUI and only for commands that run there', () => {
    const inTui = diagnose(viewOf([footer(), error('extra_usage_required', { httpStatus: 429 }), version('2026.6.11')]));
    expect(inTui.nextCommand).toBe('!openclaw config get agents.defaults.models');
    const banner = diagnose(viewOf([footer(), x401()], [version('2026.3.13', 'banner'), seed001TwoProfiles()]));
    expect(banner.nextCommand).toBe('openclaw models auth order set --provider anthropic anthropic:default');
    const wizard = diagnose(viewOf([footer(), error('claude_code_only')]));
    expect(wizard.nextCommand).toBe('openclaw onboard');
  });
});
