// A bare discord.js client against the fake: slash commands, context menus, buttons, modals.
import { once } from 'node:events';
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  ContextMenuCommandBuilder,
  MessageFlags,
  ModalBuilder,
  SlashCommandBuilder,
  TextInputBuilder,
  TextInputStyle,
  ApplicationCommandType,
  type Client,
  type Interaction,
  type Message,
} from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBareClient, stopClient } from '../fake-discord/bare-client.ts';
import { eventually } from '../fake-discord/eventually.ts';
import { FakeDiscord } from '../fake-discord/index.ts';

let fake: FakeDiscord;
let client: Client;

beforeEach(async () => {
  fake = await FakeDiscord.start();
  client = await startBareClient(fake);
});
afterEach(async () => {
  await stopClient(client);
  await fake.stop();
});

const nextInteraction = () => once(client, 'interactionCreate').then(([i]) => i as Interaction);

describe('interactions through the fake', () => {
  it('registers commands and echoes their ids', async () => {
    const set = await client.application!.commands.set([
      new SlashCommandBuilder().setName('diagnose').setDescription('Diagnose a paste').toJSON(),
      new ContextMenuCommandBuilder().setName('Diagnose with Pincer').setType(ApplicationCommandType.Message).toJSON(),
    ]);
    expect([...set.values()].map((c) => c.name).sort()).toEqual(['Diagnose with Pincer', 'diagnose']);
    expect(fake.recorder.requests('PUT', `/applications/${fake.state.applicationId}/commands`)).toHaveLength(1);
  });

  it('delivers a slash command and records an ephemeral reply', async () => {
    const alice = fake.state.addUser('alice');
    const got = nextInteraction();
    const rec = fake.act.slash(alice, 'diagnose', fake.state.generalChannel.id);
    const i = await got;
    expect(i.isChatInputCommand() && i.commandName).toBe('diagnose');
    if (i.isChatInputCommand()) await i.reply({ content: 'paste it', flags: MessageFlags.Ephemeral });
    expect(rec.callbacks).toEqual([{ type: 4, data: expect.objectContaining({ content: 'paste it', flags: 64 }) }]);
    expect(rec.original?.flags).toBe(64);
    expect(fake.state.history(fake.state.generalChannel.id)).toHaveLength(0);
  });

  it('runs /diagnose → modal → submit, the submit carrying the typed paste', async () => {
    const bob = fake.state.addUser('bob');
    const first = nextInteraction();
    const rec = fake.act.slash(bob, 'diagnose', fake.state.generalChannel.id);
    const i = await first;
    const modal = new ModalBuilder().setCustomId('diagnose-modal').setTitle('Diagnose').addComponents(
      new ActionRowBuilder<TextInputBuilder>().addComponents(
        new TextInputBuilder().setCustomId('paste').setLabel('Paste').setStyle(TextInputStyle.Paragraph),
      ),
    );
    if (i.isChatInputCommand()) await i.showModal(modal);
    expect(rec.modal?.custom_id).toBe('diagnose-modal');
    const second = nextInteraction();
    const submit = fake.act.submitModal(rec, { paste: 'HTTP 401 invalid x-api-key' });
    const s = await second;
    expect(s.isModalSubmit() && s.fields.getTextInputValue('paste')).toBe('HTTP 401 invalid x-api-key');
    if (s.isModalSubmit()) await s.reply({ content: 'ok', flags: MessageFlags.Ephemeral });
    expect(submit.callbacks[0]?.type).toBe(4);
  });

  it('delivers a message context menu with its target; defer + editReply edits @original', async () => {
    const carol = fake.state.addUser('carol');
    const dave = fake.state.addUser('dave');
    const { starter } = fake.act.forumPost(carol, 'help', 'No API key found for provider "anthropic"');
    const got = nextInteraction();
    const rec = fake.act.contextMenu(dave, 'Diagnose with Pincer', starter);
    const i = await got;
    if (!i.isMessageContextMenuCommand()) throw new Error('not a context menu');
    expect(i.targetMessage.content).toContain('No API key found');
    await i.deferReply({ flags: MessageFlags.Ephemeral });
    await i.editReply('Run `openclaw models status`');
    expect(fake.recorder.requests('PATCH', new RegExp(`/webhooks/${fake.state.applicationId}/[^/]+/messages/@original$`))).toHaveLength(1);
    expect(rec.original?.content).toBe('Run `openclaw models status`');
    expect(rec.original?.flags).toBe(64);
  });

  it('delivers a button click on the bot\'s message; update edits that message', async () => {
    const erin = fake.state.addUser('erin');
    const firstMsg = once(client, 'messageCreate') as Promise<[Message]>;
    fake.act.forumPost(erin, 'help', 'hi');
    const [msg] = await firstMsg;
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId('feedback:worked').setLabel('Worked').setStyle(ButtonStyle.Success),
    );
    const reply = await msg.reply({ content: 'try this', components: [row] });
    const posted = fake.state.channelMessages(msg.channelId).get(reply.id)!;
    const got = nextInteraction();
    const rec = fake.act.click(erin, posted, 'feedback:worked');
    const i = await got;
    expect(i.isButton() && i.customId).toBe('feedback:worked');
    if (i.isButton()) await i.update({ content: 'glad it worked', components: [] });
    expect(rec.callbacks[0]?.type).toBe(7);
    await eventually(() => expect(fake.state.channelMessages(msg.channelId).get(reply.id)?.content).toBe('glad it worked'));
  });

  it('answers a second callback on the same interaction with Discord\'s 40060', async () => {
    const gina = fake.state.addUser('gina');
    const got = nextInteraction();
    fake.act.slash(gina, 'diagnose', fake.state.generalChannel.id);
    const i = await got;
    if (!i.isChatInputCommand()) throw new Error('not a command');
    await i.reply({ content: 'one', flags: MessageFlags.Ephemeral });
    i.replied = false; // force discord.js to try again, as a buggy handler would
    await expect(i.reply({ content: 'two', flags: MessageFlags.Ephemeral })).rejects.toThrow(/already been acknowledged/);
  });
});
