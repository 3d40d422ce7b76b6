/**
 * Message components Pincer attaches to its replies. The reply's buttons (Worked / Didn't work /
 * Dismiss) are rendered only when a handler for them is registered (issue 7 registers it in
 * commands/index.ts), so a user never sees a button that does nothing.
 */
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponentWithCustomId } from 'discord.js';
import type { ReplyButton } from '../reply/types.ts';

/** Custom id: `pincer:feedback:<verdict>:<replyId>` (Discord caps custom ids at 100 chars). */
export const FEEDBACK_PREFIX = 'pincer:feedback:';

const LOOK: Record<ReplyButton, { label: string; style: ButtonStyle }> = {
  worked: { label: 'Worked', style: ButtonStyle.Success },
  didnt_work: { label: "Didn't work", style: ButtonStyle.Danger },
  dismiss: { label: 'Dismiss', style: ButtonStyle.Secondary },
};

/** The custom id of one feedback button of reply `replyId`. */
export function feedbackCustomId(verdict: ReplyButton, replyId: string): string {
  return `${FEEDBACK_PREFIX}${verdict}:${replyId}`;
}

/** Parses a feedback custom id; null when it is not one. */
export function parseFeedbackCustomId(customId: string): { verdict: ReplyButton; replyId: string } | null {
  if (!customId.startsWith(FEEDBACK_PREFIX)) return null;
  const rest = customId.slice(FEEDBACK_PREFIX.length);
  const colon = rest.indexOf(':');
  const verdict = rest.slice(0, colon);
  const replyId = rest.slice(colon + 1);
  if (colon < 0 || replyId === '' || !(verdict in LOOK)) return null;
  return { verdict: verdict as ReplyButton, replyId };
}

/**
 * One action row with the reply's buttons, or [] (no buttons, or a custom id would be too long).
 * Plain API JSON, as Discord receives it: discord.js's builders validate every field on every
 * reply (~1.4% of the bot's CPU under load, issue 17) for values fixed here.
 */
export function feedbackRow(replyId: string, buttons: ReplyButton[]): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
  if (buttons.length === 0 || feedbackCustomId('didnt_work', replyId).length > 100) return [];
  const components = buttons.map((b): APIButtonComponentWithCustomId => ({
    type: ComponentType.Button,
    custom_id: feedbackCustomId(b, replyId),
    label: LOOK[b].label,
    style: LOOK[b].style as APIButtonComponentWithCustomId['style'],
  }));
  return [{ type: ComponentType.ActionRow, components }];
}
