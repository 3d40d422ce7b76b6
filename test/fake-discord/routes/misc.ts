/**
 * REST routes outside channels: gateway discovery (`session_start_limit` is required or login
 * throws — §1), the application and its commands (ids echoed back, pitfall 20), users, DM
 * channels, guild data, members, roles and active threads.
 */
import { ApplicationCommandType, ApplicationFlags, type APIApplicationCommand } from 'discord-api-types/v10';
import type { FakeContext } from '../context.ts';
import { dmChannel } from '../builders/guild.ts';
import { snowflake } from '../ids.ts';
import { discordError, ok, type Route, type RouteRequest } from '../rest.ts';

const ID = '(\\d{17,20})';
const at = (p: string) => new RegExp(`^${p.replaceAll(':id', ID)}$`);
const unknownGuild = discordError(404, 10004, 'Unknown Guild');

function command(ctx: FakeContext, body: any, guildId?: string): APIApplicationCommand {
  const existing = [...ctx.state.commands.values()].find(
    (c) => c.name === body.name && c.guild_id === guildId && c.type === (body.type ?? ApplicationCommandType.ChatInput),
  );
  const c = {
    id: existing?.id ?? snowflake(),
    application_id: ctx.state.applicationId,
    version: snowflake(),
    type: body.type ?? ApplicationCommandType.ChatInput,
    name: body.name,
    description: body.description ?? '',
    options: body.options ?? [],
    default_member_permissions: body.default_member_permissions ?? null,
    dm_permission: body.dm_permission ?? true,
    nsfw: body.nsfw ?? false,
    contexts: body.contexts ?? null,
    integration_types: body.integration_types,
    ...(guildId ? { guild_id: guildId } : {}),
  } as APIApplicationCommand;
  ctx.state.commands.set(c.id, c);
  return c;
}

function putCommands(ctx: FakeContext, r: RouteRequest, guildId?: string) {
  if (!Array.isArray(r.body)) return discordError(400, 50035, 'Invalid Form Body');
  for (const [id, c] of ctx.state.commands) if (c.guild_id === guildId) ctx.state.commands.delete(id);
  return ok(r.body.map((b: any) => command(ctx, b, guildId)));
}

const listCommands = (ctx: FakeContext, guildId?: string) => ok([...ctx.state.commands.values()].filter((c) => c.guild_id === guildId));

function guildObject(ctx: FakeContext) {
  const s = ctx.state;
  return { id: s.guildId, name: s.guildName, owner_id: s.ownerId, roles: [...s.roles.values()], emojis: [], features: [], icon: null };
}

export function miscRoutes(wsUrl: () => string): Route[] {
  return [
    ['GET', /^\/gateway\/bot$/, () => ok({
      url: wsUrl(),
      shards: 1,
      session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
    })],
    ['GET', /^\/gateway$/, () => ok({ url: wsUrl() })],
    ['GET', /^\/users\/@me$/, (ctx) => ok(ctx.state.bot)],
    ['GET', at('/users/:id'), (ctx, r) => {
      const u = ctx.state.users.get(r.params[0]!);
      return u ? ok(u) : discordError(404, 10013, 'Unknown User');
    }],
    ['POST', /^\/users\/@me\/channels$/, (ctx, r) => {
      const u = ctx.state.users.get(r.body?.recipient_id);
      if (!u) return discordError(400, 50035, 'Invalid Form Body (recipient_id)');
      return ok(dmChannelFor(ctx, u.id));
    }],
    ['GET', /^\/(?:oauth2\/)?applications\/@me$/, (ctx) => ok({
      id: ctx.state.applicationId,
      name: 'Pincer',
      description: '',
      icon: null,
      bot_public: false,
      bot_require_code_grant: false,
      flags: ApplicationFlags.GatewayMessageContent | ApplicationFlags.GatewayGuildMembersLimited,
      owner: ctx.state.users.get(ctx.state.ownerId),
      bot: ctx.state.bot,
    })],
    ['GET', at('/applications/:id/commands'), (ctx) => listCommands(ctx)],
    ['PUT', at('/applications/:id/commands'), (ctx, r) => putCommands(ctx, r)],
    ['POST', at('/applications/:id/commands'), (ctx, r) => ok(command(ctx, r.body))],
    ['GET', at('/applications/:id/guilds/:id/commands'), (ctx, r) => listCommands(ctx, r.params[1])],
    ['PUT', at('/applications/:id/guilds/:id/commands'), (ctx, r) => putCommands(ctx, r, r.params[1])],
    ['POST', at('/applications/:id/guilds/:id/commands'), (ctx, r) => ok(command(ctx, r.body, r.params[1]))],
    ['GET', at('/guilds/:id'), (ctx, r) => (r.params[0] === ctx.state.guildId ? ok(guildObject(ctx)) : unknownGuild)],
    ['GET', at('/guilds/:id/channels'), (ctx) =>
      ok([...ctx.state.channels.values()].filter((c: any) => c.guild_id && !c.thread_metadata))],
    ['GET', at('/guilds/:id/roles'), (ctx) => ok([...ctx.state.roles.values()])],
    ['GET', at('/guilds/:id/members/:id'), (ctx, r) => {
      const m = ctx.state.members.get(r.params[1]!);
      return m ? ok(m) : discordError(404, 10007, 'Unknown Member');
    }],
    ['GET', at('/guilds/:id/members'), (ctx) => ok([...ctx.state.members.values()])],
    ['GET', at('/guilds/:id/threads/active'), (ctx) => ok({ threads: ctx.state.activeThreads(), members: [] })],
  ];
}

/** The DM channel between the bot and `userId`, created on first use. */
export function dmChannelFor(ctx: FakeContext, userId: string) {
  const existing = [...ctx.state.channels.values()].find(
    (c: any) => c.type === 1 && c.recipients?.[0]?.id === userId,
  );
  if (existing) return existing;
  const c = dmChannel(snowflake(), ctx.state.users.get(userId)!);
  ctx.state.channels.set(c.id, c);
  return c;
}
