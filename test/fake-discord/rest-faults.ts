/**
 * Armed REST faults, matched by method and path before routing: 429 with the real rate-limit
 * headers (discord.js waits on `Retry-After`, never on the body — pitfall 9), any status with a
 * Discord error body (5xx, 403 50013 …), a hang (no answer until the fake stops), a delay
 * before the request is handled, or a late answer (handled at once, answered `ms` later: a slow
 * Discord that did the work, past the client's timeout).
 */
export type RestFault =
  | { kind: '429'; retryAfter: number; global?: boolean; scope?: 'user' | 'shared' | 'global' }
  | { kind: 'status'; status: number; code?: number; message?: string }
  | { kind: 'hang' }
  | { kind: 'delay'; ms: number }
  | { kind: 'late'; ms: number };

export interface RestFaultRule {
  method?: string;
  /** Matched against the decoded path without `/api/v10`; a string matches exactly. */
  path: string | RegExp;
  /** How many matching requests it hits (default 1). */
  times?: number;
  fault: RestFault;
}

export class RestFaults {
  private readonly rules: Array<RestFaultRule & { left: number }> = [];

  inject(rule: RestFaultRule): void {
    this.rules.push({ ...rule, left: rule.times ?? 1 });
  }

  /** The fault for this request, consuming one use; undefined when none is armed. */
  take(method: string, path: string): RestFault | undefined {
    const i = this.rules.findIndex(
      (r) => (!r.method || r.method === method) && (typeof r.path === 'string' ? r.path === path : r.path.test(path)),
    );
    if (i < 0) return undefined;
    const rule = this.rules[i]!;
    if (--rule.left <= 0) this.rules.splice(i, 1);
    return rule.fault;
  }

  clear(): void {
    this.rules.length = 0;
  }
}

/** Headers and body of a 429 as Discord sends them. */
export function rateLimitResponse(f: Extract<RestFault, { kind: '429' }>, bucket: string) {
  const headers: Record<string, string> = {
    'retry-after': String(f.retryAfter),
    'x-ratelimit-limit': '5',
    'x-ratelimit-remaining': '0',
    'x-ratelimit-reset': String(Date.now() / 1000 + f.retryAfter),
    'x-ratelimit-reset-after': String(f.retryAfter),
    'x-ratelimit-bucket': bucket,
    'x-ratelimit-scope': f.scope ?? (f.global ? 'global' : 'user'),
  };
  if (f.global) headers['x-ratelimit-global'] = 'true';
  return { headers, body: { message: 'You are being rate limited.', retry_after: f.retryAfter, global: !!f.global } };
}
