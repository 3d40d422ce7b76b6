/**
 * OpenClaw's version: `openclaw --version` (`OpenClaw 2026.3.13 (61d171a)`, §5), the banner
 * `🦞 OpenClaw 2026.3.13 (61d171a) — <tagline>` (§1.1), and a `/status` card's first line
 * `🦞 OpenClaw <ver> (<commit>)` followed by `🧠 Model:` (§4.5).
 */
import { spanOf, type Parser } from './context.ts';
import type { Fact } from './facts.ts';

/** A whole line that is `openclaw --version`'s output, the banner or a `/status` card's first line. */
export const OPENCLAW_VERSION_LINE = /^(🦞\s*)?OpenClaw\s+v?(\d{4}\.\d{1,2}\.\d{1,2}(?:-[\w.]{1,20})?)(?: \(([0-9a-f]{7,40}|unknown)\))?( [—–-] .*)?$/;

/** Reads version lines. */
export const parseVersion: Parser = (lines, ctx) => {
  const facts: Fact[] = [];
  lines.forEach((line, i) => {
    const t = line.text.trim();
    // Cheap first look before the regex: a version line starts with `OpenClaw` or the 🦞 emoji.
    const m = t.startsWith('OpenClaw') || t.startsWith('🦞') ? OPENCLAW_VERSION_LINE.exec(t) : null;
    if (!m) return;
    const next = lines.slice(i + 1, i + 3).find((l) => l.text.trim() !== '');
    const card = next !== undefined && /^🧠 ?Model:/.test(next.text.trim());
    const from = m[4] ? 'banner' : card ? 'status_card' : m[1] ? 'banner' : 'version';
    const fact: Fact = { kind: 'version', source: spanOf(ctx, line), confidence: 1, version: m[2] as string, from };
    if (m[3] && m[3] !== 'unknown') fact.commit = m[3];
    facts.push(fact);
  });
  return facts;
};
