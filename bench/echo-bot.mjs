// The floor of the end-to-end bench: a do-nothing discord.js bot on the same harness as Pincer
// (child process, plain JavaScript, same client options and intents) that replies "echo" to every
// user message. Pincer's figures are reported as ratios to this one.
// Env: FAKE_DISCORD_URL, FAKE_DISCORD_GLOBAL_RPS.
import { Client, Events, GatewayIntentBits as I, Partials } from 'discord.js';
import { answerMemoryRequests, benchClientOptions } from './child-options.mjs';

const client = new Client({
  intents: [I.Guilds, I.GuildMessages, I.MessageContent, I.DirectMessages],
  partials: [Partials.Channel, Partials.Message],
  allowedMentions: { parse: [] },
  ...benchClientOptions(),
});
client.on(Events.MessageCreate, (m) => {
  if (m.author.bot) return;
  m.reply({ content: 'echo' }).catch((err) => process.stderr.write(`${JSON.stringify({ msg: 'reply failed', err: String(err) })}\n`));
});
client.once(Events.ClientReady, () => process.stderr.write(`${JSON.stringify({ msg: 'catch-up done' })}\n`));
answerMemoryRequests();
process.once('SIGTERM', () => void client.destroy().finally(() => process.exit(0)));
await client.login('fake-bot-token.echo');
