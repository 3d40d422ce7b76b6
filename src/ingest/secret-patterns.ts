/**
 * Credential formats Pincer recognises by their head (the type prefix). Each head regex matches
 * only the prefix; the body that follows is scanned char by char (see secret-spans.ts), so no
 * regex here has a nested or unbounded quantifier. Prefixes: §6 of openclaw-cli.md plus the
 * providers' published key formats. Lengths are body lengths (after the head).
 */

export interface KeyPattern {
  credentialType: string;
  /** Global regex matching the head only (bounded quantifiers, no nesting). */
  head: RegExp;
  /** Shown before `…` in the mask; default: the matched head (e.g. `sk-ant-api03-`). */
  label?: string;
  /** Fewer body characters than this is not a credential (a fragment or a statement). */
  minBody: number;
  /** The body length of a complete credential, when the format fixes it (line-wrap rule). */
  fullBody?: number;
  /** Body alphabet; default `[A-Za-z0-9_-]`. */
  bodyChar?: (code: number) => boolean;
}

const NOT_AFTER_KEYCHAR = '(?<![A-Za-z0-9_-])';
const isJwtChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || c === 46;

/** Order matters only for readability: overlapping finds are merged. */
export const KEY_PATTERNS: readonly KeyPattern[] = [
  // Anthropic: sk-ant-api03- / oat01- / ort01- are 108 characters (13 + 95).
  { credentialType: 'anthropic_api_key', head: /sk-ant-api\d{2}-/g, minBody: 20, fullBody: 95 },
  { credentialType: 'anthropic_oauth_token', head: /sk-ant-oat\d{2}-/g, minBody: 20, fullBody: 95 },
  { credentialType: 'anthropic_refresh_token', head: /sk-ant-ort\d{2}-/g, minBody: 20, fullBody: 95 },
  { credentialType: 'anthropic_admin_key', head: /sk-ant-admin\d{2}-/g, minBody: 20 },
  { credentialType: 'anthropic_session_key', head: /sk-ant-sid\d{2}-/g, minBody: 20 },
  { credentialType: 'openrouter_key', head: /sk-or-v\d-/g, minBody: 20, fullBody: 64 },
  { credentialType: 'openai_project_key', head: /sk-proj-/g, minBody: 20 },
  { credentialType: 'openai_service_account_key', head: /sk-svcacct-/g, minBody: 20 },
  { credentialType: 'openai_admin_key', head: /sk-admin-/g, minBody: 20 },
  { credentialType: 'minimax_key', head: /sk-(?:api|cp)-/g, minBody: 20 },
  {
    credentialType: 'openai_key',
    head: new RegExp(`${NOT_AFTER_KEYCHAR}sk-(?!ant-|or-|proj-|svcacct-|admin-|api-|cp-)`, 'g'),
    minBody: 20,
  },
  { credentialType: 'google_api_key', head: /AIza/g, minBody: 30, fullBody: 35 },
  { credentialType: 'groq_api_key', head: /gsk_/g, minBody: 20, fullBody: 52 },
  { credentialType: 'github_token', head: /gh[pousr]_/g, minBody: 30, fullBody: 36 },
  { credentialType: 'github_pat', head: /github_pat_/g, minBody: 40, fullBody: 82 },
  { credentialType: 'slack_token', head: /xox[abposre]-/g, minBody: 10 },
  { credentialType: 'slack_app_token', head: /xapp-/g, minBody: 10 },
  { credentialType: 'perplexity_key', head: new RegExp(`${NOT_AFTER_KEYCHAR}pplx-`, 'g'), minBody: 32 },
  { credentialType: 'xai_key', head: new RegExp(`${NOT_AFTER_KEYCHAR}xai-`, 'g'), minBody: 40 },
  { credentialType: 'huggingface_token', head: new RegExp(`${NOT_AFTER_KEYCHAR}hf_`, 'g'), minBody: 30 },
  { credentialType: 'npm_token', head: new RegExp(`${NOT_AFTER_KEYCHAR}npm_`, 'g'), minBody: 30 },
  // Discord bot token: base64(user id) "." 6-7 chars "." 27-38 chars. base64 of a digit starts M/N/O.
  {
    credentialType: 'discord_bot_token',
    head: new RegExp(`${NOT_AFTER_KEYCHAR}[MNO][A-Za-z0-9_-]{22,27}\\.[A-Za-z0-9_-]{6,7}\\.`, 'g'),
    label: 'discord-bot-token:',
    minBody: 25,
  },
  // Telegram bot token: <bot id>:<35 chars>; also inside api.telegram.org/bot<token>/ URLs.
  {
    credentialType: 'telegram_bot_token',
    head: /(?<!\d)\d{8,10}:(?=[A-Za-z0-9_-]{30}|AA[A-Za-z0-9_-]{6,32}\r?\n)/g,
    label: 'telegram-bot-token:',
    minBody: 30,
    fullBody: 35,
  },
  {
    credentialType: 'discord_webhook',
    head: /discord(?:app)?\.com\/api\/webhooks\/\d{17,20}\//g,
    minBody: 40,
  },
  {
    credentialType: 'slack_webhook',
    head: /hooks\.slack\.com\/services\/T[A-Z0-9]{6,12}\/B[A-Z0-9]{6,12}\//g,
    minBody: 16,
  },
  // JWT (OAuth access tokens, e.g. openai-codex): header.payload.signature, both start eyJ.
  {
    credentialType: 'jwt',
    head: new RegExp(`${NOT_AFTER_KEYCHAR}eyJ[A-Za-z0-9_-]{8,512}\\.eyJ`, 'g'),
    label: 'jwt:',
    minBody: 20,
    bodyChar: isJwtChar,
  },
];
