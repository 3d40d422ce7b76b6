// `pincer start` with a token: runBot resolves with the exit code the process should end with.
import { EventEmitter } from 'node:events';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDiscordConfig } from '../../../src/config/discord.ts';
import { runBot } from '../../../src/discord/run.ts';
import { eventually } from '../../fake-discord/eventually.ts';
import { loopbackOnlyAgent } from '../../fake-discord/guard.ts';
import { FakeDiscord } from '../../fake-discord/index.ts';
import { RecordingPipeline } from '../recording-pipeline.ts';

let fake: FakeDiscord;
afterEach(async () => fake?.stop());

async function run(signals: EventEmitter, onStop: () => void) {
  fake = await FakeDiscord.start();
  const base = fake.clientOptions();
  const config = parseDiscordConfig({
    DISCORD_TOKEN: 'fake-token.for-tests.only',
    DISCORD_APPLICATION_ID: fake.state.applicationId,
    PINCER_HELP_FORUM_IDS: fake.state.forum.id,
  });
  return runBot({
    config,
    pipeline: new RecordingPipeline(),
    logger: pino({ level: 'silent' }),
    clientOptions: { ...base, rest: { ...base.rest, agent: loopbackOnlyAgent() } },
    signals,
    onStop,
  });
}

describe('runBot', () => {
  it('resolves 0 after SIGTERM, having closed the database', async () => {
    const signals = new EventEmitter();
    let closed = false;
    const exit = run(signals, () => void (closed = true));
    await eventually(() => signals.listenerCount('SIGTERM') === 1);
    signals.emit('SIGTERM', 'SIGTERM');
    expect(await exit).toBe(0);
    expect(closed).toBe(true);
    expect(signals.listenerCount('SIGTERM')).toBe(0);
  });

  it('resolves 1 when Discord closes the gateway with 4014 (Message Content intent off)', async () => {
    const signals = new EventEmitter();
    const exit = run(signals, () => undefined);
    await eventually(() => signals.listenerCount('SIGTERM') === 1);
    fake.gateway.closeAll(4014);
    expect(await exit).toBe(1);
  });
});
