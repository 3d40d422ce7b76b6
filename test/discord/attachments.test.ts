import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectAttachments, isAllowedAttachmentUrl, isTextAttachment } from '../../src/discord/attachments.ts';

let server: Server;
let base: string;
const requested: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requested.push(req.url ?? '');
    if (req.url?.endsWith('/big.log')) {
      res.end(Buffer.alloc(3 * 1024 * 1024, 'a'));
    } else if (req.url?.endsWith('/gone.txt')) {
      res.statusCode = 404;
      res.end();
    } else {
      res.end('Error: HTTP 401 authentication_error: invalid x-api-key\n');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cdn`;
});
afterAll(() => new Promise<void>((resolve) => {
  server.close(() => resolve());
  server.closeAllConnections();
}));

describe('text attachments', () => {
  it('recognises message.txt and .log by name even without a content type', () => {
    expect(isTextAttachment({ name: 'message.txt', contentType: null })).toBe(true);
    expect(isTextAttachment({ name: 'gateway.LOG', contentType: null })).toBe(true);
    expect(isTextAttachment({ name: 'auth-profiles.json', contentType: null })).toBe(true);
    expect(isTextAttachment({ name: 'screenshot.png', contentType: 'image/png' })).toBe(false);
    expect(isTextAttachment({ name: 'output', contentType: 'text/plain; charset=utf-8' })).toBe(true);
  });

  it("fetches only Discord's own attachment URLs (or the configured test base)", () => {
    expect(isAllowedAttachmentUrl('https://cdn.discordapp.com/attachments/1/2/message.txt?ex=1', null)).toBe(true);
    expect(isAllowedAttachmentUrl('https://media.discordapp.net/attachments/1/2/a.log', null)).toBe(true);
    expect(isAllowedAttachmentUrl('http://cdn.discordapp.com/attachments/1/2/a.txt', null)).toBe(false);
    expect(isAllowedAttachmentUrl('https://cdn.discordapp.com.evil.example/a.txt', null)).toBe(false);
    expect(isAllowedAttachmentUrl('https://user@cdn.discordapp.com/a.txt', null)).toBe(false);
    expect(isAllowedAttachmentUrl('http://169.254.169.254/latest/meta-data', null)).toBe(false);
    expect(isAllowedAttachmentUrl(`${base}/1/2/a.txt`, base)).toBe(true);
    expect(isAllowedAttachmentUrl(`${base}evil/a.txt`, base)).toBe(false);
  });

  it('hands the bytes over, counts screenshots, and never requests a foreign URL', async () => {
    requested.length = 0;
    const got = await collectAttachments(
      [
        { name: 'message.txt', url: `${base}/1/2/message.txt`, contentType: null, size: 60 },
        { name: 'screen.png', url: `${base}/1/2/screen.png`, contentType: 'image/png', size: 9000 },
        { name: 'other.txt', url: 'https://example.com/other.txt', contentType: 'text/plain', size: 10 },
      ],
      { cdnBaseUrl: base },
    );
    expect(got.texts).toHaveLength(1);
    expect(new TextDecoder().decode(got.texts[0]!.bytes)).toContain('invalid x-api-key');
    expect(got.texts[0]!.cut).toBeUndefined();
    expect(got.images).toBe(1);
    expect(got.failed).toEqual(['other.txt']);
    expect(requested).toEqual(['/cdn/1/2/message.txt']);
  });

  it('stops reading at 1 MB and marks the file as cut', async () => {
    const got = await collectAttachments([{ name: 'big.log', url: `${base}/1/2/big.log`, contentType: null, size: 3 << 20 }], { cdnBaseUrl: base });
    expect(got.texts[0]!.bytes.byteLength).toBe(1024 * 1024);
    expect(got.texts[0]!.cut).toBe(true);
  });

  it('reports a file Discord no longer serves as failed instead of throwing', async () => {
    const got = await collectAttachments([{ name: 'gone.txt', url: `${base}/1/2/gone.txt`, contentType: null, size: 5 }], { cdnBaseUrl: base });
    expect(got).toEqual({ texts: [], images: 0, failed: ['gone.txt'] });
  });
});
