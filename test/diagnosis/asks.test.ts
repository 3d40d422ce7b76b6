import { describe, expect, it } from 'vitest';
import { chooseAsk, worstCase } from '../../src/diagnosis/ask-choice.ts';
import { ASKS } from '../../src/diagnosis/asks.ts';
import type { BranchId } from '../../src/diagnosis/catalog.ts';
import { footer, line, masked, profile, said, status, viewOf, x401 } from './facts.ts';

const X401: BranchId[] = [
  'api_key_invalid', 'api_key_altered', 'oauth_token_in_api_key_profile', 'api_key_in_token_profile',
  'profile_order_conflict', 'wrong_host', 'key_provider_mismatch',
];

describe('chooseAsk: fewest candidates in the worst case, then cheapest, then doable where the user is', () => {
  const empty = viewOf([]);
  const table: [string, BranchId[], string | null][] = [
    ['invalid x-api-key, nothing else known', X401, 'models_status'],
    ['a cron job: bad key or an agent without the key', [...X401, 'agent_auth_missing'], 'models_status_agent'],
    ['only the host is open', ['api_key_invalid', 'wrong_host'], 'gateway_location'],
    ['subscription token vs console key', ['setup_token_rejected', 'api_key_invalid'], 'account_type'],
    ['oat token vs another provider\'s key', ['oauth_token_in_api_key_profile', 'key_provider_mismatch'], 'key_prefix'],
    ['a stored order vs a session pin', ['stale_order_override', 'session_profile_pinned'], 'auth_order_get'],
    ['Discord: intents, token or pairing', ['discord_intents_missing', 'discord_token_missing', 'discord_dm_pairing'], 'channels_status_probe'],
    ['Discord: pairing alone', ['discord_dm_pairing'], 'pairing_list'],
    ['a proxy base URL alone', ['custom_base_url'], 'config_base_url'],
    ['nothing open', [], null],
  ];
  it.each(table)('%s', (_name, possible, expected) => {
    expect(chooseAsk(possible, empty)?.id ?? null).toBe(expected);
  });

  it('never asks what the thread already holds', () => {
    const withStatus = viewOf([status([line('anthropic', [profile('anthropic:default', 'api_key', masked('sk-ant-a...Qx7Lm2Ab'))])]), x401()]);
    expect(chooseAsk(X401, withStatus)?.id).not.toBe('models_status');
    const local = viewOf([x401()], [said('gateway_local', 'locally')]);
    expect(chooseAsk(['api_key_invalid', 'wrong_host'], local)?.id).not.toBe('gateway_location');
  });

  it('prefers the cheaper ask when two leave as few candidates', () => {
    const both: BranchId[] = ['oauth_token_in_api_key_profile', 'key_provider_mismatch'];
    const status = ASKS.find((a) => a.id === 'models_status')!;
    const prefix = ASKS.find((a) => a.id === 'key_prefix')!;
    expect(worstCase(status, both)).toBe(worstCase(prefix, both));
    expect(chooseAsk(both, viewOf([]))?.id).toBe('key_prefix');
  });

  it('inside a TUI talking to a remote gateway, a question beats a command for the gateway host', () => {
    const remote = viewOf([
      { kind: 'tui_header', source: { messageId: 'm0', lineStart: 0, lineEnd: 0 }, confidence: 1, gatewayUrl: 'ws://203.0.113.7:18789', remote: true },
      footer(),
      x401(),
    ]);
    expect(chooseAsk(['setup_token_rejected', 'api_key_invalid'], remote)?.id).toBe('account_type');
  });
});
