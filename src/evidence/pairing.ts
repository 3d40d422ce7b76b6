/**
 * `openclaw pairing list [channel]` (§5, OpenClaw 2026.3.13): `No pending <channel> pairing
 * requests.` or `Pairing requests (N)` followed by a `Code | <ID> | Meta | Requested` table
 * (Unicode or ASCII borders) whose codes are 8 characters of `ABCDEFGHJKLMNPQRSTUVWXYZ23456789` (§7).
 */
import { spanOf, type Parser } from './context.ts';
import type { Fact, FactOf } from './facts.ts';

/** Reads pairing list outputs. */
export const parsePairing: Parser = (lines, ctx) => {
  const facts: Fact[] = [];
  let lastChannel: string | undefined;
  let pendingTable: FactOf<'pairing_list'> | null = null;
  for (const line of lines) {
    // Literal first looks before the anchored regexes.
    const typed = line.command ?? line.text.trim();
    const cmd = typed.startsWith('openclaw pairing list') ? /^openclaw pairing list(?: --channel)? ([a-z]{2,20})\b/.exec(typed) : null;
    if (cmd) lastChannel = cmd[1];
    const t = line.text.trim();
    const none = t.startsWith('No pending ') ? /^No pending (?:([a-z]{2,20}) )?pairing requests\.?$/.exec(t) : null;
    if (none) {
      const fact: Fact = { kind: 'pairing_list', source: spanOf(ctx, line), confidence: 1, pending: 0 };
      const channel = none[1] ?? lastChannel;
      if (channel) fact.channel = channel;
      facts.push(fact);
      continue;
    }
    const some = t.startsWith('Pairing requests (') ? /^Pairing requests \((\d{1,4})\)$/.exec(t) : null;
    if (some) {
      const fact: FactOf<'pairing_list'> = { kind: 'pairing_list', source: spanOf(ctx, line), confidence: 1, pending: Number(some[1]) };
      if (lastChannel) fact.channel = lastChannel;
      facts.push(fact);
      pendingTable = fact;
      continue;
    }
    if (!pendingTable) continue;
    if (!/^[│|┌├└+]/.test(t)) {
      pendingTable = null;
      continue;
    }
    const code = /^[│|]\s*([A-HJ-NP-Z2-9]{8})\s*[│|]/.exec(t);
    if (code) {
      (pendingTable.codes ??= []).push(code[1] as string);
      pendingTable.source = { ...pendingTable.source, lineEnd: line.end };
    } else if (/^[└+]/.test(t)) pendingTable.source = { ...pendingTable.source, lineEnd: line.end };
  }
  return facts;
};
