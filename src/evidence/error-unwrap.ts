/**
 * Unwrapping one error text from the wrappers of §4.1/§4.2 (OpenClaw 2026.3.13): `run error:`,
 * `⚠️ Agent failed before reply:`, `All models failed (N): a | b`, `LLM request rejected:`,
 * `LLM error <type>:`, `HTTP <code> <type>:` / `HTTP <code>: <type>:` with an optional
 * `(request_id: …)` (raw `req_…` or `sha256:`; dropped since 2026.3.28), raw SDK JSON bodies, and
 * OpenClaw's own messages without a wrapper. Bounded regexes and a recursion depth cap of 4.
 */
import type { ErrorWrapper, FactOf } from './facts.ts';

type ProviderError = FactOf<'provider_error'>;

export interface Parsed {
  wrapper: ErrorWrapper;
  message: string;
  httpStatus?: number;
  errorType?: string;
  requestId?: ProviderError['requestId'];
  truncated?: boolean;
  provider?: string;
  model?: string;
  failoverReason?: string;
}

/** OpenClaw/provider messages that are evidence even without a wrapper. */
export const PLAIN = [
  'No API key found for provider',
  'No credentials found for profile',
  'No API key resolved for provider',
  'No available auth profile',
  'OAuth token refresh failed for',
  'Startup failed: required secrets are unavailable',
  'Missing env var "',
  '" is missing or empty',
  'Expected token starting with sk-ant-oat01-',
  'Token looks too short; paste the full setup-token',
  'The AI service is temporarily overloaded',
  'API rate limit reached',
  'returned a billing error',
  'This credential is only authorized for use with Claude Code',
  'Your credit balance is too low',
  'Extra usage is required',
  "You're out of extra usage",
  'Third-party apps now draw from your extra usage',
  'gateway closed with code 4014',
  'Discord bot token missing for account',
  'getMe failed',
  'No auth configured for provider',
  'Unknown model: ',
  'Model not found: ',
  'Authentication service is temporarily unavailable',
  'is not allowed. Use /models',
  // ≥6.x chat copy and the strings real reports quote in prose (issue 14).
  'OAuth session expired and could not be refreshed',
  'Not logged in · Please run /login',
  'Model login expired on the gateway',
  'Authentication failed (provider returned HTTP 401)',
  "Couldn't sign in to ",
  'Something went wrong while processing your request',
  'Missing API key for ',
  'refresh_token_reused',
  'refresh_token_invalidated',
  'Token refresh failed',
  'out of extra usage',
  'reached your specified API usage limits',
  'is temporarily unavailable for',
  'Missing Authentication header',
  'Invalid Authentication',
  'Missing bearer or basic authentication',
  'x-api-key header is required',
  'API key is invalid',
  'OAuth authentication is currently not supported',
  'You need to sign in to use this model',
  'required secrets are unavailable',
  'API keys are not supported by this API',
  'Missing scopes: ',
  'has billing issue',
  'has auth issue',
  'code: token_expired',
  'Codex app-server auth profile',
  'Unknown provider "',
  'The selected auth profile is unavailable',
  'Codex subscription auth profile could not produce login credentials',
  'API_KEY_INVALID',
  'API key not valid',
  'temporarily overloaded',
  'required-secrets startup',
  'No API key found',
  'No route-compatible authentication source',
  'Explicit auth order for',
  'No usable api-key authentication',
  'intents:content=limited',
  'intents:content=disabled',
  '"loggedIn": false',
  "isn't accepting your saved login",
  'looks like a billing issue on the account',
  "Couldn't reach ",
];
/** True when `text` contains one of `needles` (a loop, not a closure per call). */
function includesAny(text: string, needles: readonly string[]): boolean {
  for (const needle of needles) if (text.includes(needle)) return true;
  return false;
}
const WRAPPERS = ['run error: ', 'Agent failed before reply: ', 'All models failed (', 'LLM request rejected: ', 'LLM error ', 'HTTP '];
const REASONS = /\((auth|auth_permanent|billing|rate_limit|overloaded|timeout|format|model_not_found|session_expired|unknown)\)$/;

function requestIdOf(p: Parsed): void {
  const at = p.message.lastIndexOf(' (request_id: ');
  if (at < 0) return;
  const tail = p.message.slice(at + 14);
  p.message = p.message.slice(0, at);
  const closed = tail.endsWith(')');
  const id = closed ? tail.slice(0, -1).trim() : tail.trim();
  if (closed && /^sha256:[0-9a-f]{6,64}$/.test(id)) p.requestId = { form: 'sha256', value: id };
  else if (closed && /^req_[\w-]{4,80}$/.test(id)) p.requestId = { form: 'raw', value: id };
  else if (!closed) p.truncated = true;
}

function fromJson(text: string): { type?: string; message?: string; requestId?: string } | null {
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch {
    const type = /"type"\s*:\s*"([a-z_]{1,60}_error)"/.exec(text);
    const message = /"message"\s*:\s*"((?:[^"\\]|\\.){0,600})"/.exec(text);
    if (!type && !message) return null;
    return { ...(type ? { type: type[1] } : {}), ...(message ? { message: message[1] } : {}) };
  }
  if (typeof obj !== 'object' || obj === null) return null;
  const o = obj as Record<string, unknown>;
  const inner = typeof o.error === 'object' && o.error !== null ? (o.error as Record<string, unknown>) : o;
  const type = typeof inner.type === 'string' ? inner.type : undefined;
  const message = typeof inner.message === 'string' ? inner.message : undefined;
  if (!message && !(type && /_error$/.test(type))) return null;
  const requestId = typeof o.request_id === 'string' ? o.request_id : undefined;
  return { ...(type ? { type } : {}), ...(message ? { message } : {}), ...(requestId ? { requestId } : {}) };
}

export function rawJson(text: string, status?: number): Parsed | null {
  const j = fromJson(text);
  if (!j) return null;
  const p: Parsed = { wrapper: 'raw_json', message: j.message ?? j.type ?? '' };
  if (status) p.httpStatus = status;
  if (j.type && j.type !== 'error') p.errorType = j.type;
  if (j.requestId) p.requestId = { form: j.requestId.startsWith('sha256:') ? 'sha256' : 'raw', value: j.requestId };
  return p;
}

/** Unwraps one error text; null when it is not one. */
export function unwrapError(input: string, depth = 0): Parsed | Parsed[] | null {
  const s = input.trim();
  if (depth > 4 || s === '') return null;
  if (s.startsWith('run error: ')) return rewrap(unwrapError(s.slice(11), depth + 1) ?? { wrapper: 'plain', message: s.slice(11).trim() }, 'run_error');
  const agent = /^(?:⚠️|⚠)?\s*Agent failed before reply: (.*)$/.exec(s);
  if (agent) {
    const body = (agent[1] as string).replace(/\.?\s*Logs: openclaw logs --follow$/, '').replace(/\.$/, '');
    return rewrap(unwrapError(body, depth + 1) ?? { wrapper: 'plain', message: body }, 'agent_failed');
  }
  const all = /^All models failed \((\d{1,3})\): (.*)$/.exec(s);
  if (all) return attempts(all[2] as string, depth);
  if (s.startsWith('LLM request rejected: ')) return { wrapper: 'llm_rejected', message: s.slice(22).trim() };
  const llm = /^LLM error ([\w-]{1,60}): (.*)$/.exec(s);
  if (llm) return withRequestId({ wrapper: 'llm_error', errorType: llm[1] as string, message: llm[2] as string });
  const http = /^HTTP (\d{3})(:?) (.*)$/.exec(s);
  if (http) {
    const status = Number(http[1]);
    if (status < 400) return null;
    const rest = http[3] as string;
    if (rest.startsWith('{')) return rawJson(rest, status) ?? { wrapper: 'http', httpStatus: status, message: rest };
    const typed = /^([a-z]{2,30}(?:_[a-z]{2,30}){1,4}): (.*)$/.exec(rest);
    const p: Parsed = { wrapper: http[2] ? 'http_colon' : 'http', httpStatus: status, message: typed ? (typed[2] as string) : rest };
    if (typed) p.errorType = typed[1] as string;
    return withRequestId(p);
  }
  const json = /^(\d{3}) (\{.*\})$/.exec(s);
  if (json) return rawJson(json[2] as string, Number(json[1]));
  if (s.startsWith('{') && s.endsWith('}')) return rawJson(s);
  const cliError = /^Error: (\d{3}) ([A-Za-z][\w ]{0,40})$/.exec(s);
  if (cliError) return { wrapper: 'plain', httpStatus: Number(cliError[1]), message: cliError[2] as string };
  if (includesAny(s, PLAIN)) return withRequestId({ wrapper: 'plain', message: s.replace(/^Error: /, '') });
  return null;
}

function withRequestId(p: Parsed): Parsed {
  requestIdOf(p);
  return p;
}

function rewrap(p: Parsed | Parsed[], wrapper: ErrorWrapper): Parsed | Parsed[] {
  if (Array.isArray(p)) return p;
  return { ...p, wrapper };
}

function attempts(body: string, depth: number): Parsed[] {
  const out: Parsed[] = [];
  for (const part of body.split(' | ')) {
    const m = /^([\w.-]{1,64})\/([^:\s]{1,100}): (.*)$/.exec(part.trim());
    let text = m ? (m[3] as string) : part.trim();
    const reason = REASONS.exec(text);
    if (reason) text = text.slice(0, reason.index).trim();
    const inner = unwrapError(text, depth + 1);
    const p: Parsed = !inner || Array.isArray(inner) ? { wrapper: 'plain', message: text } : inner;
    p.wrapper = 'all_models_failed';
    if (m) {
      p.provider = m[1] as string;
      p.model = m[2] as string;
    }
    if (reason) p.failoverReason = reason[1] as string;
    out.push(p);
  }
  return out;
}

/** The earlier of two positions, -1 meaning none. */
const earlier = (best: number, i: number): number => (i >= 0 && (best < 0 || i < best) ? i : best);

/** Where in the line an error starts (handles `#run error:`, prose before it, log prefixes). */
export function errorStart(text: string): number {
  let best = -1;
  for (const w of WRAPPERS) {
    const i = w === 'HTTP ' ? text.search(/HTTP \d{3}\b/) : text.indexOf(w);
    best = earlier(best, w === 'Agent failed before reply: ' && i >= 0 ? text.lastIndexOf('⚠', i) >= 0 ? text.lastIndexOf('⚠', i) : i : i);
  }
  const json = text.search(/(?:\d{3} )?\{\s*"(?:type|error)"/);
  best = earlier(best, json);
  if (/^Error: \d{3} /.test(text)) best = earlier(best, 0);
  if (best < 0) {
    for (const p of PLAIN) best = earlier(best, text.indexOf(p));
    // A known message names its subject first (`⚠️ anthropic (m) returned…`, `Model "x" is not…`):
    // read from the sentence start when nothing but that subject precedes the anchor.
    if (best > 0 && /^(?:⚠️|⚠)?[^.:!?。：]{0,120}$/.test(text.slice(0, best))) best = 0;
  }
  return best;
}
