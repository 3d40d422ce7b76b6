/**
 * Evidence building blocks every fact shares: where it was read (`source`), how sure the reading
 * is (`confidence`), and credentials as OpenClaw shows them (masked, never live). Part of the
 * contract in ../facts.ts.
 */
import * as z from 'zod';

/** Where a fact was read: message id and the 0-based inclusive line span in the clean text. */
export const SourceSpan = z.object({
  messageId: z.string(),
  lineStart: z.number().int().nonnegative(),
  lineEnd: z.number().int().nonnegative(),
});
export type SourceSpan = z.infer<typeof SourceSpan>;

/** Fields every fact has (spread into each fact schema). */
export const factBase = {
  source: SourceSpan,
  /** 1 = read verbatim from a known format; lower when retyped, partial or guessed. */
  confidence: z.number().min(0).max(1),
};

/**
 * A credential as OpenClaw shows it (never a live secret: ingest masks those first).
 * `masked`: `maskApiKey` output (`sk-ant-a...Qx7Lm2Ab`: head 8 + `...` + tail 8, §1.3), parsed
 * leniently — `head`/`tail` are what was seen, `shape` says whether it fits the 8+8 rule.
 */
export const Credential = z.discriminatedUnion('form', [
  z.object({
    form: z.literal('masked'),
    mask: z.string(),
    head: z.string(),
    tail: z.string(),
    shape: z.enum(['8+8', '2+2', '1+1', 'irregular']),
    /**
     * What makes the mask impossible for a key OpenClaw stored unchanged (added by evidence):
     * `whitespace` (a space inside the head, e.g. `API sk-a`: a label was pasted with the key),
     * `unexpected_head` (the head is not a known key prefix).
     */
    anomalies: z.array(z.enum(['whitespace', 'unexpected_head'])).optional(),
  }),
  z.object({ form: z.literal('ref'), source: z.string(), id: z.string() }),
  z.object({ form: z.literal('marker'), value: z.string() }),
  z.object({ form: z.literal('missing') }),
  z.object({ form: z.literal('oauth'), email: z.string().optional() }),
  /** The user's own redaction (`[REDACTED]`, `XXXX`, `sk-ant-...`): present but unreadable. */
  z.object({ form: z.literal('user_redacted'), text: z.string() }),
]);
export type Credential = z.infer<typeof Credential>;

export const ProfileType = z.enum(['api_key', 'token', 'oauth', 'unknown']);
export type ProfileType = z.infer<typeof ProfileType>;
