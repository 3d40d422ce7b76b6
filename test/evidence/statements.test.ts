import { describe, expect, it } from 'vitest';
import { extractEvidence } from '../../src/evidence/index.ts';

const topics = (text: string): string[] =>
  extractEvidence(text, 'm').facts.flatMap((f) => (f.kind === 'statement' ? [f.value ? `${f.topic}=${f.value}` : f.topic] : []));

describe('statements', () => {
  it('reads what the seed-001 user said, and only that', () => {
    expect(topics('i deleted some spaces to shorten it, to fit')).toEqual(['edited_key']);
    expect(topics('locally')).toEqual(['gateway_local']);
    expect(topics('yes it contains api')).toEqual(['key_prefix=sk-ant-api', 'answer_yes']);
    expect(topics('i have the first')).toEqual(['answer_first']);
    expect(topics('I purchased credits, and it still says that')).toEqual(['bought_credits', 'still_failing']);
    expect(topics('its working now, but I need help configuring it to discord')).toEqual(['works_now', 'asks_other_setup']);
    expect(topics('I want to put the key again, what do i run?')).toEqual(['asks_rekey']);
    expect(topics('should i type the request id?')).toEqual(['asks_request_id']);
    expect(topics('dms are not working')).toEqual(['dm_not_working']);
    expect(topics('what do I do next?')).toEqual(['asks_what_next']);
    expect(topics('after running what you said and typing in the api key it output:')).toEqual(['reonboarded']);
    expect(topics('im on macOS')).toEqual(['os=macos']);
  });

  it('reads where the key is kept, asked either way round', () => {
    expect(topics('where does openclaw store the api key?')).toContain('asks_key_location');
    expect(topics('where is my key stored?')).toContain('asks_key_location');
  });

  it('reads an upgrade said with the bare verb only with a version or `latest`', () => {
    expect(topics('Upgraded to 2026.8.2 yesterday, now nothing answers.')).toContain('upgraded=2026.8.2');
    expect(topics('I updated openclaw to the latest and my profiles are gone')).toContain('upgraded');
    expect(topics('After upgrading to 2026.6.11 it fails')).toContain('upgraded=2026.6.11');
    expect(topics('I updated to the new key from the console')).not.toContain('upgraded');
  });

  it('reads an edited key in other words, and a replaced key as no edit', () => {
    expect(topics('I shortened the key to fit.')).toEqual(['edited_key']);
    expect(topics('I typed the key by hand from my phone')).toContain('edited_key');
    expect(topics('I trimmed my api key')).toEqual(['edited_key']);
    expect(topics('I changed the key to a new one')).toEqual([]);
  });

  it('"works in the terminal but not in Discord", however it is put', () => {
    expect(topics('it works in the terminal but not from discord')).toContain('works_elsewhere');
    expect(topics('In the terminal openclaw works but in Discord I get an error')).toContain('works_elsewhere');
    expect(topics('works from the cli but in telegram it fails')).toContain('works_elsewhere');
    expect(topics('the terminal is fine and so is discord')).not.toContain('works_elsewhere');
  });

  it('stays silent where the words do not clearly say it', () => {
    expect(topics('I put the key in the config file')).toEqual([]);
    expect(topics('the request id was req_011CZ')).toEqual([]);
    expect(topics('local shell: enabled for this session')).toEqual([]);
    expect(topics('Nothing changed')).toEqual([]);
    // "works with curl" is read by the prose parser: the key may be fine and another one sent.
    expect(topics('the key is valid, I checked it with curl')).toEqual(['key_works_elsewhere']);
  });

  it('names a key prefix only when the text names it', () => {
    // The prefix also names the provider (read by the prose parser, error-prose.ts).
    expect(topics('it starts with sk-ant-api03-')).toEqual(['provider_named=anthropic', 'key_prefix=sk-ant-api03']);
    expect(topics('my key starts with sk-or-')).toEqual(['provider_named=openrouter', 'key_prefix=sk-or']);
    expect(topics('I checked the start of the key')).toEqual([]);
  });

  it('reads what the user says they did on the line that quotes the error', () => {
    expect(topics('I shortened the key to fit and now I get HTTP 401 authentication_error: invalid x-api-key')).toEqual(['edited_key']);
    expect(topics('I bought credits but still get: Your credit balance is too low to access the Anthropic API')).toContain('bought_credits');
  });

  it('does not read TUI output or error lines as statements', () => {
    expect(topics('[local] No credentials found for profile "anthropic:default".')).toEqual([]);
    expect(topics('No API key found for provider "anthropic".')).toEqual([]);
  });
});
