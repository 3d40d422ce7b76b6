/**
 * Answers of the one-off diagnoses (context menu, `/diagnose`): the pipeline's reply, or a short
 * "nothing found", with the ingest notes the reply does not already say; sent ephemerally and
 * split like any reply.
 */
import { MessageFlags, type RepliableInteraction } from 'discord.js';
import type { AttachmentInput } from '../../ingest/types.ts';
import type { OneOffResult } from '../../pipeline/types.ts';
import { splitMessage } from '../split.ts';

export const NOTHING_FOUND =
  'I found nothing about OpenClaw model authentication in that text. If you have an auth error, ' +
  'paste the full output of the command that failed.';

export const NOT_TEXT = 'I can only read text: paste the output, or attach it as a `.txt` or `.log` file.';

/** Markdown for a one-off result. */
export function renderOneOff(result: OneOffResult): string {
  const body = result.outcome.reply?.markdown ?? NOTHING_FOUND;
  const notes = result.notes.map((n) => n.message).filter((m) => !body.includes(m));
  return notes.length > 0 ? `${body}\n\n${notes.map((m) => `-# ${m}`).join('\n')}` : body;
}

/** Sends `markdown` ephemerally: reply (or editReply when deferred), then followUps for the rest. */
export async function answerEphemeral(interaction: RepliableInteraction, markdown: string): Promise<void> {
  const [head = NOTHING_FOUND, ...rest] = splitMessage(markdown);
  const first = { content: head, allowedMentions: { parse: [] } };
  if (interaction.deferred) await interaction.editReply(first);
  else await interaction.reply({ ...first, flags: MessageFlags.Ephemeral });
  for (const content of rest) await interaction.followUp({ content, allowedMentions: { parse: [] }, flags: MessageFlags.Ephemeral });
}

/** True when the input has something to read. */
export function hasText(text: string, files: AttachmentInput[]): boolean {
  return text.trim() !== '' || files.length > 0;
}
