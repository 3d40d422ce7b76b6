/**
 * A rendered reply is plain data — markdown plus the buttons to attach — independent of
 * discord.js, so the terminal, `pincer diagnose`, `pincer replay` and Discord show the same words.
 */
import type { BranchId } from '../diagnosis/catalog.ts';

export type ReplyButton = 'worked' | 'didnt_work' | 'dismiss';

export type ReplyKind =
  | 'diagnosis' // a confirmed branch and its one step
  | 'ask' // the one ask that decides
  | 'nudge' // same paste again: how to run the pending ask where the user is
  | 'escalation' // handed to humans
  | 'solve_prompt' // "it works now" → please mark the solution
  | 'not_auth' // addressed directly about something else
  | 'secret_warning' // a live credential was pasted
  | 'input_note' // the input could not be read (binary, empty …)
  | 'held_note'; // a rate limit holds the answer back: says when it comes

export interface RenderedReply {
  kind: ReplyKind;
  /** Discord markdown, at most 2000 characters, never containing a secret or a live mention. */
  markdown: string;
  buttons: ReplyButton[];
  /** What the reply said, for "never repeat" and statistics. */
  branch: BranchId | null;
  nextCommand: string | null;
  askId: string | null;
}
