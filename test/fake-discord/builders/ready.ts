/** READY: `user`, `application` and `guilds` are required, or discord.js crashes (§2). */
import { ApplicationFlags, type APIUser, type GatewayReadyDispatchData } from 'discord-api-types/v10';

export function ready(o: { bot: APIUser; applicationId: string; guildIds: string[]; sessionId: string; resumeUrl: string }): GatewayReadyDispatchData {
  return {
    v: 10,
    user: o.bot,
    guilds: o.guildIds.map((id) => ({ id, unavailable: true })),
    session_id: o.sessionId,
    resume_gateway_url: o.resumeUrl,
    shard: [0, 1],
    application: { id: o.applicationId, flags: ApplicationFlags.GatewayMessageContentLimited, flags_new: String(ApplicationFlags.GatewayMessageContentLimited) },
  } satisfies GatewayReadyDispatchData;
}
