/**
 * Text attachments (`.txt`, `.log`, Discord's automatic `message.txt` for long pastes, and `.json`
 * such as auth-profiles.json): picked by file extension because `content_type` can be missing
 * (`text/*` is the fallback), fetched by the adapter with a 1 MB cap
 * (`cut: true` when the rest was never read), and handed to ingest as bytes. Only Discord's own
 * attachment URLs are fetched (cdn.discordapp.com, media.discordapp.net over https), plus the
 * configured loopback CDN base of the fake Discord in tests. No discord.js types here: plain data.
 */
import type { AttachmentInput } from '../ingest/types.ts';

/** What the adapter knows about one attachment (from discord.js `Attachment`). */
export interface AttachmentMeta {
  name: string;
  url: string;
  contentType: string | null;
  /** Bytes, as Discord reports it. */
  size: number;
}

export interface CollectedAttachments {
  texts: AttachmentInput[];
  /** Image attachments (screenshots): Pincer cannot read them. */
  images: number;
  /** Names of text attachments that could not be fetched (never the URL: it carries a signature). */
  failed: string[];
}

export interface FetchOptions {
  /** Extra allowed base URL (tests), or null. */
  cdnBaseUrl: string | null;
  /** Read at most this many bytes per file (default 1 MB). */
  capBytes?: number;
  /** Per-file time limit in ms (default 10 s). */
  timeoutMs?: number;
  /** At most this many text files per message (default 3). */
  maxFiles?: number;
}

export const ATTACHMENT_CAP_BYTES = 1024 * 1024;
const DISCORD_HOSTS = new Set(['cdn.discordapp.com', 'media.discordapp.net']);
const TEXT_EXTENSIONS = /\.(txt|log|json)$/i;
const IMAGE_EXTENSIONS = /\.(png|jpe?g|gif|webp|bmp|heic)$/i;

/** A text file Pincer reads: by extension first, content type (`text/*`) as a fallback. */
export function isTextAttachment(a: Pick<AttachmentMeta, 'name' | 'contentType'>): boolean {
  return TEXT_EXTENSIONS.test(a.name) || (a.contentType ?? '').startsWith('text/');
}

/** A picture (screenshot): by extension, or an `image/*` content type. Pincer cannot read it. */
export function isImageAttachment(a: Pick<AttachmentMeta, 'name' | 'contentType'>): boolean {
  return IMAGE_EXTENSIONS.test(a.name) || (a.contentType ?? '').startsWith('image/');
}

/** True only for Discord's attachment CDN over https, or a URL under the configured base. */
export function isAllowedAttachmentUrl(url: string, cdnBaseUrl: string | null): boolean {
  if (cdnBaseUrl !== null && url.startsWith(cdnBaseUrl.endsWith('/') ? cdnBaseUrl : `${cdnBaseUrl}/`)) return true;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && DISCORD_HOSTS.has(u.hostname) && u.username === '' && u.port === '';
  } catch {
    return false;
  }
}

/**
 * Fetches one attachment's first `capBytes` bytes.
 * @returns the bytes (with `cut: true` if the file was longer), or null when the URL is not
 *   allowed, the server answers non-2xx, or the time limit passes. Never throws.
 */
export async function fetchAttachment(meta: AttachmentMeta, opts: FetchOptions): Promise<AttachmentInput | null> {
  if (!isAllowedAttachmentUrl(meta.url, opts.cdnBaseUrl)) return null;
  const cap = opts.capBytes ?? ATTACHMENT_CAP_BYTES;
  try {
    const res = await fetch(meta.url, { redirect: 'error', signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000) });
    if (!res.ok || !res.body) return null;
    const reader = res.body.getReader();
    const parts: Uint8Array[] = [];
    let total = 0;
    let cut = false;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      total += value.byteLength;
      if (total > cap) {
        cut = true;
        await reader.cancel().catch(() => undefined);
        break;
      }
    }
    const bytes = new Uint8Array(Math.min(total, cap));
    let offset = 0;
    for (const part of parts) {
      const n = Math.min(part.byteLength, bytes.byteLength - offset);
      bytes.set(part.subarray(0, n), offset);
      offset += n;
    }
    return cut ? { name: meta.name, bytes, cut: true } : { name: meta.name, bytes };
  } catch {
    return null;
  }
}

/** Sorts a message's attachments and fetches the text ones (in order, at most `maxFiles`). */
export async function collectAttachments(list: AttachmentMeta[], opts: FetchOptions): Promise<CollectedAttachments> {
  const texts: AttachmentInput[] = [];
  const failed: string[] = [];
  let images = 0;
  for (const meta of list) {
    if (isTextAttachment(meta)) {
      if (texts.length + failed.length >= (opts.maxFiles ?? 3)) continue;
      const got = await fetchAttachment(meta, opts);
      if (got) texts.push(got);
      else failed.push(meta.name);
    } else if (isImageAttachment(meta)) {
      images += 1;
    }
  }
  return { texts, images, failed };
}
