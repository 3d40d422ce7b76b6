/**
 * Shapes of Pincer's interaction handlers. Commands are listed explicitly in ./index.ts (no
 * filesystem scanning); each command file exports its builder (`data`) and handler (`execute`).
 */
import type {
  ButtonInteraction,
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  ModalSubmitInteraction,
  RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type { BotContext } from '../context.ts';

/** Every handler may set its own time limit (ms); default PINCER_INTERACTION_TIMEOUT_MS. */
interface Limited {
  timeoutMs?: number;
}

interface CommandData {
  name: string;
  toJSON(): RESTPostAPIApplicationCommandsJSONBody;
}

export interface SlashCommand extends Limited {
  kind: 'chat_input';
  data: CommandData;
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
}

export interface MessageMenuCommand extends Limited {
  kind: 'message_menu';
  data: CommandData;
  execute(interaction: MessageContextMenuCommandInteraction, ctx: BotContext): Promise<void>;
}

export type Command = SlashCommand | MessageMenuCommand;

/** A modal submit handler, chosen by the modal's custom id prefix. */
export interface ModalHandler extends Limited {
  prefix: string;
  execute(interaction: ModalSubmitInteraction, ctx: BotContext): Promise<void>;
}

/** A button handler, chosen by the button's custom id prefix (issue 7: feedback, acknowledge…). */
export interface ComponentHandler extends Limited {
  prefix: string;
  execute(interaction: ButtonInteraction, ctx: BotContext): Promise<void>;
}

export interface Registry {
  commands: Command[];
  modals: ModalHandler[];
  components: ComponentHandler[];
}
