/**
 * What real reports say in words around (or instead of) OpenClaw's output: a model-auth failure
 * described in prose ("every call fails with 401", "the API key is rejected"), the look-alikes
 * that are not one (a Telegram bot token, the gateway token, device pairing, a tool's key, a
 * timeout, an unknown model, a config schema error), the Claude CLI runtime, a status view that
 * disagrees with a working model, and a service that does not see a variable. Lines of any
 * length up to 2000 characters, claimed or not; English words only (OpenClaw's strings are
 * English whatever the user writes around them). Bounded regexes: linear time.
 *
 * The readers are one table (RULES): a line is scanned once for the literals each rule's regexes
 * cannot match without (computed from the patterns, src/text/keyword-gate.ts), and only the rules
 * whose literals are there run.
 */
import { keywordGate } from '../text/keyword-gate.ts';
import { spanOf, type Parser } from './context.ts';
import type { Fact, StatementTopic } from './facts.ts';
import type { PreparedLine } from './lines.ts';

const AUTH_WORD =
  /[A-Za-z]*AuthError\b|\b(?:40[13]|402|429|529|unauthori[sz]ed|authenticat\w*|api[ _-]?keys?|oauth|(?:access |bearer |setup-?)?tokens?|logged (?:in|out)|login|credentials?|credits?|quota|billing|auth|rate[- ]limit\w*|subscription|organi[sz]ation|all models failed)\b/i;
/** Also the plain ways people say it: "no api key found", "I get 401", "balance too low", "rate limited". */
const FAIL_WORD =
  /\b(?:fail\w*|errors?|invalid|expired?|reject\w*|missing|not working|(?:does|do|did)n'?t work|does not work|lost|ignored|no longer|stopped|broken|denied|refus\w*|insufficient|returns? (?:a )?40[13]|isn'?t responding|not respond\w*|will not communicate|no [\w ]{0,20}found|not found|too low|ran out|run out|exhausted|exceeded|rate[- ]limited|disabled|suspended|banned|(?:get|gets|got|getting|receiv\w*|throws?) (?:an? |the )?(?:HTTP )?(?:40[1-3]|429|529))\b|报错|错误|失败|问题|无效|过期/i;

/** Look-alikes (corpus negatives), by what they are really about. First match wins. */
const LOOKALIKES: [string, RegExp][] = [
  ['telegram', /\bTelegram\b[^\n]{0,160}\b(?:bot ?token|API|401|unauthori[sz]ed)\b|\b(?:getMe|deleteWebhook|setMyCommands|sendMessage)\b[^\n]{0,80}\b(?:401|unauthori[sz]ed|failed)/i],
  ['slack', /\bslack\b[^\n]{0,80}\b(?:bot token|pairing|allowlist|401)\b|\bchannels\.slack\b/i],
  ['gateway_token', /\bgateway token\b|\bdevice token\b|\bunauthorized: (?:gateway|device)\b|\bcontrol ui\b[^\n]{0,60}\btoken\b/i],
  ['pairing', /\bpairing[- ]required\b|\bnot-paired\b/i],
  ['tool', /\bweb[_ ]search\b|\bskills?\.entries\b|\bmemory (?:status|search)\b|\bembeddings?\b/i],
  ['timeout', /\btimed? ?out\b|\btimeouts?\b|\bECONNRESET\b/i],
  ['model_not_found', /\bunknown model\b|\bmodel not found\b/i],
  ['config_schema', /\bconfig validat\w*\b|\bschema\b[^\n]{0,40}\b(?:changed|error|invalid)\b|\bHTTP 400\b|\b400 invalid_request\b|\bcloudflare\b[^\n]{0,40}\b403\b/i],
];

const CLAUDE_CLI = /\bclaude-cli\b|\bClaude CLI\b|agentRuntime(?:\.id)?["':= ]{1,4}"?claude-cli/i;
const STATUS_VIEW =
  /\b(?:models (?:list|status)|status|auth (?:inspection|status))\b[^\n]{0,160}(?:\bAuth:? ?(?:no|-)|\bmissing\w*|\bexpir\w*|\bindeterminate\b|\bProfiles: \(none\)|\bnot (?:authenticated|configured))|\bexpir(?:ed|ing)\b[^\n]{0,60}\b(?:auth )?status\b/i;
const RUNS_FINE =
  /\b(?:works? (?:fine|at runtime|normally)|execution works|model(?:s)? work|answers|active model path works|succeeded|worked)\b|\b(?:login|credentials?) (?:is|are) (?:valid|fresh)\b|\bsame native login is valid\b|loggedIn"?: true/i;
const SERVICE =
  /\b(?:systemd|launchd|launchctl|docker|container|service|gateway process)\b[^\n]{0,160}\b(?:cannot|can't|does not|doesn't|never|not)\b[^\n]{0,40}\b(?:find|see|read|inherit\w*|reach\w*)\b|\bnot (?:visible|inherited)\b|\benv(?:ironment)? var(?:iable)?s?\b[^\n]{0,200}\b(?:silently )?dropped\b|\bgateway\b[^\n]{0,40}\b(?:cannot|can't|does not|doesn't|never)\b[^\n]{0,20}\b(?:see|read|find|pick up|load)\b[^\n]{0,30}\b[A-Z][A-Z0-9]{1,20}(?:_[A-Z0-9]{1,20}){0,3}_(?:API_KEY|KEY|TOKEN)\b|\.(?:bashrc|zshrc|bash_profile|profile)\b[^\n]{0,80}\b(?:systemd|launchd|service|docker|container)\b|\b(?:systemd|launchd|service|docker|container)\b[^\n]{0,80}\.(?:bashrc|zshrc|bash_profile|profile)\b/i;
const ENV_VAR = /\b([A-Z][A-Z0-9]{1,20}(?:_[A-Z0-9]{1,20}){0,3}_(?:API_KEY|KEY|TOKEN|CREDENTIALS))\b/;
const LOGIN_GONE = /\b(?:token|login|session|oauth|credentials?)\b[^\n]{0,60}\b(?:has |have |had )?(?:expired|logged out|not logged in)\b|\bnot logged in\b|\blogged out\b/i;
const TRUNCATED = /\btoken\b[^\n]{0,60}\b(?:incomplete|truncated|cut off|cut short|line ?break)\b|\b(?:incomplete|truncated)\b[^\n]{0,30}\btoken\b/i;
const CONFIGURED = /(?:\bconfigured\b|\bset up\b|\badded\b|\bentered\b|配置|设置)[^\n]{0,24}?(google|gemini|openai|openrouter|kimi|moonshot|minimax|deepseek[\w-]*)|"requestedProvider"\s*:\s*"([\w.-]{1,40})"/i;
const HAND_EDITED =
  /\b(?:wrote|write|writing|hand-?(?:written|edited)|manually (?:added|edited|wrote|created)|jq edits?|edited)\b[^\n]{0,40}\bauth-profiles\.json\b|\bauth-profiles\.json\b[^\n]{0,40}\b(?:by hand|manually)\b|\bprofile added to [^\n]{0,80}auth-profiles\.json\b/i;
const PROFILES_GONE =
  /\b(?:JSON )?profiles?\b[^\n]{0,40}\b(?:are |were )?(?:ignored|abandoned)\b|\b(?:loses?|lost)\b[^\n]{0,30}\b(?:all )?(?:its |the )?(?:auth )?profiles\b|Profiles: \(none\)|\bzero rows\b|\bno corresponding profile\b|\bprofiles? (?:are|were) (?:gone|missing|not migrated)\b/i;
const ORDER_EXCLUDES = /\bexcluded by [`'"]?auth\.order\b|\bauth\.order\b[^\n]{0,60}\b(?:no longer exist|stale|names? (?:a )?missing)\b/i;
/** A `"baseUrl": "https://…"` of a provider block; the block's name is the nearest `"<name>": {` above it. */
const BASE_URL = /\bbaseUrl\b["`]?\s*(?::|=|\()?\s*["`(]?(https?:\/\/[^"`)\s]{4,300})/;
const BLOCK_NAME = /^\s*"([\w.-]{2,64})"\s*:\s*\{\s*$/;
const OWN_API = /^https:\/\/(?:api\.anthropic\.com|api\.openai\.com|openrouter\.ai|generativelanguage\.googleapis\.com|api\.moonshot\.(?:ai|cn)|api\.minimaxi?\.(?:io|chat|com))(?:\/|$)/;
const UNUSED = /\bno (openai|anthropic|google|gemini|openrouter|moonshot|kimi|minimax)\b[^\n]{0,30}\b(?:model|provider)s?\b[^\n]{0,30}\b(?:is |are )?configured\b|\b(?:don'?t|do not|never) use (openai|anthropic|google|gemini|openrouter|moonshot|kimi|minimax)\b/i;
const OLD_KEY = /\b(?:still (?:sends|uses)|continues to (?:be used|send))\b[^\n]{0,40}\bold key\b|\bold key\b[^\n]{0,40}\b(?:still|continues)\b|\bnew key\b[^\n]{0,60}\bignored\b/i;
const ENV_KEY_SAID = /\b([A-Z][A-Z0-9]{1,20}_API_KEY)\b[`'"]?\s*\(?(?:env(?:ironment)? var(?:iable)?|from (?:the )?env)/;
const WORKS_DIRECTLY =
  /\b(?:same )?(?:api )?key\b[^\n]{0,60}\b(?:works?|is (?:fully )?(?:valid|functional|usable))\b[^\n]{0,60}\b(?:directly|direct|curl|elsewhere|other tools?|official)\b|\b(?:key|密钥|API ?Key)[^\n]{0,6}(?:是可用的|没问题|可用)|在别的工具上可以调用/i;
const DM_PAIRING = /\bdiscord\b[^\n]{0,80}\bDMs?\b[^\n]{0,80}\bpairing code\b|\bNo pending pairing request found\b|\bpairing approve discord\b/i;
const CUSTOM_STATE_DIR = /\b(?:custom|own|separate|non-default|different)\b[^\n]{0,20}`?OPENCLAW_(?:STATE_DIR|CONFIG_PATH|HOME)\b|\bOPENCLAW_(?:STATE_DIR|CONFIG_PATH|HOME)=(?!~?\/?\.openclaw\b)\S/;
/** "after upgrading to 2026.6.11", "since the update to …", "I upgraded to 2026.8.2" / "updated to the latest" (the bare verb only with a version or `latest`). */
const UPGRADED =
  /\b(?:(?:after|since) (?:upgrading|updating|the (?:upgrade|update))(?: from \S{1,30})? to (?:OpenClaw )?`?(?:v?(20\d\d\.\d{1,2}\.\d{1,2}))?|(?:upgraded|updated)(?: openclaw)?(?: from \S{1,30})? to (?:(?:OpenClaw )?`?v?(20\d\d\.\d{1,2}\.\d{1,2})|the (?:latest|newest)\b))/i;
/** A fresh login written under another profile than the one in use: "persists the new credentials under profile ID `openai-codex:<email>` rather than updating `openai-codex:default`". */
const SAVED_ELSEWHERE =
  /\b(?:persist\w*|sav\w*|stor\w*|writ\w*|wrote)\b[^\n]{0,60}\bunder (?:the |a )?(?:new |another |different )?(?:auth )?profile(?: ?id| ID)? [`'"]?([a-z][\w-]{1,40}:[^\s`'",]{1,80})[`'"]?[^\n]{0,20}\b(?:rather than|instead of)\b/i;
/** The user says the store file holds the credential: "despite valid OAuth tokens in auth-profiles.json", "auth-profiles.json contains valid OAuth tokens". */
const STORE_HOLDS =
  /\b(?:despite|although|even though|but)\b[^\n]{0,30}?\b(?:valid |working )?(?:oauth |api |setup[ -]?)?(keys?|tokens?)\b[^\n]{0,15}\bin [`'"]?(?:[~\w./-]*\/)?auth-profiles\.json\b|\bauth-profiles\.json[`'"]? (?:contains|has|holds)\b[^\n]{0,20}?\b(keys?|tokens?)\b/i;
/** The auth order the user set does not stick ("order is reverted to the previous in-memory state", "auth order … gets overwritten"). */
const ORDER_NOT_KEPT = /\b(?:auth )?order\b[^\n]{0,30}?\b(?:is|gets|got|was|keeps getting) (?:reverted|overwritten|reset)\b|\border set\b[^\n]{0,80}\b(?:overwrites?|reverts?) it\b/i;
/** The user says Message Content Intent is already on ("even when the Message Content Intent is enabled in the Discord Developer Portal"). */
const INTENT_ON = /\bMessage Content Intent\b (?:is |was )?(?:already )?(?:enabled|turned on|on)\b|\b(?:i |we )?(?:already )?(?:enabled|turned on)\b (?:the )?Message Content Intent\b/i;
/** It worked on an older release and fails on a newer one: "Worked on 2026.4.5 - Fails on 2026.4.10", "works after downgrading to 2026.6.1". */
const REGRESSION =
  /\bworked (?:fine |well )?(?:on|in|with) (?:OpenClaw )?`?v?20\d\d\.\d{1,2}\.\d{1,2}\b[^\n]{0,40}\bfail\w* (?:on|in|with|after)\b|\b(?:after|by|when) (?:downgrading|reverting|rolling back)\b|\b(?:downgrad\w*|revert\w*|roll\w* back) to (?:OpenClaw )?`?v?20\d\d\.\d{1,2}\.\d{1,2}\b[^\n]{0,60}\b(?:works?|restores?|fix\w*|resolves?)\b/i;
const WORKS_ELSEWHERE =
  /\bworks? (?:in|from|with) (?:the )?(?:interactive|main|terminal|tui|cli|chat)\b[^\n]{0,80}\b(?:but|while)\b[^\n]{0,60}\b(?:fails?|not|doesn'?t)\b|\bworks? in (?:the )?terminal\b[^\n]{0,40}\bnot in\b|\b(?:in|from) (?:the )?(?:terminal|tui|cli|shell)\b[^\n]{0,40}\b(?:works?|working|is fine)\b[^\n]{0,40}\bbut\b[^\n]{0,60}\b(?:discord|telegram|slack|whatsapp|cron|service|the bot)\b|\bworks? (?:in|from) (?:the )?(?:terminal|tui|cli|shell)\b[^\n]{0,40}\bbut\b[^\n]{0,20}\b(?:in|from|on|with) (?:the )?(?:discord|telegram|slack|whatsapp|cron|service|bot)\b/i;

/** Providers as prose names them: model refs, key prefixes, env var names, base URLs (first match wins). */
const PROVIDER_HINTS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/\b(anthropic|openai-codex|openai|google-gemini-cli|google-vertex|google|openrouter|moonshot|kimi(?:-coding)?|minimax(?:-portal)?|github-copilot|claude-cli|ollama|litellm|deepseek|zai|xai|mistral|groq)\/[\w.:-]{2,}/i, (m) => (m[1] as string).toLowerCase()],
  [/\bsk-ant-/, () => 'anthropic'],
  [/\bsk-or-/, () => 'openrouter'],
  [/\bsk-proj-/, () => 'openai'],
  [/\bAIza[\w-]{6}/, () => 'google'],
  [/\bsk-kimi-/, () => 'moonshot'],
  [/\b(ANTHROPIC|OPENAI|OPENROUTER|GEMINI|GOOGLE|MOONSHOT|KIMI|MINIMAX)_API_KEY\b/, (m) => ({ GEMINI: 'google', KIMI: 'moonshot' })[m[1] as string] ?? (m[1] as string).toLowerCase()],
  [/\bapi\.anthropic\.com\b/, () => 'anthropic'],
  [/\bopenrouter\.ai\b/, () => 'openrouter'],
  [/\bapi\.openai\.com\b/, () => 'openai'],
  [/\bgenerativelanguage\.googleapis\.com\b/, () => 'google'],
  [/\bapi\.moonshot\.(?:ai|cn)\b|\bplatform\.moonshot\.cn\b/, () => 'moonshot'],
  [/\bapi\.minimaxi?\.(?:io|chat|com)\b/, () => 'minimax'],
  // A provider named with what it authenticates ("Anthropic auth works", "my OpenRouter login"): a word users write, not only a ref.
  [/\b(anthropic|openai|openrouter|moonshot|minimax|deepseek|gemini)(?:'s)? (?:auth|login|oauth|subscription)\b/i, (m) => ((m[1] as string).toLowerCase() === 'gemini' ? 'google' : (m[1] as string).toLowerCase())],
  // A provider named as one ("a provider (e.g., litellm)", "the litellm provider"): names no other word shares.
  [/\bprovider\b[^\n]{0,12}?\b(litellm|openrouter|ollama|deepseek|groq|mistral|vllm)\b|\b(litellm|openrouter|ollama|deepseek|groq|mistral|vllm) provider\b/i, (m) => ((m[1] ?? m[2]) as string).toLowerCase()],
];

const PROFILE_ID = /\b((?:anthropic|openai|openai-codex|google|openrouter|moonshot|minimax):[\w*@.-]{1,64})/;

const LOCAL_URL = /^https?:\/\/(?:127\.|localhost)/;
const NOT_ENABLED = /\b(?:not|n't|never)\b[^\n]{0,30}\b(?:enabled|turned on)\b/i;
const CRON = /\bcron(?: ?jobs?| runs?)?\b/i;

/** A provider word as a provider id. */
const providerId = (word: string): string => word.toLowerCase().replace(/^gemini$/, 'google').replace(/^kimi$/, 'moonshot');

/** One reader of a topic: the first line it matches gives the topic's fact. */
interface ProseRule {
  topic: StatementTopic;
  re: RegExp;
  /** A second regex the line must match too. */
  and?: RegExp;
  /** The line must not match this (a negation near the words). */
  unless?: RegExp;
  /** Only the user's words: not read on a line that holds an error fact already (a quoted error). */
  said?: true;
  /** Only lines longer than this. */
  longerThan?: number;
  /** The text `re` reads instead of the line, and the literals that change may bring into it. */
  on?: { text: (t: string) => string; literals: string[] };
  /** The fact's value from the match (`block`: the JSON block the line is in); false: no fact after all. */
  value?: (m: RegExpExecArray, block: string | undefined) => string | undefined | false;
}

/** The readers, in the order their facts are listed when found on the same line. First match of a topic wins. */
const RULES: readonly ProseRule[] = [
  { topic: 'auth_symptom', re: AUTH_WORD, and: FAIL_WORD, said: true },
  ...LOOKALIKES.map(([subject, re]): ProseRule => ({ topic: 'lookalike', re, said: true, value: () => subject })),
  { topic: 'claude_cli_route', re: CLAUDE_CLI },
  // A profile id quoted by an error ('for profile "…"') is not one the user has.
  { topic: 'stored_profile', re: PROFILE_ID, on: { text: (t) => (t.includes('for profile "') ? t.replace(/for profile "[^"]{0,80}"/g, '') : t), literals: ['for profile "'] }, value: (m) => m[1] },
  { topic: 'service_env', re: SERVICE, value: (m) => ENV_VAR.exec(m.input)?.[1] },
  { topic: 'login_gone_said', re: LOGIN_GONE, said: true },
  { topic: 'token_truncated', re: TRUNCATED },
  { topic: 'configured_provider', re: CONFIGURED, value: (m) => providerId((m[1] ?? m[2]) as string) },
  { topic: 'store_hand_edited', re: HAND_EDITED },
  { topic: 'provider_unused', re: UNUSED, value: (m) => providerId((m[1] ?? m[2]) as string) },
  { topic: 'old_key_used', re: OLD_KEY },
  { topic: 'key_works_elsewhere', re: WORKS_DIRECTLY },
  { topic: 'cron_job', re: CRON, longerThan: 200 },
  { topic: 'env_key_said', re: ENV_KEY_SAID, value: (m) => m[1] },
  { topic: 'dm_not_working', re: DM_PAIRING },
  { topic: 'order_excludes', re: ORDER_EXCLUDES },
  { topic: 'custom_base_url', re: BASE_URL, value: (m, block) => !OWN_API.test(m[1] as string) && !LOCAL_URL.test(m[1] as string) && block },
  { topic: 'profiles_gone', re: PROFILES_GONE },
  { topic: 'works_elsewhere', re: WORKS_ELSEWHERE },
  { topic: 'custom_state_dir', re: CUSTOM_STATE_DIR },
  { topic: 'upgraded', re: UPGRADED, value: (m) => m[1] ?? m[2] },
  { topic: 'login_saved_elsewhere', re: SAVED_ELSEWHERE, value: (m) => m[1] },
  { topic: 'store_holds_key', re: STORE_HOLDS, value: (m) => (/^token/i.test((m[1] ?? m[2]) as string) ? 'token' : 'key') },
  { topic: 'order_not_kept', re: ORDER_NOT_KEPT },
  { topic: 'intent_enabled_said', re: INTENT_ON, unless: NOT_ENABLED },
  { topic: 'version_regression', re: REGRESSION },
  ...PROVIDER_HINTS.map(([re, name]): ProseRule => ({ topic: 'provider_named', re, said: true, value: name })),
];

/** The gate's patterns: each rule's `re` (index i) and `and`, then the line state's three. */
const AND_AT = new Map<number, number>();
const GATED: RegExp[] = RULES.map((r) => r.re);
RULES.forEach((r, i) => {
  if (r.and) AND_AT.set(i, GATED.push(r.and) - 1);
});
const [BLOCK_AT, STATUS_AT, FINE_AT] = [GATED.push(BLOCK_NAME) - 1, GATED.push(STATUS_VIEW) - 1, GATED.push(RUNS_FINE) - 1];
/** One scan of a line for the literals of every pattern in GATED (its flags are indexed like GATED). */
export const PROSE_GATE = keywordGate(GATED, Object.fromEntries(RULES.flatMap((r, i) => (r.on ? [[i, r.on.literals]] : []))));
const ALL = new Uint8Array(GATED.length).fill(1);

type Found = { topic: StatementTopic; line: PreparedLine; value?: string };

/**
 * Reads the prose facts of a message (one per topic, first line that shows it). Callers pass the
 * lines that are not CLI output; `errorLines` (source line numbers) already hold an error fact,
 * so they are not read again as a failure said in words. `lookFirst: false` runs every rule on
 * every line instead of only those the keyword gate lets through: the tests check it changes nothing.
 */
export const parseErrorProse = (errorLines: ReadonlySet<number>, lookFirst = true): Parser => (lines, ctx) => {
  const found = new Map<string, Found>();
  let fine = false;
  let block: string | undefined;
  let statusLine: PreparedLine | undefined;
  for (const line of lines) {
    const t = line.text;
    if (t === '' || t.length > 2000) continue;
    const may = lookFirst ? PROSE_GATE.scan(t) : ALL;
    const quoted = errorLines.has(line.start);
    // The JSON block a line is in names the provider of a base URL read in it (custom_base_url's value).
    if (may[BLOCK_AT] && !found.has('custom_base_url')) block = BLOCK_NAME.exec(t)?.[1] ?? block;
    for (let i = 0; i < RULES.length; i++) {
      const rule = RULES[i]!;
      if (!may[i] || found.has(rule.topic) || (quoted && rule.said) || (rule.longerThan !== undefined && t.length <= rule.longerThan)) continue;
      const m = rule.re.exec(rule.on ? rule.on.text(t) : t);
      if (!m || (rule.and && (!may[AND_AT.get(i)!] || !rule.and.test(t))) || rule.unless?.test(t)) continue;
      const value = rule.value ? rule.value(m, block) : undefined;
      if (value !== false) found.set(rule.topic, { topic: rule.topic, line, ...(value ? { value } : {}) });
    }
    statusLine ??= may[STATUS_AT] && STATUS_VIEW.test(t) ? line : undefined;
    fine ||= may[FINE_AT] === 1 && RUNS_FINE.test(t);
  }
  if (statusLine && fine) found.set('status_misleading', { topic: 'status_misleading', line: statusLine });
  const facts: Fact[] = [];
  for (const f of found.values()) {
    const quote = f.line.text.trim();
    const fact: Fact = { kind: 'statement', source: spanOf(ctx, f.line), confidence: 0.6, topic: f.topic, quote: quote.length > 120 ? `${quote.slice(0, 119)}…` : quote };
    if (f.value) fact.value = f.value;
    facts.push(fact);
  }
  return facts;
};
