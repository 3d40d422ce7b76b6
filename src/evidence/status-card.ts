/**
 * The `/status` chat card users paste from Discord (§4.5, OpenClaw 2026.3.13):
 * `🧠 Model: <provider>/<model> · 🔑 <auth>` with `<auth>` one of `api-key (<profileId>)`,
 * `token (<profileId>)`, `oauth (<profileId>)`, `api-key (env: VAR)`, `oauth (env: VAR)`,
 * `api-key (models.json)`, `unknown`. (The card's first line is read by version.ts.)
 */
import { spanOf, type Parser } from './context.ts';
import type { Fact, FactOf } from './facts.ts';

const MODEL_LINE = /^(?:🧠\s*)?Model: (\S{1,200}) [·•-] (?:🔑\s*)?(api-key|token|oauth|unknown)(?: \(([^()]{0,200}(?:\([^()]{0,100}\))?)\))?/;

/** Reads `/status` model lines. */
export const parseStatusCard: Parser = (lines, ctx) => {
  const facts: Fact[] = [];
  for (const line of lines) {
    const t = line.text.trim();
    // Cheap first look before the regex: a model line starts with `Model:` or the 🧠 emoji.
    const m = t.startsWith('Model: ') || t.startsWith('🧠') ? MODEL_LINE.exec(t) : null;
    if (!m) continue;
    const fact: FactOf<'status_card'> = { kind: 'status_card', source: spanOf(ctx, line), confidence: 1, model: m[1] as string, authMode: m[2] as 'token' };
    const detail = (m[3] ?? '').trim();
    const env = /^env: ([A-Z0-9_]{1,100})$/.exec(detail);
    if (env) fact.envVar = env[1] as string;
    else if (detail !== '' && detail !== 'models.json') fact.profileId = detail.replace(/ \([^()]*\)$/, '');
    facts.push(fact);
  }
  return facts;
};
