/**
 * The wrappings real terminals, quoting, JSON and URL encoding put around a pasted key (issue 15
 * #2), built from one fake Anthropic key, and the 16-character windows that must never be stored.
 */
import { FAKE_CREDENTIALS } from '../fixtures/secrets/fake-credentials.ts';

export const KEY = FAKE_CREDENTIALS.find((c) => c.credentialType === 'anthropic_api_key')!.secret;

/** `text` cut into lines of `width` columns, each line after the first starting with `prefix` too. */
function wrap(text: string, width: number, prefix: string): string {
  const lines: string[] = [];
  for (let at = 0; at < text.length; ) {
    const room = width - prefix.length;
    lines.push(prefix + text.slice(at, at + room));
    at += room;
  }
  return lines.join('\n');
}

const envLine = `ANTHROPIC_API_KEY=${KEY}`;
const encoded = KEY.replace(/-/g, '%2D');
const base64Forms = [Buffer.from(`${envLine}\n`).toString('base64'), Buffer.from(`${envLine}\nOTHER=1\n`).toString('base64')];
const withSlash = `${KEY.slice(0, 50)}\\/${KEY.slice(50)}`;

/** name → the paste as the user sent it. */
export const WRAPPED_PASTES: Record<string, string> = {
  'wrapped at 80 columns with `[local] ` before each line (export line)': wrap(`export ${envLine}`, 80, '[local] '),
  'wrapped at 80 columns with `[local] ` before each line (bare key)': wrap(KEY, 80, '[local] '),
  'wrapped with `> ` quote marks': wrap(`my key is ${KEY} and it fails`, 60, '> '),
  'JSON-escaped `\\/` inside the key': JSON.stringify({ env: { ANTHROPIC_API_KEY: withSlash.replace('\\/', '/') } }).replace(/\//g, '\\/'),
  'URL-encoded `%2D` inside the key': `GET https://proxy.example.test/anthropic/${encoded}/v1/messages failed`,
  'a base64-encoded `.env` line': `here is my .env:\n${base64Forms[0]}`,
  'a base64-encoded `.env` line, wrapped at 76 like base64(1)': `cat .env | base64\n${base64Forms[1]!.replace(/.{76}/g, '$&\n')}`,
};

/** Every 16-character window of the key (and of its `\/` and `%2D` forms), minus those inside the kept head or last 4. */
export function keyWindows(): string[] {
  const forms = [KEY, withSlash, encoded];
  const out = new Set<string>();
  for (const form of forms) {
    for (let i = 0; i + 16 <= form.length; i++) {
      const w = form.slice(i, i + 16);
      if (i + 16 <= 'sk-ant-api03-'.length + 3) continue;
      if (i >= form.length - 4) continue;
      out.add(w);
    }
  }
  for (const b of base64Forms) for (let i = 0; i + 16 <= 100; i += 4) out.add(b.slice(i + 20, i + 36));
  return [...out];
}
