/**
 * Ingest contract: what the adapters (terminal, Discord) hand in, and the one clean, masked text
 * that comes out. Ingest is pure: the adapter has already fetched attachment bytes.
 */

/** A text attachment the adapter fetched (`.txt`, `.log`, Discord's `message.txt`). */
export interface AttachmentInput {
  name: string;
  bytes: Uint8Array;
  /** The adapter stopped reading at its size cap (1 MB); the rest was never fetched. */
  cut?: boolean;
}

export interface IngestInput {
  /** The message content as typed (may be empty when everything is in attachments). */
  text: string;
  attachments?: AttachmentInput[];
}

/** A full credential found in the input. Only the masked form is ever kept. */
export interface SecretFinding {
  /** e.g. `anthropic_api_key`, `anthropic_oauth_token`, `openai_key`, `discord_bot_token`. */
  credentialType: string;
  /** Safe to show/store: type prefix + `…` + last 4, e.g. `sk-ant-api03-…AbCd`. */
  masked: string;
}

/** Something the user should be told about their input (never silent truncation). */
export interface IngestNote {
  code: 'cut_by_adapter' | 'too_large' | 'binary' | 'invalid_utf8' | 'empty' | 'too_many_lines';
  /** One human sentence, e.g. "message.txt was cut at 1 MB; only the first part was read." */
  message: string;
}

export interface IngestResult {
  /** Clean text: masked, ANSI-free, LF line ends, mojibake repaired. Safe to parse, log, store. */
  text: string;
  secrets: SecretFinding[];
  notes: IngestNote[];
}
