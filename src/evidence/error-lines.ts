/**
 * Provider and OpenClaw error lines in every wrapper of §4.1/§4.2 (OpenClaw 2026.3.13, request id
 * suffix optional since 2026.3.28): `run error: …` (TUI), `HTTP <code> <type>: …`,
 * `HTTP <code>: <type>: …`, `LLM error <type>: …`, `LLM request rejected: …`, raw SDK JSON bodies
 * (`401 {…}`, `{"error":{…}}`, `Error: 401 Unauthorized` + a JSON line), `⚠️ Agent failed before
 * reply: …`, `All models failed (N): a | b` (one fact per attempt), `status --usage` lines
 * (`Anthropic: HTTP 401 …`), gateway log lines, and OpenClaw's own messages without a wrapper.
 */
import { spanOf, type Parser } from './context.ts';
import { classifyError } from './error-classify.ts';
import type { ErrorWrapper, Fact, FactOf } from './facts.ts';
import type { PreparedLine } from './lines.ts';
import { findJsonBlocks } from './json-blocks.ts';
import { isProbeTableLine } from './probe-table.ts';

type ProviderError = FactOf<'provider_error'>;

interface Parsed {
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
const PLAIN = [
  'No API key found for provider',
  'No credentials found for profile',
  'No API key resolved for provider',
  'No available auth profile',
  'OAuth token refresh failed for',
  'Startup failed: required secrets are unavailable',
  'Missing env var "',
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
];
const WRAPPERS = ['run error: ', 'Agent failed before reply: ', 'All models failed (', 'LLM request rejected: ', 'LLM error ', 'HTTP '];
const REASONS = /\((auth|auth_permanent|billing|rate_limit|overloaded|timeout|format|model_not_found|session_expired|unknown)\)$/;
const LOG_LINE = /^(?:\d{4}-\d\d-\d\d[T ][\d:.]{5,15}Z?|\d\d:\d\d:\d\d(?:\.\d{1,3})?)\s/;

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

function rawJson(text: string, status?: number): Parsed | null {
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
  if (PLAIN.some((p) => s.includes(p))) return withRequestId({ wrapper: 'plain', message: s.replace(/^Error: /, '') });
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

/** Where in the line an error starts (handles `#run error:`, prose before it, log prefixes). */
function errorStart(text: string): number {
  let best = -1;
  const consider = (i: number): void => {
    if (i >= 0 && (best < 0 || i < best)) best = i;
  };
  for (const w of WRAPPERS) {
    const i = w === 'HTTP ' ? text.search(/HTTP \d{3}\b/) : text.indexOf(w);
    consider(w === 'Agent failed before reply: ' && i >= 0 ? text.lastIndexOf('⚠', i) >= 0 ? text.lastIndexOf('⚠', i) : i : i);
  }
  const json = text.search(/(?:\d{3} )?\{\s*"(?:type|error)"/);
  consider(json);
  if (/^Error: \d{3} /.test(text)) consider(0);
  if (best < 0) {
    for (const p of PLAIN) consider(text.indexOf(p));
    // A known message names its subject first (`⚠️ anthropic (m) returned…`, `Model "x" is not…`):
    // read from the sentence start when nothing but that subject precedes the anchor.
    if (best > 0 && /^(?:⚠️|⚠)?[^.:!?。：]{0,120}$/.test(text.slice(0, best))) best = 0;
  }
  return best;
}

/** Drops what a sentence wrapped around a quoted error left at its end: `".`, `).`, `"`. */
function tidy(message: string): string {
  let m = message.trim();
  for (let k = 0; k < 3; k++) {
    const before = m;
    if (m.endsWith('.') && /["')]\.$/.test(m)) m = m.slice(0, -1);
    const opens = (ch: string): number => m.split(ch).length - 1;
    if (m.endsWith(')') && opens('(') < opens(')')) m = m.slice(0, -1);
    if ((m.endsWith('"') || m.endsWith('”')) && opens('"') % 2 === 1) m = m.slice(0, -1);
    if (m === before) break;
  }
  return m.trim();
}

function toFact(p: Parsed, first: PreparedLine, last: PreparedLine, ctx: { messageId: string }): ProviderError {
  p.message = tidy(p.message);
  const c = classifyError(p.message, p.errorType, p.httpStatus);
  const fact: ProviderError = { kind: 'provider_error', source: spanOf(ctx, first, last), confidence: 1, code: c.code, wrapper: p.wrapper, message: p.message };
  if (p.httpStatus !== undefined) fact.httpStatus = p.httpStatus;
  if (p.errorType) fact.errorType = p.errorType;
  if (p.requestId) fact.requestId = p.requestId;
  const provider = p.provider ?? c.provider;
  if (provider) fact.provider = provider;
  const model = p.model ?? c.model;
  if (model) fact.model = model;
  if (c.profileId) fact.profileId = c.profileId;
  if (c.agentId) fact.agentId = c.agentId;
  if (c.storePath) fact.storePath = c.storePath;
  if (c.variable) fact.variable = c.variable;
  if (p.failoverReason) fact.failoverReason = p.failoverReason;
  if (p.truncated || c.truncated) {
    fact.truncated = true;
    fact.confidence = 0.8;
  }
  if (c.code === 'unknown') fact.confidence = Math.min(fact.confidence, 0.6);
  return fact;
}

const USAGE = /^(Anthropic|Claude|OpenAI|Codex|Gemini|Google|Copilot|MiniMax|z\.ai|[A-Z][A-Za-z]{1,20})(?: \([^)]{0,40}\))?: (HTTP \d{3}.*|Token expired)$/;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isErrorBody = (v: unknown): boolean =>
  isObj(v) && (isObj(v.error) || (typeof v.type === 'string' && /error$/.test(v.type) && typeof v.message === 'string'));

/**
 * JSON objects in the paste: pretty-printed error bodies become facts here; the lines of any other
 * object (a `models status --json` with an `error` field inside) are not read as error lines.
 */
function jsonBlocks(lines: readonly PreparedLine[], ctx: { messageId: string }, facts: Fact[]): Set<number> {
  const skip = new Set<number>();
  for (const block of findJsonBlocks(lines)) {
    if (isErrorBody(block.value)) {
      if (block.first === block.last) continue;
      const p = rawJson(JSON.stringify(block.value));
      if (p) facts.push(toFact(p, lines[block.first] as PreparedLine, lines[block.last] as PreparedLine, ctx));
    }
    for (let i = block.first; i <= block.last; i++) skip.add(i);
  }
  return skip;
}

/** Reads every error line; `All models failed` gives one fact per attempt. */
export const parseErrorLines: Parser = (lines, ctx) => {
  const facts: Fact[] = [];
  const inJson = jsonBlocks(lines, ctx, facts);
  for (let i = 0; i < lines.length; i++) {
    if (inJson.has(i)) continue;
    const line = lines[i] as PreparedLine;
    const text = line.text.trim();
    if (text === '' || text.length > 2000 || isProbeTableLine(text) || /^[│┃]/.test(text)) continue;
    const usage = USAGE.exec(text);
    if (usage) {
      const inner = unwrapError(usage[2] as string);
      const p: Parsed = inner && !Array.isArray(inner) ? inner : { wrapper: 'usage', message: usage[2] as string };
      p.wrapper = 'usage';
      if (/^(Anthropic|Claude)$/.test(usage[1] as string)) p.provider = 'anthropic';
      facts.push(toFact(p, line, line, ctx));
      continue;
    }
    const start = errorStart(text);
    if (start < 0) continue;
    const isLog = LOG_LINE.test(text) || text.includes('embedded run ');
    const parsed = unwrapError(text.slice(start));
    if (!parsed) continue;
    let last = line;
    let list = Array.isArray(parsed) ? parsed : [parsed];
    // `Error: 401 Unauthorized` followed by the JSON body (a cron run's log, seed 004).
    const next = lines[i + 1];
    if (!Array.isArray(parsed) && parsed.httpStatus && parsed.wrapper === 'plain' && next && next.text.trim().startsWith('{')) {
      const body = rawJson(next.text.trim(), parsed.httpStatus);
      if (body) {
        list = [body];
        last = next;
        i++;
      }
    }
    for (const p of list) {
      if (isLog) {
        p.wrapper = 'log';
        const fields = /\bprovider=([\w.-]{1,64})(?:\/(\S{1,100}))?/.exec(text);
        if (fields && !p.provider) p.provider = fields[1] as string;
        const model = /\bmodel=(\S{1,100})/.exec(text);
        if (model && !p.model) p.model = model[1] as string;
      }
      facts.push(toFact(p, line, last, ctx));
    }
  }
  return facts;
};
