/**
 * Typed payload builders for users, roles, members, channels, threads and the guild itself.
 * Each result `satisfies` its discord-api-types shape, so a field discord.js needs (and whose
 * absence would crash or silently drop an event, fake-discord.md §2) cannot be forgotten.
 */
import {
  ChannelType,
  ForumLayoutType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildHubType,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  ThreadAutoArchiveDuration,
  GuildFeature,
  type ChannelFlags,
  type GuildMemberFlags,
  type RoleFlags,
  type APIDMChannel,
  type APIGuildForumChannel,
  type APIGuildForumTag,
  type APIGuildMember,
  type APIRole,
  type APITextChannel,
  type APIThreadChannel,
  type APIUser,
  type GatewayGuildCreateDispatchData,
} from 'discord-api-types/v10';

const NO_FLAGS = 0 as ChannelFlags;

export function user(id: string, username: string, bot = false): APIUser {
  return {
    id,
    username,
    global_name: username,
    discriminator: '0',
    avatar: null,
    bot,
  } satisfies APIUser;
}

/** A role; `@everyone` is the role whose id equals the guild id. `permissions` is a decimal bitfield. */
export function role(id: string, name: string, permissions: string, position = 1): APIRole {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions,
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
  } satisfies APIRole;
}

export function member(u: APIUser, roles: string[], joinedAt: string): APIGuildMember {
  return {
    user: u,
    nick: null,
    avatar: null,
    banner: null,
    roles,
    joined_at: joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
  } satisfies APIGuildMember;
}

export function forumTag(id: string, name: string, moderated = false): APIGuildForumTag {
  return { id, name, moderated, emoji_id: null, emoji_name: null } satisfies APIGuildForumTag;
}

/** Fields every top-level guild channel of the fake shares. */
function guildChannelBase(guildId: string, name: string, position: number) {
  return {
    guild_id: guildId,
    name,
    position,
    permission_overwrites: [],
    parent_id: null,
    nsfw: false,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: NO_FLAGS,
  };
}

/** A forum channel (type 15). `available_tags` is what thread tag logic reads. */
export function forumChannel(id: string, guildId: string, name: string, tags: APIGuildForumTag[]): APIGuildForumChannel {
  return {
    id,
    ...guildChannelBase(guildId, name, 0),
    type: ChannelType.GuildForum,
    available_tags: tags,
    default_reaction_emoji: null,
    default_thread_rate_limit_per_user: 0,
    default_sort_order: null,
    default_forum_layout: ForumLayoutType.ListView,
    default_auto_archive_duration: ThreadAutoArchiveDuration.OneWeek,
  } satisfies APIGuildForumChannel;
}

export function textChannel(id: string, guildId: string, name: string, position: number): APITextChannel {
  return {
    id,
    ...guildChannelBase(guildId, name, position),
    type: ChannelType.GuildText,
    default_auto_archive_duration: ThreadAutoArchiveDuration.OneWeek,
    default_thread_rate_limit_per_user: 0,
    last_pin_timestamp: null,
  } satisfies APITextChannel;
}

/** A public thread (type 11): a forum post when `parentId` is a forum channel. */
export function thread(opts: {
  id: string;
  guildId: string;
  parentId: string;
  ownerId: string;
  name: string;
  appliedTags?: string[];
  createdAt: string;
}): APIThreadChannel {
  return {
    id: opts.id,
    guild_id: opts.guildId,
    type: ChannelType.PublicThread,
    name: opts.name,
    parent_id: opts.parentId,
    owner_id: opts.ownerId,
    nsfw: false,
    flags: NO_FLAGS,
    last_message_id: null,
    rate_limit_per_user: 0,
    applied_tags: opts.appliedTags ?? [],
    message_count: 0,
    member_count: 1,
    total_message_sent: 0,
    thread_metadata: {
      archived: false,
      auto_archive_duration: ThreadAutoArchiveDuration.OneWeek,
      archive_timestamp: opts.createdAt,
      locked: false,
      create_timestamp: opts.createdAt,
    },
  } satisfies APIThreadChannel;
}

export function dmChannel(id: string, recipient: APIUser): APIDMChannel {
  return {
    id,
    type: ChannelType.DM,
    name: null,
    flags: NO_FLAGS,
    last_message_id: null,
    recipients: [recipient],
  } satisfies APIDMChannel;
}

/**
 * The GUILD_CREATE payload. Channels inside it carry no `guild_id` (the real gateway omits it);
 * `members` must include the bot's own member so `guild.members.me` and permission checks work.
 */
export function guildCreate(opts: {
  id: string;
  name: string;
  ownerId: string;
  applicationId: string;
  joinedAt: string;
  roles: APIRole[];
  members: APIGuildMember[];
  channels: Array<APIGuildForumChannel | APITextChannel>;
  threads: APIThreadChannel[];
}): GatewayGuildCreateDispatchData {
  const strip = <T extends { guild_id?: string }>(c: T): T => {
    const { guild_id: _omit, ...rest } = c;
    return rest as T;
  };
  return {
    id: opts.id,
    name: opts.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: opts.ownerId,
    region: 'us-west',
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: GuildVerificationLevel.Low,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.AllMembers,
    roles: opts.roles,
    emojis: [],
    features: [GuildFeature.Community],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: GuildPremiumTier.None,
    preferred_locale: 'en-US' as GatewayGuildCreateDispatchData['preferred_locale'],
    public_updates_channel_id: null,
    nsfw_level: GuildNSFWLevel.Default,
    stickers: [],
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    hub_type: null as GuildHubType | null,
    incidents_data: null,
    joined_at: opts.joinedAt,
    large: false,
    unavailable: false,
    member_count: opts.members.length,
    voice_states: [],
    members: opts.members,
    channels: opts.channels.map(strip),
    threads: opts.threads,
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  } satisfies GatewayGuildCreateDispatchData;
}
