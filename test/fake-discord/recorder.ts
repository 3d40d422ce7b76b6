/**
 * Records every REST request the fake receives, for assertions. Retention can be switched off
 * (the bench does, pitfall 22): counters keep running, bodies are dropped.
 */

/** One REST request as the fake saw it. `path` is URL-decoded and has the `/api/v10` prefix removed. */
export interface RecordedRequest {
  seq: number;
  method: string;
  path: string;
  query: URLSearchParams;
  /** Parsed JSON body, or `payload_json` of a multipart body; null when there was none. */
  body: any;
  /** Files of a multipart body (`files[n]`), with their bytes. */
  files: Array<{ field: string; name: string; bytes: Uint8Array }>;
  authorization: string | undefined;
  /** The status the fake answered (a fault's 429/5xx too); 0 while a hung request is pending. */
  status: number;
  /** ms since epoch when the request arrived. */
  at: number;
}

export type RequestListener = (r: RecordedRequest) => void;

export class Recorder {
  /** When false, requests are counted but not kept. */
  retain = true;
  count = 0;
  private readonly list: RecordedRequest[] = [];
  private readonly listeners = new Set<RequestListener>();

  add(r: Omit<RecordedRequest, 'seq'>): RecordedRequest {
    const rec = { ...r, seq: ++this.count };
    if (this.retain) this.list.push(rec);
    return rec;
  }

  /** Tell listeners a request was answered (its `status` is final). */
  settled(r: RecordedRequest): void {
    for (const l of this.listeners) l(r);
  }

  /** Subscribe to answered requests; returns the unsubscribe function. */
  onRequest(l: RequestListener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  /** Recorded requests, optionally filtered by method and a path pattern (string = exact). */
  requests(method?: string, path?: string | RegExp): RecordedRequest[] {
    return this.list.filter(
      (r) =>
        (!method || r.method === method) &&
        (path === undefined || (typeof path === 'string' ? r.path === path : path.test(r.path))),
    );
  }

  clear(): void {
    this.list.length = 0;
  }
}
