/** `.env.example`: what an operator copies to `.env`. */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEnv, CoreEnv } from '../../src/config/env.ts';
import { DiscordEnv } from '../../src/config/discord.ts';
import { ROOT, runCli, tempDir } from '../cli/run-cli.ts';

const example = readFileSync(join(ROOT, '.env.example'), 'utf8');
const header = example.slice(0, example.indexOf('# --- core'));
const TMP = tempDir('env-example');

describe('.env.example', () => {
  it('its header names every variable the bot requires', () => {
    const checked = checkEnv(DiscordEnv, {});
    const required = checked.ok ? [] : checked.lines.map((l) => l.split(' ')[0]!);
    expect(required).toEqual(expect.arrayContaining(['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID', 'PINCER_HELP_FORUM_IDS']));
    for (const name of required) expect(header).toContain(name);
    expect(header).toMatch(/PINCER_HELPER_CHANNEL_ID\s+hand-overs/); // and where hand-overs go when it is blank
  });

  it('lists every variable Pincer reads', () => {
    for (const name of [...Object.keys(CoreEnv.shape), ...Object.keys(DiscordEnv.shape)].filter((n) => n !== 'PINCER_CDN_BASE_URL')) {
      expect(example).toMatch(new RegExp(`^${name}=`, 'm'));
    }
  });

  it('copied to .env as it is, starts the terminal thread', () => {
    const dir = join(TMP, 'app');
    mkdirSync(dir);
    copyFileSync(join(ROOT, '.env.example'), join(dir, '.env'));
    const run = runCli(['start'], { cwd: dir, input: 'run error: HTTP 401 authentication_error: invalid x-api-key\n' });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(`settings: ${join(dir, '.env')}`);
    expect(run.stdout).toContain('Pincer ▸');
  });
});
