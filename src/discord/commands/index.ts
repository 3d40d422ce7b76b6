/**
 * Every interaction handler Pincer has, listed explicitly. Issue 7 adds its commands
 * (`/helper`, `/solved`, `/unsolve`, `/pincer …`, "Pincer: Mark solution") to `commands`, and its
 * button handlers (feedback `pincer:feedback:`, acknowledge) to `components`; registering the
 * feedback handler is what makes replies carry the Worked / Didn't work / Dismiss buttons.
 */
import { diagnoseMessageCommand } from './diagnose-message.ts';
import { diagnoseCommand, diagnoseModal } from './diagnose.ts';
import { helperCommand } from './helper.ts';
import { markSolutionMenu, solvedCommand, unsolveCommand } from './mark-solution.ts';
import { pincerSlashCommand } from './pincer.ts';
import type { Registry } from './types.ts';
import { acknowledgeButton } from '../workflow/escalation.ts';
import { feedbackButtons } from '../workflow/feedback.ts';

/** Command names owned by the other bots on OpenClaw's server; Pincer must not reuse them. */
export const RESERVED_COMMAND_NAMES = ['Mark Solution'];

export const registry: Registry = {
  commands: [diagnoseCommand, diagnoseMessageCommand, markSolutionMenu, solvedCommand, unsolveCommand, helperCommand, pincerSlashCommand],
  modals: [diagnoseModal],
  components: [feedbackButtons, acknowledgeButton],
};

/** The JSON bodies `deploy-commands` PUTs to Discord. */
export function commandBodies(reg: Registry = registry) {
  return reg.commands.map((c) => c.data.toJSON());
}
