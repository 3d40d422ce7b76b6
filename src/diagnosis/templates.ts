/**
 * The reason and quote templates of declared signals (./patterns.ts documents their syntax:
 * `{field}`, `{a??b}`, `{field|words|opt|list}`, `{?text {field}}`), filled from a match's values.
 * Pure string work.
 */
import type { Message } from './reason.ts';

/**
 * A `{field}` value; `{a??b}` field `a`, else `b` when `a` is empty; `{field|words}` with
 * underscores as spaces, `{field|opt}` with a space before it when present, `{field|list}` joined by `, `.
 */
export function valueOf(values: Record<string, unknown>, key: string, filter?: string): string {
  const raw = key.split('??').map((k) => values[k]).find((v) => v !== undefined && v !== null && v !== '');
  if (filter === 'list') return Array.isArray(raw) ? raw.join(', ') : String(raw ?? '');
  const v = String(raw ?? '');
  if (filter === 'opt') return v ? ` ${v}` : '';
  return filter === 'words' ? v.replace(/_/g, ' ') : v;
}

export const PLACEHOLDER = /\{(\w+(?:\.\w+)?(?:\?\?\w+(?:\.\w+)?)?)(?:\|(words|opt|list))?\}/g;
/** `{?text {field} text}`: the text only when every placeholder in it has a value. */
const OPTIONAL = /\{\?((?:[^{}]|\{[^{}]*\})*)\}/g;

/** Keeps or drops each optional segment by whether its placeholders have values. */
export function resolveOptional(template: string, values: Record<string, unknown>): string {
  return template.replace(OPTIONAL, (_, inner: string) =>
    [...inner.matchAll(PLACEHOLDER)].every((m) => valueOf(values, m[1]!, m[2]) !== '') ? inner : '',
  );
}

/** Fills `{quote}`, `{field}` and `{with…}` in a template, each value becoming one quoted value of the message. */
export function fillTemplate(template: string, values: Record<string, unknown>): Message {
  const quotes: string[] = [];
  const id = resolveOptional(template, values).replace(PLACEHOLDER, (_, k: string, filter?: string) => {
    quotes.push(valueOf(values, k, filter));
    return `{${quotes.length - 1}}`;
  });
  return { id, quotes };
}

/** Every name a template reads, once each (`{a??b}`: both `a` and `b`), in order. */
export function templateNames(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].flatMap((m) => m[1]!.split('??')))];
}
