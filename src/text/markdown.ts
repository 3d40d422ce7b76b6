/**
 * Safe Discord markdown for text that came from a user's paste. Quoted evidence must not break
 * the reply's markdown or ping anyone: `@everyone`/`@here`, `<@id>`, `<@&role>`, `<#channel>` are
 * neutralised with a zero-width space, masked links `[text](url)` are broken, backticks inside
 * inline code are replaced. All functions are pure and linear in the input.
 */

const ZWSP = '\u200b';

/** Neutralises mentions and masked links so pasted text can neither ping nor disguise a link. */
export function neutralize(text: string): string {
  return text
    .replace(/@(everyone|here)/gi, `@${ZWSP}$1`)
    .replace(/<(@[!&]?|#)/g, `<${ZWSP}$1`)
    .replace(/\]\(/g, `]${ZWSP}(`);
}

/**
 * Inline code for quoted evidence: one line, at most `max` characters, backticks replaced by `ˋ`
 * (inline code has no escape), mentions neutralised. Empty input gives `` `…` ``.
 */
export function code(text: string, max = 120): string {
  let one = text.replace(/[\r\n\t]+/g, ' ').replace(/`/g, 'ˋ').trim();
  if (one.length > max) one = `${one.slice(0, max - 1)}…`;
  return `\`${neutralize(one) || '…'}\``;
}

/** Plain text from a paste: markdown specials escaped, mentions and masked links neutralised. */
export function escapeText(text: string): string {
  return neutralize(text.replace(/([\\*_~|`>#[\]()-])/g, '\\$1'));
}

/** A fenced code block; a ``` inside the text cannot close the fence early. */
export function codeBlock(text: string, lang = 'sh'): string {
  return `\`\`\`${lang}\n${neutralize(text.replace(/```/g, 'ˋˋˋ'))}\n\`\`\``;
}
