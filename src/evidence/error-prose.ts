/**
 * What real reports say in words around (or instead of) OpenClaw's output: a model-auth failure
 * described in prose ("every call fails with 401", "the API key is rejected"), the look-alikes
 * that are not one (a Telegram bot token, the gateway token, device pairing, a tool's key, a
 * timeout, an unknown model, a config schema error), the Claude CLI runtime, a status view that
 * disagrees with a working model, and a service that does not see a variable. Lines of any
 * length up to 2000 characters, claimed or not; English words only (OpenClaw's strings are
 * English whatever the user writes around them). Bounded regexes: linear time.
 */
import { spanOf, type Parser } from './context.ts';
import type { Fact, StatementTopic } from './facts.ts';
import type { PreparedLine } from './lines.ts';

const AUTH_WORD =
  /[A-Za-z]*AuthError\b|\b(?:40[13]|402|429|529|unauthori[sz]ed|authenticat\w*|api[ _-]?keys?|oauth|(?:access |bearer |setup-?)?tokens?|logged (?:in|out)|login|credentials?|credits?|quota|billing|auth)\b/i;
const FAIL_WORD =
  /\b(?:fail\w*|errors?|invalid|expired?|reject\w*|missing|not working|(?:does|do|did)n'?t work|does not work|lost|ignored|no longer|stopped|broken|denied|refus\w*|insufficient|returns? (?:a )?40[13]|isn'?t responding|not respond\w*|will not communicate)\b|报错|错误|失败|问题|无效|过期/i;

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
  /\b(?:systemd|launchd|launchctl|docker|container|service|gateway process)\b[^\n]{0,160}\b(?:cannot|can't|does not|doesn't|never|not)\b[^\n]{0,40}\b(?:find|see|read|inherit\w*|reach\w*)\b|\bnot (?:visible|inherited)\b|\benv(?:ironment)? var(?:iable)?s?\b[^\n]{0,200}\b(?:silently )?dropped\b/i;
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
const UPGRADED = /\b(?:after|since) (?:upgrading|updating|the (?:upgrade|update))(?: from \S{1,30})? to (?:OpenClaw )?`?(?:v?(20\d\d\.\d{1,2}\.\d{1,2}))?/i;
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

/**
 * One look per line before the ~40 regexes above: each of them (and BLOCK_NAME's `{`) needs at
 * least one of these literals, so a line without any matches none of them and is skipped.
 * Most prose lines of a long paste have none. Keep it in step when a regex above gains a word.
 */
const MAYBE =
  /auth|api|token|logged|login|cred|quota|billing|40|429|529|telegram|getme|deletewebhook|setmycommands|sendmessage|slack|control ui|pair|web|skill|memory|embedding|time|econnreset|model|config|schema|cloudflare|claude|anthropic|openai|google|gemini|openrouter|moonshot|minimax|kimi|deepseek|requestedprovider|systemd|launch|docker|container|service|gateway|visible|inherited|dropped|expired|key|密钥|在别的工具上可以调用|cron|\{|baseurl|profile|zero rows|work|openclaw_|upgrad|updat|github|ollama|litellm|zai|xai|mistral|groq|sk-|aiza|generativelanguage|status|answers|succeeded|valid|downgrad|revert|roll|provider|order|intent/i;

type Found = { topic: StatementTopic; line: PreparedLine; value?: string };

/**
 * Reads the prose facts of a message (one per topic, first line that shows it). Callers pass the
 * lines that are not CLI output; `errorLines` (source line numbers) already hold an error fact,
 * so they are not read again as a failure said in words. `lookFirst: false` turns off the keyword
 * look (MAYBE) that skips most lines: the tests check it changes nothing on any fixture.
 */
export const parseErrorProse = (errorLines: ReadonlySet<number>, lookFirst = true): Parser => (lines, ctx) => {
  const found = new Map<string, Found>();
  const add = (topic: StatementTopic, line: PreparedLine, value?: string): void => {
    if (!found.has(topic)) found.set(topic, { topic, line, ...(value ? { value } : {}) });
  };
  let fine = false;
  let block: string | undefined;
  let statusLine: PreparedLine | undefined;
  for (const line of lines) {
    const t = line.text;
    if (t === '' || t.length > 2000 || (lookFirst && !MAYBE.test(t))) continue;
    // A topic already found keeps its first line (`add`): its regexes are not run again.
    const open = (topic: StatementTopic): boolean => !found.has(topic);
    const quoted = errorLines.has(line.start);
    if (!quoted && open('auth_symptom') && AUTH_WORD.test(t) && FAIL_WORD.test(t)) add('auth_symptom', line);
    if (!quoted && open('lookalike')) {
      for (const [subject, re] of LOOKALIKES) {
        if (re.test(t)) {
          add('lookalike', line, subject);
          break;
        }
      }
    }
    if (open('claude_cli_route') && CLAUDE_CLI.test(t)) add('claude_cli_route', line);
    // A profile id has a `:`; without one the copy and the scan are skipped.
    const profile = open('stored_profile') && t.includes(':') ? PROFILE_ID.exec(t.includes('for profile "') ? t.replace(/for profile "[^"]{0,80}"/g, '') : t) : null;
    if (profile) add('stored_profile', line, profile[1]);
    if (open('service_env') && SERVICE.test(t)) add('service_env', line, ENV_VAR.exec(t)?.[1]);
    if (!quoted && open('login_gone_said') && LOGIN_GONE.test(t)) add('login_gone_said', line);
    if (open('token_truncated') && TRUNCATED.test(t)) add('token_truncated', line);
    const configured = open('configured_provider') ? CONFIGURED.exec(t) : null;
    if (configured) add('configured_provider', line, ((configured[1] ?? configured[2]) as string).toLowerCase().replace(/^gemini$/, 'google').replace(/^kimi$/, 'moonshot'));
    if (open('store_hand_edited') && HAND_EDITED.test(t)) add('store_hand_edited', line);
    const unused = open('provider_unused') ? UNUSED.exec(t) : null;
    if (unused) add('provider_unused', line, ((unused[1] ?? unused[2]) as string).toLowerCase().replace(/^gemini$/, 'google').replace(/^kimi$/, 'moonshot'));
    if (open('old_key_used') && OLD_KEY.test(t)) add('old_key_used', line);
    if (open('key_works_elsewhere') && WORKS_DIRECTLY.test(t)) add('key_works_elsewhere', line);
    if (t.length > 200 && open('cron_job') && /\bcron(?: ?jobs?| runs?)?\b/i.test(t)) add('cron_job', line);
    const envKey = open('env_key_said') ? ENV_KEY_SAID.exec(t) : null;
    if (envKey) add('env_key_said', line, envKey[1]);
    if (open('dm_not_working') && DM_PAIRING.test(t)) add('dm_not_working', line);
    if (open('order_excludes') && ORDER_EXCLUDES.test(t)) add('order_excludes', line);
    block = BLOCK_NAME.exec(t)?.[1] ?? block;
    const url = open('custom_base_url') ? BASE_URL.exec(t)?.[1] : undefined;
    if (url && !OWN_API.test(url) && !/^https?:\/\/(?:127\.|localhost)/.test(url)) add('custom_base_url', line, block);
    if (open('profiles_gone') && PROFILES_GONE.test(t)) add('profiles_gone', line);
    if (open('works_elsewhere') && WORKS_ELSEWHERE.test(t)) add('works_elsewhere', line);
    if (open('custom_state_dir') && CUSTOM_STATE_DIR.test(t)) add('custom_state_dir', line);
    const upgraded = open('upgraded') ? UPGRADED.exec(t) : null;
    if (upgraded) add('upgraded', line, upgraded[1]);
    const saved = open('login_saved_elsewhere') ? SAVED_ELSEWHERE.exec(t) : null;
    if (saved) add('login_saved_elsewhere', line, saved[1]);
    const holds = open('store_holds_key') ? STORE_HOLDS.exec(t) : null;
    if (holds) add('store_holds_key', line, /^token/i.test((holds[1] ?? holds[2]) as string) ? 'token' : 'key');
    if (open('order_not_kept') && ORDER_NOT_KEPT.test(t)) add('order_not_kept', line);
    if (open('intent_enabled_said') && INTENT_ON.test(t) && !/\b(?:not|n't|never)\b[^\n]{0,30}\b(?:enabled|turned on)\b/i.test(t)) add('intent_enabled_said', line);
    if (open('version_regression') && REGRESSION.test(t)) add('version_regression', line);
    for (const [re, name] of quoted || !open('provider_named') ? [] : PROVIDER_HINTS) {
      const m = re.exec(t);
      if (m) {
        add('provider_named', line, name(m));
        break;
      }
    }
    statusLine ??= STATUS_VIEW.test(t) ? line : undefined;
    fine ||= RUNS_FINE.test(t);
  }
  if (statusLine && fine) add('status_misleading', statusLine);
  const facts: Fact[] = [];
  for (const f of found.values()) {
    const quote = f.line.text.trim();
    const fact: Fact = { kind: 'statement', source: spanOf(ctx, f.line), confidence: 0.6, topic: f.topic, quote: quote.length > 120 ? `${quote.slice(0, 119)}…` : quote };
    if (f.value) fact.value = f.value;
    facts.push(fact);
  }
  return facts;
};
