/**
 * `openclaw channels status --probe` (§7, OpenClaw 2026.3.13): `Gateway reachable.` or
 * `Gateway not reachable: <err>`, then `- Discord <account>: <bits>` with bits `enabled`,
 * `configured`, `running`, `connected`, `in:`/`out:`, `bot:@name`, `dm:<policy>`, `allow:`,
 * `token:config|env`, `intents:content=limited|disabled`, `works`|`probe failed`, `audit ok`,
 * `error:<lastError>`.
 */
import { spanOf, type Parser } from './context.ts';
import type { Fact, FactOf } from './facts.ts';
import type { PreparedLine } from './lines.ts';

type Account = FactOf<'channels_status'>['accounts'][number];

const ACCOUNT = /^- ([A-Z][A-Za-z]{1,20}) ([\w.@-]{1,64}): ((?:enabled|disabled)\b.*)$/;

function account(m: RegExpExecArray): Account {
  const bits = (m[3] as string).split(/, | \| /).map((b) => b.trim()).filter(Boolean);
  const a: Account = { channel: (m[1] as string).toLowerCase(), account: m[2] as string, bits };
  for (const bit of bits) {
    const intents = /^intents:content=(limited|disabled)$/.exec(bit);
    if (intents) a.intentsContent = intents[1] as 'limited';
    if (bit.startsWith('dm:')) a.dmPolicy = bit.slice(3);
    if (bit === 'works') a.works = true;
    if (bit === 'probe failed') a.works = false;
    if (bit.startsWith('error:')) a.error = bit.slice(6).trim();
  }
  return a;
}

/** Reads one channels status paste (accounts after a `Gateway …reachable` line). */
export const parseChannelsStatus: Parser = (lines, ctx) => {
  const facts: Fact[] = [];
  let current: FactOf<'channels_status'> | null = null;
  let last: PreparedLine | undefined;
  const close = (): void => {
    if (current && current.accounts.length > 0 && last) {
      current.source = { ...current.source, lineEnd: last.end };
      facts.push(current);
    }
    current = null;
  };
  for (const line of lines) {
    const t = line.text.trim();
    if (t === 'Gateway reachable.' || t.startsWith('Gateway not reachable')) {
      if (current && t.startsWith('Gateway not reachable;')) continue;
      close();
      current = { kind: 'channels_status', source: spanOf(ctx, line), confidence: 1, gatewayReachable: t === 'Gateway reachable.', accounts: [] };
      last = line;
      continue;
    }
    const m = t.startsWith('- ') ? ACCOUNT.exec(t) : null;
    if (!m) continue;
    if (!current) current = { kind: 'channels_status', source: spanOf(ctx, line), confidence: 0.8, gatewayReachable: false, accounts: [] };
    (current as FactOf<'channels_status'>).accounts.push(account(m));
    last = line;
  }
  close();
  return facts;
};
