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
import { errorStart, rawJson, unwrapError, type Parsed } from './error-unwrap.ts';
import type { Fact, FactOf } from './facts.ts';
import type { PreparedLine } from './lines.ts';
import { findJsonBlocks } from './json-blocks.ts';
import { isProbeTableLine } from './probe-table.ts';

type ProviderError = FactOf<'provider_error'>;

const LOG_LINE = /^(?:\d{4}-\d\d-\d\d[T ][\d:.]{5,15}Z?|\d\d:\d\d:\d\d(?:\.\d{1,3})?)\s/;

/** How many times `ch` occurs in `text`. */
function count(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

/** Drops what a sentence wrapped around a quoted error left at its end: `".`, `).`, `"`. */
function tidy(message: string): string {
  let m = message.trim();
  for (let k = 0; k < 3; k++) {
    const before = m;
    if (m.endsWith('.') && /["')]\.$/.test(m)) m = m.slice(0, -1);
    if (m.endsWith(')') && count(m, '(') < count(m, ')')) m = m.slice(0, -1);
    if ((m.endsWith('"') || m.endsWith('”')) && count(m, '"') % 2 === 1) m = m.slice(0, -1);
    if (m === before) break;
  }
  return m.trim();
}

function toFact(p: Parsed, first: PreparedLine, last: PreparedLine, ctx: { messageId: string }): ProviderError {
  p.message = tidy(p.message);
  // The plans & billing card and `status --usage` probe usage, not chat (§10: `user:profile` scope).
  if (/scope requirement user:profile/.test(p.message)) p.wrapper = 'usage';
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

/** Cheap first look: a line without any of these cannot hold an error this parser reads. */
const MAYBE_ERROR =
  /error|failed|HTTP \d|LLM |\{\s*"(?:type|error)"|No API key|No credentials|No available|OAuth token|Missing env|Expected token|Token looks|temporarily|rate limit|billing|authorized|credit balance|xtra usage|4014|token missing|getMe|No auth configured|Unknown model|Model not found|not allowed|Token expired|expired|logged in|went wrong|sign in|Missing|refresh_token|refresh failed|unavailable|Invalid Auth|invalid|not supported|extra usage|usage limits|billing issue|scopes|intents:content|token_expired|API_KEY_INVALID|not valid|overloaded|required-secrets|route-compatible|auth order|usable api-key|Codex|Unknown provider|is missing or empty/;

const USAGE = /^(Anthropic|Claude|OpenAI|Codex|Gemini|Google|Copilot|GitHub Copilot|MiniMax|z\.ai|Zai|OpenRouter|Moonshot|Kimi)(?: \([^)]{0,40}\))?: (HTTP \d{3}.*|Token expired)$/;

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
    // A one-line object inside a sentence (`Token refresh failed: 401 { "code": … }`) leaves the sentence readable.
    if (block.first === block.last && !(lines[block.first] as PreparedLine).text.trimStart().startsWith('{')) continue;
    for (let i = block.first; i <= block.last; i++) skip.add(i);
  }
  return skip;
}

/** A tool's, a skill's or memory search's own key (web_search, embeddings): never the model's. */
const TOOL_CONTEXT = /\bweb[_ ]search\b|\bskills?\.entries\b|\bmemory (?:status|search)\b|\bembeddings?\b/i;
/** The usage card / `status --usage` probe named around an error: its 401/403/429 are the probe's. */
const USAGE_CONTEXT = /\busage (?:info|information|card|fetch|probe|dashboard|line)\b|\bplans & billing\b|\bstatus --usage\b/i;
/** A chat channel's bot token (Telegram, Slack): its 401s are the channel's, not the model's. */
const CHANNEL_CONTEXT = /\b(?:telegram|slack)\b[^\n]{0,80}\b(?:401|unauthori[sz]ed|bot token)|\b(?:deleteWebhook|setMyCommands|sendMessage)\b/i;
const KEYLESS_CODES = new Set(['provider_key_invalid', 'invalid_api_key', 'authentication_error', 'no_api_key', 'unknown', 'permission_error']);

/**
 * Drops error facts a look-alike explains (corpus negatives): a tool's, skill's or embedding's
 * key in a message about them, and a bare 401 in a message about a channel's bot token.
 */
function withoutLookalikes(facts: Fact[], lines: readonly PreparedLine[]): Fact[] {
  const errors = facts.filter((f): f is ProviderError => f.kind === 'provider_error');
  if (errors.length === 0) return facts;
  // The context looks are whole-message regex scans: each runs only when a fact could change by it.
  const readable = lines.filter((l) => l.text.length <= 4000);
  const probed = errors.filter((f) => [401, 403, 429].includes(f.httpStatus ?? 0) && f.wrapper !== 'run_error');
  if (probed.length > 0 && readable.some((l) => USAGE_CONTEXT.test(l.text))) {
    for (const f of probed) f.wrapper = 'usage';
  }
  const droppable = errors.filter((f) => f.wrapper !== 'agent_failed' && f.wrapper !== 'run_error');
  const tool = droppable.some((f) => KEYLESS_CODES.has(f.code)) && readable.some((l) => TOOL_CONTEXT.test(l.text));
  const channel =
    droppable.some((f) => !f.provider && (f.code === 'authentication_error' || f.code === 'unknown')) &&
    readable.some((l) => CHANNEL_CONTEXT.test(l.text));
  if (!tool && !channel) return facts;
  return facts.filter((f) => {
    if (f.kind !== 'provider_error' || f.wrapper === 'agent_failed' || f.wrapper === 'run_error') return true;
    if (tool && KEYLESS_CODES.has(f.code)) return false;
    return !(channel && !f.provider && (f.code === 'authentication_error' || f.code === 'unknown'));
  });
}

/** Reads every error line; `All models failed` gives one fact per attempt. */
export const parseErrorLines: Parser = (lines, ctx) => withoutLookalikes(readErrorLines(lines, ctx), lines);

function readErrorLines(lines: readonly PreparedLine[], ctx: { messageId: string }): Fact[] {
  const facts: Fact[] = [];
  const inJson = jsonBlocks(lines, ctx, facts);
  for (let i = 0; i < lines.length; i++) {
    if (inJson.has(i)) continue;
    const line = lines[i] as PreparedLine;
    const text = line.text.trim();
    if (text === '' || text.length > 2000 || /^[│┃]/.test(text) || !MAYBE_ERROR.test(text) || isProbeTableLine(text)) continue;
    const usage = USAGE.exec(text);
    if (usage) {
      const inner = unwrapError(usage[2] as string);
      const p: Parsed = inner && !Array.isArray(inner) ? inner : { wrapper: 'usage', message: usage[2] as string };
      p.wrapper = 'usage';
      if (/^(Anthropic|Claude)$/.test(usage[1] as string)) p.provider = 'anthropic';
      facts.push(toFact(p, line, line, ctx));
      continue;
    }
    // A `channels status` account line (`- Discord default: …, intents:content=disabled`) is its parser's.
    if (text.startsWith('- ') && text.includes('intents:content=')) continue;
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
}
