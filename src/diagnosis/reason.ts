/**
 * Reasons as data: what a rule says about the evidence is a message id (the English template,
 * like a gettext msgid) plus the values it quotes. Diagnosis never formats markdown; `reply/`
 * renders a message (src/reply/reason.ts), quoting each value safely.
 *
 * In a template, `` `{0}` `` is a value quoted as inline code (pasted evidence), `{0}` a value as
 * plain text. Build messages with the `msg` tag: `` msg`${q(errorQuote(err))}: the key was rejected.` ``
 * gives `{ id: '`{0}`: the key was rejected.', quotes: ['HTTP 401 …'] }`.
 */

/** A rule's reason or step text: a template id and the values it quotes, in order. */
export interface Message {
  id: string;
  quotes: string[];
}

/** A value to show as inline code (evidence the user pasted, a label, a path). */
export interface Quote {
  quote: string;
}

/** Marks a value to be quoted as inline code. */
export function q(value: string): Quote {
  return Object.defineProperty({ quote: value }, 'toString', {
    // A quote dropped into a plain template literal would print `[object Object]`: fail loudly instead.
    value: () => {
      throw new Error('q() used outside a msg`…` template');
    },
  });
}

function isQuote(v: unknown): v is Quote {
  return typeof v === 'object' && v !== null && 'quote' in v;
}

export function isMessage(v: unknown): v is Message {
  return typeof v === 'object' && v !== null && 'id' in v && 'quotes' in v;
}

/**
 * Tagged template building a Message. Interpolations: `q(x)` → a code quote; another Message →
 * inlined (its placeholders renumbered); a string or number → a plain-text value.
 */
export function msg(strings: TemplateStringsArray, ...values: (Quote | Message | string | number)[]): Message {
  let id = strings[0] ?? '';
  const quotes: string[] = [];
  values.forEach((v, i) => {
    if (isMessage(v)) {
      const base = quotes.length;
      id += v.id.replace(/\{(\d+)\}/g, (_, n: string) => `{${base + Number(n)}}`);
      quotes.push(...v.quotes);
    } else if (isQuote(v)) {
      id += `\`{${quotes.length}}\``;
      quotes.push(v.quote);
    } else {
      id += `{${quotes.length}}`;
      quotes.push(String(v));
    }
    id += strings[i + 1] ?? '';
  });
  return { id, quotes };
}

/** A message with no values (a fixed sentence). */
export function text(id: string): Message {
  return { id, quotes: [] };
}

/** The template with each value put back verbatim (for logs and tests; replies use reply/reason.ts). */
export function plainText(m: Message): string {
  return m.id.replace(/\{(\d+)\}/g, (_, n: string) => m.quotes[Number(n)] ?? '');
}
