/**
 * Mojibake repair: UTF-8 text that was decoded with a single-byte code page on its way to Discord
 * (`â—†` for `◆`, `â””` for `└`, `šŸ¦ž` for `🦞`, `Ā·` for `·`, `β€’` for `•`).
 *
 * A table of known garbled forms is built once from the characters pastes actually carry (box
 * drawing, arrows, bullets, dashes, quotes, Latin-1 punctuation, emoji) times the code pages that
 * produce them. Repair replaces the longest garbled form at each position, left to right, and
 * repeats while the text changes (at most 4 passes), so repairing the result again changes nothing.
 * Linear time: each position checks a bounded number of keys of bounded length.
 */

const CODE_PAGES = ['windows-1252', 'windows-1250', 'iso-8859-7', 'windows-1253', 'windows-1257', 'windows-1251'];

/** windows-1252 bytes 0x80–0x9F (Node's decoder treats them as Latin-1 controls); '' = undefined. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** Characters that real pastes carry: preferred when two readings give the same garbled form. */
const COMMON = new Set([...'•·—–’‘“”…→↳↪◆◇●○│└├┌┐┘┤┬┴┼─╮╯╭╰🦞🧠🔑⚠✓✔✗❌✅⏱💡']);

/** Code points worth repairing (inclusive; not the invisible ones ingest removes: NBSP, SHY, LS, PS, bidi). */
const TARGET_RANGES: [number, number][] = [
  [0x00a1, 0x00ac],
  [0x00ae, 0x00ff],
  [0x2010, 0x2027],
  [0x2030, 0x203a],
  [0x2190, 0x21ff],
  [0x2300, 0x23ff],
  [0x2500, 0x27bf],
  [0xfe0f, 0xfe0f],
  [0x1f300, 0x1f6ff],
  [0x1f900, 0x1f9ff],
];

interface ByteTable {
  chars: string[];
  /** Bytes whose glyph was borrowed from windows-1252 (less likely readings). */
  borrowed: boolean[];
}

function byteTable(codePage: string): ByteTable | null {
  let decoder: { decode(bytes: Uint8Array): string };
  try {
    decoder = new TextDecoder(codePage);
  } catch {
    return null;
  }
  const chars: string[] = [];
  const borrowed: boolean[] = [];
  for (let b = 0; b < 256; b++) {
    let ch = decoder.decode(new Uint8Array([b]));
    const code = ch.codePointAt(0) ?? 0;
    // Undefined bytes: pastes show the windows-1252 glyph there (the issue's `šŸ¦ž`).
    const undefinedByte = b >= 0x80 && b <= 0x9f && ((code >= 0x80 && code <= 0x9f) || ch === '\uFFFD');
    if (undefinedByte) ch = CP1252_HIGH[b - 0x80] as string;
    chars.push(ch);
    borrowed.push(undefinedByte && codePage !== 'windows-1252');
  }
  return { chars, borrowed };
}

/** key: garbled form (≥ 2 UTF-16 units, no ASCII but a space) → the character it stands for. */
function buildKeys(): Map<string, string> {
  const best = new Map<string, { ch: string; cost: number }>();
  const offer = (garbled: string, ch: string, cost: number, multiByte: boolean): void => {
    if (garbled.length < 2 || /[\x00-\x7f]/.test(garbled)) return;
    const add = (key: string, c: number): void => {
      const seen = best.get(key);
      if (!seen || seen.cost > c) best.set(key, { ch, cost: c });
    };
    add(garbled, cost);
    // Discord turns a no-break space (3- and 4-byte characters only) inside the garbled form into a plain space.
    const spaced = garbled[0] + garbled.slice(1).replaceAll('\u00a0', ' ');
    if (multiByte && spaced !== garbled) add(spaced, cost + 1);
    // Discord drops the C1 control an undefined byte decodes to (`â±` for `⏱`).
    const dropped = garbled.replace(/[\u0080-\u009f]/g, '');
    if (multiByte && dropped !== garbled && dropped.length >= 2 && dropped.length >= garbled.length - 1) add(dropped, cost + 2);
  };
  const encoder = new TextEncoder();
  const tables = CODE_PAGES.map(byteTable).filter((t): t is ByteTable => t !== null);
  const cp1252 = tables[0] as ByteTable;
  for (const [lo, hi] of TARGET_RANGES) {
    for (let cp = lo; cp <= hi; cp++) {
      const ch = String.fromCodePoint(cp);
      const bytes = [...encoder.encode(ch)];
      tables.forEach((table, rank) => {
        let garbled = '';
        let cost = COMMON.has(ch) ? rank - 50 : rank;
        for (const b of bytes) {
          garbled += table.chars[b];
          if (table.borrowed[b]) cost += 10;
        }
        offer(garbled, ch, cost, bytes.length >= 3);
        // Lead byte read in this code page, the rest in windows-1252 (mixed pipelines).
        const mixed = table.chars[bytes[0] as number] + bytes.slice(1).map((b) => cp1252.chars[b]).join('');
        offer(mixed, ch, cost + 20, bytes.length >= 3);
      });
    }
  }
  const keys = new Map<string, string>();
  for (const [key, { ch }] of best) keys.set(key, ch);
  return keys;
}

interface KeyTable {
  keys: Map<string, string>;
  /** One character class of every key's first unit: the regex engine skips to the next candidate. */
  first: RegExp;
  /** Every key's first two units: a cheap check before any key lookup. */
  prefix2: Set<string>;
  /** Key lengths, longest first. */
  lengths: number[];
}

const hex = (code: number): string => `\\u${code.toString(16).padStart(4, '0')}`;

/** The key table, built on the first text that has a non-ASCII character (~10 ms: not at start-up). */
let table: KeyTable | null = null;
function keyTable(): KeyTable {
  if (table) return table;
  const keys = buildKeys();
  const firstCodes = new Set<number>();
  const prefix2 = new Set<string>();
  const lengths: number[] = [];
  for (const key of keys.keys()) {
    firstCodes.add(key.charCodeAt(0));
    prefix2.add(key.slice(0, 2));
    if (!lengths.includes(key.length)) lengths.push(key.length);
  }
  lengths.sort((a, b) => b - a);
  const first = new RegExp(`[${[...firstCodes].sort((a, b) => a - b).map(hex).join('')}]`, 'g');
  table = { keys, first, prefix2, lengths };
  return table;
}

/** Garbled VS16 (`ï¸` + a dropped 0x8F) left after an emoji was repaired. */
const STRAY_VS16 = /(?<=[\u2600-\u27bf])ï¸/g;
const NON_ASCII = /[^\x00-\x7f]/;
/** Passes until nothing changes; doubly garbled text needs two. Bounded to stay linear. */
const MAX_PASSES = 4;

function onePass(text: string): string {
  const { keys, first, prefix2, lengths } = keyTable();
  let out = '';
  let copied = 0;
  first.lastIndex = 0;
  for (let m = first.exec(text); m !== null; m = first.exec(text)) {
    const i = m.index;
    if (!prefix2.has(text.slice(i, i + 2))) continue;
    for (const length of lengths) {
      const repaired = keys.get(text.slice(i, i + length));
      if (repaired !== undefined) {
        out += text.slice(copied, i) + repaired;
        copied = i + length;
        first.lastIndex = copied;
        break;
      }
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/**
 * Repairs mojibake of box-drawing characters, arrows, bullets, punctuation and emoji.
 * Longest garbled form first, left to right; repeated while it changes (at most 4 passes).
 * @param text any string (never throws)
 * @returns the repaired text; line structure and ASCII are untouched
 */
export function repairMojibake(text: string): string {
  let current = text;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    if (!NON_ASCII.test(current)) return current;
    let next = onePass(current);
    if (next.includes('ï¸')) next = next.replace(STRAY_VS16, '\uFE0F');
    if (next === current) return current;
    current = next;
  }
  return current;
}
