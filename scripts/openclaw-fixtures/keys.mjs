// FAKE credentials of the real shapes (openclaw-cli.md §6), derived from a seed so every run
// writes the same bytes. None of them was ever issued by a provider.
import { createHash } from 'node:crypto';

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function stream(seed, n, alphabet) {
  let out = '';
  for (let i = 0; out.length < n; i++) {
    const block = createHash('sha256').update(`${seed}:${i}`).digest();
    for (const b of block) if (out.length < n) out += alphabet[b % alphabet.length];
  }
  return out;
}

/** `sk-ant-api03-` + 93 characters + `AA` (108 long). */
export const anthropicApiKey = (seed) => `sk-ant-api03-${stream(seed, 93, B64URL)}AA`;
/** `sk-ant-oat01-` + 93 characters + `AA` (a Claude setup-token). */
export const anthropicSetupToken = (seed) => `sk-ant-oat01-${stream(seed, 93, B64URL)}AA`;
/** `sk-or-v1-` + 64 hex characters (OpenRouter). */
export const openRouterKey = (seed) => `sk-or-v1-${stream(seed, 64, '0123456789abcdef')}`;
/** `sk-proj-` + 156 characters (OpenAI project key). */
export const openAiKey = (seed) => `sk-proj-${stream(seed, 156, B64URL)}`;

/** Regexes that find a full (unmasked) credential of any shape above in captured output. */
export const FULL_KEY_PATTERNS = [
  /sk-ant-(?:api|oat)\d\d-[A-Za-z0-9_-]{20,}/,
  /sk-or-v1-[0-9a-f]{20,}/,
  /sk-proj-[A-Za-z0-9_-]{20,}/,
];
