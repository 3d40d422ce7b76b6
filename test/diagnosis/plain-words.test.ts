/**
 * A model-auth failure told in plain words, the way people first post it, is never handed over as
 * off-topic: it gets a diagnosis or the one ask that decides. Words about something else stay off-topic.
 */
import { describe, expect, it } from 'vitest';
import { loadStages, runThread } from './pipeline.ts';

const stages = await loadStages();
const diagnose = (text: string) => runThread(text, stages).diagnosis;

describe('a failure said in plain words', () => {
  it.each([
    'openclaw keeps saying no api key found for anthropic',
    'I get 401 from claude every time',
    'Credit balance too low but I just added $20',
    "I'm getting rate limited constantly",
    'claude subscription not working with openclaw anymore',
    'Anthropic says my organization has been disabled',
    'I keep getting "All models failed"',
  ])('"%s" asks for `openclaw models status`', (text) => {
    const d = diagnose(text);
    expect(d.status).toBe('needs_evidence');
    expect(d.nextCommand).toBe('openclaw models status');
  });

  it.each([
    "The gateway can't see my ANTHROPIC_API_KEY, it works in my shell",
    'I set ANTHROPIC_API_KEY in my .bashrc but the systemd service says no api key found',
    'I put the key in ~/.zshrc and restarted the launchd service, still 401',
  ])('"%s" is the service environment', (text) => {
    expect(diagnose(text).branch).toBe('env_not_visible_to_service');
  });

  it('"openclaw doesnt reply in discord dms" is DM pairing', () => {
    expect(diagnose('openclaw doesnt reply in discord dms').branch).toBe('discord_dm_pairing');
  });

  it.each(['the weather plugin says city not found', 'I get 200 OK now from the proxy', 'my disk space is too low to install'])(
    '"%s" stays off-topic',
    (text) => {
      expect(diagnose(text).status).toBe('not_auth');
    },
  );
});
