/**
 * A closing quote mark the text never opened, dropped: prose quotes an error as
 * `… — 'OAuth authentication is currently not supported'` and a reader that starts at the error's
 * first word keeps the last mark. Pure; the text without trailing space, else unchanged.
 */
export function withoutStrayClose(text: string): string {
  const trimmed = text.trimEnd();
  const last = trimmed.at(-1) ?? '';
  const open = OPENER[last];
  if (open === undefined) return trimmed;
  const count = (c: string) => trimmed.split(c).length - 1;
  const unopened = open === last ? count(last) % 2 === 1 : count(open) === 0;
  return unopened ? trimmed.slice(0, -1).trimEnd() : trimmed;
}

/** Each closing mark and its opener (the same mark for the straight ones). */
const OPENER: Readonly<Record<string, string>> = { "'": "'", '"': '"', '`': '`', '’': '‘', '”': '“', 'ˋ': 'ˋ' };
