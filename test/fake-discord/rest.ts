/**
 * The fake's REST v10 server core: reads the body (JSON or multipart `payload_json` + `files[n]`),
 * records the request, applies an armed fault, then routes. Unknown routes get a Discord-shaped
 * 404 `{message, code}`, which discord.js turns into a DiscordAPIError. Attachment bytes are
 * served under `/attachments/…`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FakeContext } from './context.ts';
import type { Recorder, RecordedRequest } from './recorder.ts';
import { rateLimitResponse, type RestFaults } from './rest-faults.ts';

export interface RouteRequest {
  method: string;
  path: string;
  params: string[];
  query: URLSearchParams;
  body: any;
  files: RecordedRequest['files'];
}

export interface RouteReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Route = [method: string, pattern: RegExp, handle: (ctx: FakeContext, req: RouteRequest) => RouteReply];

export const ok = (body: unknown): RouteReply => ({ status: 200, body });
export const noContent: RouteReply = { status: 204 };
export const discordError = (status: number, code: number, message: string): RouteReply => ({ status, body: { message, code } });
export const unknownChannel = discordError(404, 10003, 'Unknown Channel');
export const unknownMessage = discordError(404, 10008, 'Unknown Message');

const API_PREFIX = '/api/v10';

/** The raw body (events, not async iteration: that costs event-loop turns on every request). */
function rawBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function readBody(req: IncomingMessage): Promise<{ body: any; files: RecordedRequest['files'] }> {
  const raw = await rawBody(req);
  const type = req.headers['content-type'] ?? '';
  if (raw.length === 0) return { body: null, files: [] };
  if (type.startsWith('multipart/form-data')) {
    const form = await new Request('http://127.0.0.1/', { method: 'POST', headers: { 'content-type': type }, body: raw }).formData();
    const files: RecordedRequest['files'] = [];
    let body: any = null;
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = JSON.parse(value);
      } else files.push({ field, name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) });
    }
    return { body, files };
  }
  if (type.startsWith('application/json')) return { body: JSON.parse(raw.toString('utf8')), files: [] };
  return { body: raw.toString('utf8'), files: [] };
}

function send(res: ServerResponse, reply: RouteReply): void {
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  const json = JSON.stringify(reply.body);
  headers['content-type'] = 'application/json';
  res.writeHead(reply.status, headers).end(json);
}

export class RestServer {
  /** Responses held open by a `hang` fault; ended when the fake stops. */
  readonly hung = new Set<ServerResponse>();
  private readonly ctx: FakeContext;
  private readonly routes: Route[];
  private readonly recorder: Recorder;
  private readonly faults: RestFaults;

  constructor(ctx: FakeContext, routes: Route[], recorder: Recorder, faults: RestFaults) {
    this.ctx = ctx;
    this.routes = routes;
    this.recorder = recorder;
    this.faults = faults;
  }

  handle = (req: IncomingMessage, res: ServerResponse): void => {
    this.serve(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, discordError(500, 0, `fake error: ${String(err)}`));
    });
  };

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname);
    if (path.startsWith('/attachments/')) return this.serveAttachment(path, res);
    const method = req.method ?? 'GET';
    const { body, files } = await readBody(req);
    const apiPath = path.startsWith(API_PREFIX) ? path.slice(API_PREFIX.length) : path;
    const rec = this.recorder.add({
      method,
      path: apiPath,
      query: url.searchParams,
      body,
      files,
      authorization: req.headers.authorization,
      status: 0,
      at: Date.now(),
    });
    const reply = await this.answer(method, apiPath, url.searchParams, body, files, res);
    if (!reply) return; // hung
    rec.status = reply.status;
    send(res, reply);
    this.recorder.settled(rec);
  }

  private async answer(method: string, path: string, query: URLSearchParams, body: any, files: RecordedRequest['files'], res: ServerResponse): Promise<RouteReply | null> {
    const fault = this.faults.take(method, path);
    if (fault?.kind === '429') return { status: 429, ...rateLimitResponse(fault, `fake-${method}-${path}`) };
    if (fault?.kind === 'status') return discordError(fault.status, fault.code ?? 0, fault.message ?? `${fault.status}: fake fault`);
    if (fault?.kind === 'hang') {
      this.hung.add(res);
      res.on('close', () => this.hung.delete(res));
      return null;
    }
    if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms));
    const reply = this.route(method, path, query, body, files);
    if (fault?.kind === 'late') await new Promise((r) => setTimeout(r, fault.ms));
    return reply;
  }

  private route(method: string, path: string, query: URLSearchParams, body: any, files: RecordedRequest['files']): RouteReply {
    for (const [m, pattern, handle] of this.routes) {
      if (m !== method) continue;
      const match = pattern.exec(path);
      if (match) return handle(this.ctx, { method, path, params: match.slice(1), query, body, files });
    }
    return discordError(404, 0, '404: Not Found');
  }

  private serveAttachment(path: string, res: ServerResponse): void {
    const id = path.split('/')[3] ?? '';
    const a = this.ctx.state.attachments.get(id);
    if (!a) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': a.contentType, 'content-length': String(a.bytes.byteLength) }).end(a.bytes);
  }

  close(): void {
    for (const r of this.hung) r.destroy();
    this.hung.clear();
  }
}
