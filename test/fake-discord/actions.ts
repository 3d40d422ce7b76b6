/**
 * What people do in the fake guild, as the gateway delivers it: open a forum post, write, edit
 * and delete messages (with text attachments served by the fake), DM the bot, run a slash
 * command or a message context menu, click a button, submit the modal the bot showed.
 * Every interaction returns its InteractionRecord, which fills in as the bot answers.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ChannelType,
  GatewayDispatchEvents as E,
  type APIApplicationCommandInteractionDataOption,
  type APIAttachment,
  type APIChannel,
  type APIMessage,
  type APIModalSubmissionComponent,
  type APIThreadChannel,
  type APIUser,
} from 'discord-api-types/v10';
import { thread as threadPayload } from './builders/guild.ts';
import * as ib from './builders/interaction.ts';
import type { FakeContext } from './context.ts';
import { snowflake, token } from './ids.ts';
import type { InteractionRecord } from './interaction-log.ts';
import { deleteMessage, editMessage, gatewayMessage, postMessage, storeAttachment } from './messages.ts';
import { dmChannelFor } from './routes/misc.ts';

/** A file a user attaches: text (UTF-8) or raw bytes. Long pastes arrive as `message.txt`. */
export interface FileSpec {
  name: string;
  text?: string;
  bytes?: Uint8Array;
  contentType?: string;
}

export interface SayOptions {
  files?: FileSpec[];
  /** Store only, no gateway event: the message was posted while the bot was away. */
  silent?: boolean;
  /** The message @mentions the bot. */
  mentionBot?: boolean;
  replyTo?: string;
}

export class Actions {
  private readonly ctx: FakeContext;

  constructor(ctx: FakeContext) {
    this.ctx = ctx;
  }

  private files(channelId: string, files: FileSpec[] = []): APIAttachment[] {
    return files.map((f) =>
      storeAttachment(this.ctx, channelId, f.name, f.bytes ?? new TextEncoder().encode(f.text ?? ''), f.contentType),
    );
  }

  /**
   * Opens a forum post: THREAD_CREATE (newly created, with `guild_id`, `parent_id`, tags), then the
   * starter MESSAGE_CREATE (id = thread id). `order: 'message-first'` sends them the other way
   * round, which discord.js drops silently (§4) — the bot must recover through `threadCreate`.
   */
  forumPost(author: APIUser, title: string, content: string, o: SayOptions & { tags?: string[]; order?: 'thread-first' | 'message-first'; forumId?: string } = {}): { thread: APIThreadChannel; starter: APIMessage } {
    const s = this.ctx.state;
    const id = snowflake();
    const thread = threadPayload({ id, guildId: s.guildId, parentId: o.forumId ?? s.forum.id, ownerId: author.id, name: title, appliedTags: o.tags, createdAt: new Date().toISOString() });
    s.channels.set(id, thread);
    const sendThread = () => !o.silent && this.ctx.gateway.dispatch(E.ThreadCreate, { ...thread, newly_created: true });
    if (o.order !== 'message-first') sendThread();
    const starter = this.say(id, author, content, { ...o, id } as SayOptions);
    if (o.order === 'message-first') sendThread();
    return { thread, starter };
  }

  /** `author` writes `content` in a channel or thread. */
  say(channelId: string, author: APIUser, content: string, o: SayOptions = {}): APIMessage {
    const mentions = o.mentionBot ? [this.ctx.state.bot] : [];
    const text = o.mentionBot ? `<@${this.ctx.state.bot.id}> ${content}` : content;
    return postMessage(this.ctx, {
      id: (o as { id?: string }).id,
      channelId,
      author,
      content: text,
      attachments: this.files(channelId, o.files),
      mentions,
      replyTo: o.replyTo,
      silent: o.silent,
    });
  }

  /** `author` writes to the bot in DMs (the DM channel is created on first use). */
  dm(author: APIUser, content: string, o: SayOptions = {}): APIMessage {
    return this.say(dmChannelFor(this.ctx, author.id).id, author, content, o);
  }

  /** The author edits a message: MESSAGE_UPDATE with the full new message. */
  edit(message: APIMessage, content: string, o: { files?: FileSpec[] } = {}): APIMessage {
    const patch: Partial<APIMessage> = { content };
    if (o.files) patch.attachments = this.files(message.channel_id, o.files);
    return editMessage(this.ctx, message.channel_id, message.id, patch)!;
  }

  /** Delivers a stored message's MESSAGE_CREATE again (Discord may; a restarted bot may see it anew). */
  redeliver(message: APIMessage): void {
    const current = this.ctx.state.channelMessages(message.channel_id).get(message.id) ?? message;
    this.ctx.gateway.dispatch(E.MessageCreate, gatewayMessage(this.ctx, current));
  }

  /** `user` adds `emoji` (a unicode emoji) to `message`: MESSAGE_REACTION_ADD (Answer Overflow's ✅). */
  react(user: APIUser, message: APIMessage, emoji: string): void {
    const s = this.ctx.state;
    const channel = s.channel(message.channel_id);
    const guildId = channel && 'guild_id' in channel ? channel.guild_id : undefined;
    this.ctx.gateway.dispatch(E.MessageReactionAdd, {
      type: 0,
      user_id: user.id,
      channel_id: message.channel_id,
      message_id: message.id,
      ...(guildId ? { guild_id: guildId, member: s.members.get(user.id) } : {}),
      emoji: { id: null, name: emoji },
      burst: false,
      burst_colors: [],
      message_author_id: message.author.id,
    });
  }

  remove(message: APIMessage): void {
    deleteMessage(this.ctx, message.channel_id, message.id);
  }

  private where(user: APIUser, channelId: string): ib.InteractionWhere {
    const s = this.ctx.state;
    const channel = s.channel(channelId) as APIChannel;
    if (channel.type === ChannelType.DM) return { user, channel };
    return { guildId: s.guildId, member: s.members.get(user.id)!, channel };
  }

  private deliver(payload: Parameters<FakeContext['interactions']['add']>[0]): InteractionRecord {
    const rec = this.ctx.interactions.add(payload);
    this.ctx.gateway.dispatch(E.InteractionCreate, payload);
    return rec;
  }

  private base(user: APIUser, channelId: string): ib.InteractionBase {
    return { id: snowflake(), token: token(32), applicationId: this.ctx.state.applicationId, where: this.where(user, channelId) };
  }

  private commandId(name: string, type: ApplicationCommandType): string {
    return [...this.ctx.state.commands.values()].find((c) => c.name === name && c.type === type)?.id ?? snowflake();
  }

  /**
   * `/name` by `user` in `channelId` (a DM channel id for DMs; see `dmChannelId`). `files` become
   * attachment options (type 11) with `data.resolved.attachments`.
   */
  slash(user: APIUser, name: string, channelId: string, o: { options?: APIApplicationCommandInteractionDataOption[]; files?: Record<string, FileSpec> } = {}): InteractionRecord {
    const files = Object.entries(o.files ?? {}).map(([opt, f]) => [opt, this.files(channelId, [f])[0]!] as const);
    const options = [...(o.options ?? []), ...files.map(([opt, a]) => ({ name: opt, type: ApplicationCommandOptionType.Attachment as const, value: a.id }))];
    const command = { id: this.commandId(name, ApplicationCommandType.ChatInput), name, options, attachments: files.map(([, a]) => a) };
    return this.deliver(ib.chatInput(this.base(user, channelId), command));
  }

  /** A message context menu command ("Apps → name") by `user` on `target`. */
  contextMenu(user: APIUser, name: string, target: APIMessage): InteractionRecord {
    const command = { id: this.commandId(name, ApplicationCommandType.Message), name };
    return this.deliver(ib.messageContextMenu(this.base(user, target.channel_id), command, target));
  }

  /** `user` clicks the button `customId` on `message` (the fake's current copy of it is sent). */
  click(user: APIUser, message: APIMessage, customId: string): InteractionRecord {
    const current = this.ctx.state.channelMessages(message.channel_id).get(message.id) ?? message;
    return this.deliver(ib.buttonClick(this.base(user, message.channel_id), customId, current));
  }

  /**
   * Submits the modal the bot showed on `shownBy`, filling text inputs by custom id. Throws when
   * the bot showed no modal (a test failure worth seeing) or a field does not exist.
   */
  submitModal(shownBy: InteractionRecord, values: Record<string, string>, user?: APIUser): InteractionRecord {
    const modal = shownBy.modal;
    if (!modal) throw new Error('the bot showed no modal on this interaction');
    const p = shownBy.payload;
    const who = user ?? p.member?.user ?? p.user!;
    const used = new Set<string>();
    const fill = (c: any): any => {
      if (c.custom_id === undefined) return { type: c.type, id: c.id };
      used.add(c.custom_id);
      return { type: c.type, id: c.id, custom_id: c.custom_id, value: values[c.custom_id] ?? '' };
    };
    const components = modal.components.map((row: any): APIModalSubmissionComponent => {
      if (row.components) return { type: row.type, id: row.id, components: row.components.map(fill) };
      if (row.component) return { type: row.type, id: row.id, component: fill(row.component) };
      return { type: row.type, id: row.id };
    });
    for (const k of Object.keys(values)) if (!used.has(k)) throw new Error(`the modal has no field ${k}`);
    return this.deliver(ib.modalSubmit(this.base(who, p.channel!.id), modal.custom_id, components));
  }

  /** The DM channel id between the bot and `user` (created on first use). */
  dmChannelId(user: APIUser): string {
    return dmChannelFor(this.ctx, user.id).id;
  }
}
