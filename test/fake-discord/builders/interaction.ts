/**
 * Typed builders for INTERACTION_CREATE payloads: chat-input (slash) commands, message context
 * menus, buttons and modal submits, in a guild or in a DM. discord.js crashes the process on an
 * interaction without `entitlements`, `authorizing_integration_owners`, `member.user` (guild) /
 * `user` (DM), `data.resolved` (context menu) or `message` (button) — fake-discord.md §2.
 */
import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  Locale,
  type APIApplicationCommandInteractionDataOption,
  type APIAttachment,
  type APIChatInputApplicationCommandInteraction,
  type APIGuildMember,
  type APIInteractionGuildMember,
  type APIMessage,
  type APIMessageApplicationCommandInteraction,
  type APIMessageComponentButtonInteraction,
  type APIModalSubmitInteraction,
  type APIUser,
  type APIChannel,
  type APIDMChannel,
  type APIModalSubmissionComponent,
} from 'discord-api-types/v10';

/** All permissions: the bot is an administrator in the fake guild unless a test says otherwise. */
export const ALL_PERMISSIONS = '2251799813685247';

/** Where an interaction happens: a guild channel (with the invoking member) or a DM (with the user). */
export type InteractionWhere =
  | { guildId: string; member: APIGuildMember; channel: APIChannel }
  | { user: APIUser; channel: APIDMChannel };

export interface InteractionBase {
  id: string;
  token: string;
  applicationId: string;
  where: InteractionWhere;
}

function common(b: InteractionBase) {
  const w = b.where;
  const place =
    'guildId' in w
      ? {
          guild_id: w.guildId,
          member: { ...w.member, user: w.member.user, permissions: ALL_PERMISSIONS } satisfies APIInteractionGuildMember,
          authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: w.guildId },
          context: InteractionContextType.Guild,
          guild_locale: Locale.EnglishUS,
          channel: w.channel,
        }
      : {
          user: w.user,
          authorizing_integration_owners: { [ApplicationIntegrationType.UserInstall]: w.user.id },
          context: InteractionContextType.BotDM,
          channel: w.channel,
        };
  return {
    id: b.id,
    application_id: b.applicationId,
    token: b.token,
    version: 1 as const,
    channel_id: w.channel.id,
    app_permissions: ALL_PERMISSIONS,
    locale: Locale.EnglishUS,
    entitlements: [],
    attachment_size_limit: 10_485_760,
    ...place,
  };
}

export function chatInput(
  b: InteractionBase,
  command: { id: string; name: string; options?: APIApplicationCommandInteractionDataOption[]; attachments?: APIAttachment[] },
): APIChatInputApplicationCommandInteraction {
  const resolved = command.attachments?.length
    ? { resolved: { attachments: Object.fromEntries(command.attachments.map((a) => [a.id, a])) } }
    : {};
  return {
    ...common(b),
    type: InteractionType.ApplicationCommand,
    data: { id: command.id, name: command.name, type: ApplicationCommandType.ChatInput, options: command.options ?? [], ...resolved },
  } satisfies APIChatInputApplicationCommandInteraction;
}

/** A message context menu ("Apps → …") on `target`; `data.resolved.messages[target.id]` is what makes `targetMessage` work. */
export function messageContextMenu(
  b: InteractionBase,
  command: { id: string; name: string },
  target: APIMessage,
): APIMessageApplicationCommandInteraction {
  return {
    ...common(b),
    type: InteractionType.ApplicationCommand,
    data: {
      id: command.id,
      name: command.name,
      type: ApplicationCommandType.Message,
      target_id: target.id,
      resolved: { messages: { [target.id]: target } },
    },
  } satisfies APIMessageApplicationCommandInteraction;
}

/** A click on button `customId` of `message` (which must be the full message object). */
export function buttonClick(b: InteractionBase, customId: string, message: APIMessage): APIMessageComponentButtonInteraction {
  const c = common(b);
  return {
    ...c,
    channel: c.channel,
    type: InteractionType.MessageComponent,
    data: { custom_id: customId, component_type: ComponentType.Button },
    message,
  } satisfies APIMessageComponentButtonInteraction;
}

/** A modal submit; `components` mirror the modal the bot showed (see rest/interactions.ts). */
export function modalSubmit(
  b: InteractionBase,
  customId: string,
  components: APIModalSubmissionComponent[],
  message?: APIMessage,
): APIModalSubmitInteraction {
  return {
    ...common(b),
    type: InteractionType.ModalSubmit,
    data: { custom_id: customId, components },
    ...(message ? { message } : {}),
  } satisfies APIModalSubmitInteraction;
}
