/**
 * The fake Discord's world: one guild with a forum help channel (with tags), a helper channel,
 * a mod-log channel, roles, members, threads, DM channels, messages, attachment bytes and the
 * registered application commands. Plain data; gateway and REST read and change it.
 */
import type {
  APIApplicationCommand,
  APIChannel,
  APIGuildForumChannel,
  APIGuildMember,
  APIMessage,
  APIRole,
  APITextChannel,
  APIUser,
} from 'discord-api-types/v10';
import * as b from './builders/guild.ts';
import { compareSnowflakes, snowflake } from './ids.ts';

export interface StoredAttachment {
  filename: string;
  contentType: string;
  bytes: Uint8Array;
}

/** Tag names seeded on the forum (the workflow's four plus two a human would apply). */
export const FORUM_TAGS = ['needs-info', 'bot-answered', 'needs-human', 'solved', 'windows', 'macos'] as const;

const MOD_PERMISSIONS = '2251799813685247';
const EVERYONE_PERMISSIONS = '2248473465835073'; // view, send, read history, send in threads, …

export class FakeState {
  readonly applicationId = snowflake();
  readonly bot: APIUser = b.user(this.applicationId, 'Pincer', true);
  readonly guildId = snowflake();
  readonly guildName = 'OpenClaw';
  readonly createdAt = new Date().toISOString();
  readonly roles = new Map<string, APIRole>();
  readonly members = new Map<string, APIGuildMember>();
  readonly users = new Map<string, APIUser>();
  readonly channels = new Map<string, APIChannel>();
  /** channel id → (message id → message), insertion-ordered (ids increase). */
  readonly messages = new Map<string, Map<string, APIMessage>>();
  readonly attachments = new Map<string, StoredAttachment>();
  /** `channel:author:nonce` → the message an `enforce_nonce` send created. */
  readonly nonces = new Map<string, string>();
  /** Registered commands by id (global and guild). */
  readonly commands = new Map<string, APIApplicationCommand>();
  readonly roleIds: { everyone: string; helper: string; moderator: string };
  readonly forum: APIGuildForumChannel;
  readonly helperChannel: APITextChannel;
  readonly modLogChannel: APITextChannel;
  readonly generalChannel: APITextChannel;
  /** Forum tag name → id. */
  readonly tags: Record<(typeof FORUM_TAGS)[number], string>;
  ownerId: string;

  constructor() {
    this.roleIds = { everyone: this.guildId, helper: snowflake(), moderator: snowflake() };
    this.roles.set(this.guildId, b.role(this.guildId, '@everyone', EVERYONE_PERMISSIONS, 0));
    this.roles.set(this.roleIds.helper, b.role(this.roleIds.helper, 'Helper', EVERYONE_PERMISSIONS, 1));
    this.roles.set(this.roleIds.moderator, b.role(this.roleIds.moderator, 'Moderator', MOD_PERMISSIONS, 2));
    const botRole = snowflake();
    this.roles.set(botRole, b.role(botRole, 'Pincer', MOD_PERMISSIONS, 3));
    this.addMember(this.bot, [botRole]);
    this.ownerId = this.addUser('owner', [this.roleIds.moderator]).id;

    const tags = FORUM_TAGS.map((name) => b.forumTag(snowflake(), name));
    this.tags = Object.fromEntries(tags.map((t) => [t.name, t.id])) as FakeState['tags'];
    this.forum = b.forumChannel(snowflake(), this.guildId, 'help', tags);
    this.helperChannel = b.textChannel(snowflake(), this.guildId, 'helpers', 1);
    this.modLogChannel = b.textChannel(snowflake(), this.guildId, 'mod-log', 2);
    this.generalChannel = b.textChannel(snowflake(), this.guildId, 'general', 3);
    for (const c of [this.forum, this.helperChannel, this.modLogChannel, this.generalChannel]) this.channels.set(c.id, c);
  }

  /** A new guild member (`roles` are role ids beyond @everyone). */
  addUser(username: string, roles: string[] = []): APIUser {
    return this.addMember(b.user(snowflake(), username), roles).user;
  }

  private addMember(u: APIUser, roles: string[]): APIGuildMember & { user: APIUser } {
    this.users.set(u.id, u);
    const m = b.member(u, roles, this.createdAt) as APIGuildMember & { user: APIUser };
    this.members.set(u.id, m);
    return m;
  }

  channel(id: string): APIChannel | undefined {
    return this.channels.get(id);
  }

  channelMessages(channelId: string): Map<string, APIMessage> {
    let m = this.messages.get(channelId);
    if (!m) this.messages.set(channelId, (m = new Map()));
    return m;
  }

  /** Messages of a channel, oldest first. */
  history(channelId: string): APIMessage[] {
    return [...this.channelMessages(channelId).values()].sort((x, y) => compareSnowflakes(x.id, y.id));
  }

  /** Threads (forum posts) that are not archived. */
  activeThreads(): APIChannel[] {
    return [...this.channels.values()].filter(
      (c) => 'thread_metadata' in c && c.thread_metadata && !c.thread_metadata.archived,
    );
  }
}
