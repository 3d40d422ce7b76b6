/**
 * Every interaction handler Pincer has, listed explicitly. Issue 7 adds its commands
 * (`/helper`, `/solved`, `/unsolve`, `/pincer …`, "Pincer: Mark solution") to `commands`, and its
 * button handlers (feedback `pincer:feedback:`, acknowledge) to `components`; registering the
 * feedback handler is what makes replies carry the Worked / Didn't work / Dismiss buttons.
 */
import { diagnoseMessageCommand } from './diagnose-message.ts';
import { diagnoseCommand, diagnoseModal } from './diagnose.ts';
import type { Registry } from './types.ts';

/** Command names owned by the other bots on OpenClaw's server; Pincer must not reuse them. */
export const RESERVED_COMMAND_NAMES = ['Mark Solution'];

export const registry: Registry = {
  commands: [diagnoseCommand, diagnoseMessageCommand],
  modals: [diagnoseModal],
  components: [],
};

/** The JSON bodies `deploy-commands` PUTs to Discord. */
export function commandBodies(reg: Registry = registry) {
  return reg.commands.map((c) => c.data.toJSON());
}
