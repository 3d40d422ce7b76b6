/**
 * Onboarding wizard screens (§5 "Wizard screens", OpenClaw 2026.3.13, clack prompts): titled
 * boxes `◇ Existing config detected ──╮`, choice prompts `◆ Config handling` with `● Use existing
 * values` / `○ Update values`, notes `◇ Model check`, the auth prompts (`Model/auth provider`,
 * `Enter Anthropic API key`, `Paste Anthropic setup-token`). Reads mojibake-repaired text.
 */
import { spanOf, type Parser } from './context.ts';
import { classifyError } from './error-classify.ts';
import type { Fact, FactOf } from './facts.ts';
import type { PreparedLine } from './lines.ts';

type Screen = FactOf<'wizard'>['screen'];

const TITLE_MARKS = '◇◆■▲◐◒◓◑';
const TITLE = /^[◇◆■▲◐◒◓◑]\s+([^─━╮┐]{1,120}?)\s*[─━]*[╮┐]?$/;
/** Content of a box body line `│ text │`, or null when the line is not one. */
function bodyOf(t: string): string | null {
  if (!/^[│┃|]/.test(t)) return null;
  let content = t.slice(1);
  if (/[│┃|]$/.test(content)) content = content.slice(0, -1);
  return content.trim();
}
const END = /^[└├╰]/;

const SCREENS: [RegExp, Screen][] = [
  [/^Existing config detected/, 'existing_config'],
  [/^Config handling/, 'config_handling'],
  [/^Model check/, 'model_check'],
  [/^Model\/auth (?:provider|choice)|^Anthropic auth method/, 'auth_choice'],
  [/^How do you want to provide this API key|^Enter [\w .-]{1,40} API key|^Use existing [A-Z_]{1,60}/, 'api_key_prompt'],
  [/setup-token|^Token name/, 'setup_token_prompt'],
];

function screenOf(title: string): Screen {
  for (const [re, screen] of SCREENS) if (re.test(title)) return screen;
  return 'other';
}

/** Reads wizard screens; one fact per titled box or prompt. */
export const parseWizard: Parser = (lines, ctx) => {
  const facts: Fact[] = [];
  for (let i = 0; i < lines.length; i++) {
    const t = (lines[i] as PreparedLine).text.trim();
    // Cheap first look: a title starts with one of the clack markers.
    const title = t !== '' && TITLE_MARKS.includes(t[0] as string) ? TITLE.exec(t) : null;
    if (!title) continue;
    const titleText = (title[1] as string).trim();
    const screen = screenOf(titleText);
    const first = lines[i] as PreparedLine;
    let last = first;
    const body: string[] = [];
    let selected: string | undefined;
    let j = i + 1;
    for (; j < lines.length; j++) {
      const t = (lines[j] as PreparedLine).text.trim();
      if (TITLE.test(t)) break;
      if (END.test(t)) {
        last = lines[j] as PreparedLine;
        if (t.startsWith('└') || t.startsWith('╰')) {
          j++;
          break;
        }
        continue;
      }
      const content = bodyOf(t);
      if (content === null) break;
      last = lines[j] as PreparedLine;
      const choice = /^([●○◉◯◼◻])\s+(.*)$/.exec(content);
      if (choice) {
        if (choice[1] === '●' || choice[1] === '◉' || choice[1] === '◼') selected = (choice[2] as string).trim();
      } else if (content !== '') body.push(content);
    }
    i = j - 1;
    // Untitled-for-us boxes (doctor notes, gateway notes) are not wizard screens unless they offer a choice.
    if (screen === 'other' && selected === undefined) continue;
    const fact: Fact = { kind: 'wizard', source: spanOf(ctx, first, last), confidence: 1, screen };
    if (selected !== undefined) fact.selected = selected;
    const model = body.map((l) => /^model: ?(\S+)/.exec(l)?.[1]).find(Boolean);
    if (model) fact.model = model;
    if (screen === 'model_check' && body.length > 0) fact.note = body.join(' ');
    if (screen === 'other') fact.note = titleText;
    facts.push(fact);
    // A message inside the box (`No auth configured for provider …`, setup-token validator errors).
    const text = body.join(' ');
    const c = text === '' ? null : classifyError(text);
    if (c && c.code !== 'unknown') {
      const error: Fact = { kind: 'provider_error', source: fact.source, confidence: 1, code: c.code, wrapper: 'wizard', message: text };
      if (c.provider) error.provider = c.provider;
      facts.push(error);
    }
  }
  return facts;
};
