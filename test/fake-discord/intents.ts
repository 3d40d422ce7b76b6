/**
 * Which intent each dispatch needs, and the MessageContent emulation: discord.js does not
 * enforce the privileged intent, so the fake blanks what Discord would (fake-discord.md
 * pitfall 17) — content, embeds, attachments and components of guild messages that neither
 * come from the bot nor mention it. DMs keep their content, as on Discord.
 */
import { GatewayDispatchEvents as E, GatewayIntentBits as I } from 'discord-api-types/v10';

/** The intent bit a dispatch needs, or 0 when it is always sent (READY, INTERACTION_CREATE …). */
export function requiredIntent(t: string, d: any): number {
  switch (t) {
    case E.GuildCreate:
    case E.ThreadCreate:
    case E.ThreadUpdate:
    case E.ThreadDelete:
    case E.ChannelCreate:
    case E.ChannelUpdate:
    case E.ChannelDelete:
      return I.Guilds;
    case E.MessageCreate:
    case E.MessageUpdate:
    case E.MessageDelete:
      return d?.guild_id ? I.GuildMessages : I.DirectMessages;
    case E.MessageReactionAdd:
    case E.MessageReactionRemove:
      return d?.guild_id ? I.GuildMessageReactions : I.DirectMessageReactions;
    default:
      return 0;
  }
}

/** `d` as a session with `intents` receives it (a copy when something is blanked). */
export function applyMessageContentIntent(t: string, d: any, intents: number, botId: string): any {
  if (t !== E.MessageCreate && t !== E.MessageUpdate) return d;
  if (intents & I.MessageContent || !d.guild_id) return d;
  if (d.author?.id === botId || d.mentions?.some((u: { id: string }) => u.id === botId)) return d;
  return { ...d, content: '', embeds: [], attachments: [], components: [] };
}
