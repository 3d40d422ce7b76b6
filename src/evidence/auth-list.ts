/**
 * `openclaw models auth list` (new in 2026.5.7, §10.5; read from 6.11, 8.1 and 9.6 captures):
 * `Agent: <id>` / `Auth state store: <path>` (6.5+) / `Profiles:` then one line per profile,
 * `- <id> [<provider>/<type>[; cooldown[:<reason>] until <ISO>|; disabled[:<reason>] until <ISO>|;
 * expires <ISO>]][ — <hint>]`, or `Profiles: (none)`. Never holds secrets.
 */
import { spanOf, type Parser } from './context.ts';
import type { Fact, FactOf } from './facts.ts';
import type { PreparedLine } from './lines.ts';

type AuthList = FactOf<'auth_list'>;
type Entry = AuthList['profiles'][number];

const ENTRY = /^- (\S{1,128}) \[([\w.-]{1,64})\/([\w-]{1,20})(?:; (cooldown|disabled|expires)(?::([\w-]{1,40}))?(?: until)? ?([^\]]{0,40}))?\](?: [—–-] (.{1,400}))?$/;

function entry(t: string): Entry | null {
  const m = t.startsWith('- ') ? ENTRY.exec(t) : null;
  if (!m) return null;
  const e: Entry = { profileId: m[1]!, provider: m[2]!, type: m[3]! };
  if (m[4]) {
    e.state = { kind: m[4] as 'cooldown' };
    if (m[5]) e.state.reason = m[5];
    if (m[6]?.trim()) e.state.until = m[6].trim();
  }
  if (m[7]) e.hint = m[7].trim();
  return e;
}

/** Reads `models auth list` outputs (the `Profiles:` line anchors each). */
export const parseAuthList: Parser = (lines, ctx) => {
  const facts: Fact[] = [];
  for (let i = 0; i < lines.length; i++) {
    const t = (lines[i] as PreparedLine).text.trim();
    if (t !== 'Profiles:' && t !== 'Profiles: (none)') continue;
    let first = lines[i] as PreparedLine;
    const fact: AuthList = { kind: 'auth_list', source: spanOf(ctx, first), confidence: 1, profiles: [] };
    for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
      const head = /^(Agent|Auth state store|Auth state file|Auth file): ?(.*)$/.exec((lines[j] as PreparedLine).text.trim());
      if (!head) break;
      if (head[1] === 'Agent') fact.agentId = head[2]!.trim();
      else fact.storePath = head[2]!.trim();
      first = lines[j] as PreparedLine;
    }
    let last = lines[i] as PreparedLine;
    if (t === 'Profiles:') {
      for (let j = i + 1; j < lines.length; j++) {
        const e = entry((lines[j] as PreparedLine).text.trim());
        if (!e) break;
        fact.profiles.push(e);
        last = lines[j] as PreparedLine;
        i = j;
      }
      // A bare `Profiles:` with nothing under it is not this output.
      if (fact.profiles.length === 0 && fact.agentId === undefined) continue;
    }
    fact.source = spanOf(ctx, first, last);
    facts.push(fact);
  }
  return facts;
};
