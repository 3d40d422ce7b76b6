/**
 * Child-process entry for the end-to-end tests and the bench: exactly `pincer start` with
 * DISCORD_TOKEN set (runDiscordBot: env validated by the same zod schemas, the SQLite file in
 * PINCER_DB, pino JSON logs on stderr, exit 1 on a fatal gateway close, 0 after SIGTERM), except
 * that the discord.js client points at the fake Discord (FAKE_DISCORD_URL) through the
 * loopback-only agent.
 */
import { runDiscordBot } from '../../../src/cli/bot.ts';
import { answerMemoryRequests, childClientOptions } from './child-client.ts';

answerMemoryRequests();
process.exitCode = await runDiscordBot(process.env, { clientOptions: childClientOptions() });
process.exit();
