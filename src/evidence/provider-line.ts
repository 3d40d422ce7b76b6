/**
 * One `- <provider> <bits joined by " | ">` line of `models status` → `Auth overview` (§1.3):
 * `effective=<kind>:<detail>`, `profiles=N (oauth=a, token=b, api_key=c)`, the comma-joined profile
 * labels with ` [cooldown 25m]` / ` [disabled:billing 5h]` suffixes, `env=… | source=env: VAR`
 * (or `shell env: VAR`), `models.json=… | source=models.json: <path>`. OpenClaw 2026.3.13.
 */
import { parseCredential } from './credential.ts';
import type { ProfileLabel, ProviderAuth } from './facts.ts';

export const PROVIDER_LINE = /^- ([\w.-]{1,64}) (effective=.*)$/;

const LABEL_START = /^[\w.@+-]{1,64}:[^=\s]{0,128}=/;
const UNUSABLE = / \[(cooldown|disabled)(?::([\w-]{1,40}))? ([^\]]{1,20})\]$/;

/** One `<profileId>=<label>` (§1.3 item 3), e.g. `anthropic:manual=token:sk-ant-o...c2VtQ0Aa [cooldown 5m]`. */
export function parseLabel(raw: string): ProfileLabel | null {
  const eq = raw.indexOf('=');
  if (eq <= 0) return null;
  const profileId = raw.slice(0, eq).trim();
  let value = raw.slice(eq + 1).trim();
  const label: ProfileLabel = { profileId, type: 'api_key', credential: { form: 'missing' } };
  const unusable = UNUSABLE.exec(value);
  if (unusable) {
    value = value.slice(0, unusable.index);
    const kind = unusable[1] as 'cooldown' | 'disabled';
    label.unusable = unusable[2] ? { kind, reason: unusable[2], remaining: unusable[3] as string } : { kind, remaining: unusable[3] as string };
  }
  if (value.startsWith('token:')) {
    label.type = 'token';
    value = value.slice(6);
  } else if (/^OAuth\b/.test(value)) {
    label.type = 'oauth';
  }
  label.credential = parseCredential(value);
  return label;
}

function splitLabels(bit: string): string[] {
  const parts: string[] = [];
  for (const piece of bit.split(', ')) {
    if (parts.length > 0 && !LABEL_START.test(piece)) parts[parts.length - 1] += `, ${piece}`;
    else parts.push(piece);
  }
  return parts;
}

/**
 * Parses the bits after `- <provider> `.
 * @param provider provider id from the line start
 * @param rest everything after it, starting with `effective=`
 */
export function parseProviderLine(provider: string, rest: string): ProviderAuth {
  const out: ProviderAuth = { provider, profiles: [] };
  const bits = rest.split(/ ?\| ?/);
  let pendingEnv: ProviderAuth['env'] | undefined;
  for (const bitRaw of bits) {
    const bit = bitRaw.trim();
    if (bit === '') continue;
    if (bit.startsWith('effective=')) {
      const body = bit.slice(10);
      const kind = (['models.json', 'profiles', 'missing', 'env'] as const).find((k) => body === k || body.startsWith(`${k}:`));
      if (kind) out.effective = { kind, detail: body.slice(kind.length + 1) };
      continue;
    }
    // ≤7.x `profiles=2 (oauth=0, token=1, api_key=1)`; ≥8.1 `profiles=2 (0 oauth, 1 token, 1 api-key)`.
    const counts = /^profiles=(\d+) \((?:oauth=(\d+), ?token=(\d+), ?api_key=(\d+)|(\d+) oauth, ?(\d+) token, ?(\d+) api-key)\)$/.exec(bit);
    if (counts) {
      const [oauth, token, apiKey] = counts[2] !== undefined ? [counts[2], counts[3], counts[4]] : [counts[5], counts[6], counts[7]];
      out.counts = { total: Number(counts[1]), oauth: Number(oauth), token: Number(token), apiKey: Number(apiKey) };
      continue;
    }
    if (bit.startsWith('env=')) {
      pendingEnv = { credential: parseCredential(bit.slice(4)) };
      out.env = pendingEnv;
      continue;
    }
    if (bit.startsWith('models.json=')) {
      out.modelsJson = { credential: parseCredential(bit.slice(12)) };
      continue;
    }
    const source = /^source=(shell env|env|models\.json): ?(.*)$/.exec(bit);
    if (source) {
      if ((source[1] === 'env' || source[1] === 'shell env') && pendingEnv) {
        pendingEnv.origin = source[1];
        pendingEnv.variable = (source[2] as string).trim();
      }
      continue;
    }
    if (LABEL_START.test(bit)) {
      for (const raw of splitLabels(bit)) {
        const label = parseLabel(raw);
        if (label) out.profiles.push(label);
      }
    }
  }
  return out;
}
