/**
 * Declared signals in words, for `pincer explain` and docs/branches.md:
 * `[≥8.1] text  (error extra_usage_required where httpStatus=402, with statement bought_credits (newer); possible; specificity 3)`.
 */
import type { EvidenceSpec, FieldTest, Signal } from './signal-types.ts';
import { specificityOf } from './patterns.ts';

/** What a spec looks at, in words: `error extra_usage_required`, `statement token_truncated`, `fact wizard (current)`. */
function subject(s: EvidenceSpec): string {
  const newest = s.latest ? ' (newest)' : '';
  if (s.error) return `error ${s.error === 'any' ? 'of any code' : s.error.join(' | ')}${newest}`;
  if (s.statement) return `statement ${s.statement.join(' | ')}${newest}`;
  return `fact ${s.fact}${s.each ? `, each of ${s.each}` : ''}${s.current ? ' (this message)' : ''}${newest}`;
}

function testText(k: string, t: FieldTest): string {
  if (typeof t !== 'object') return `${k}=${String(t)}`;
  if ('not' in t) return `${k}≠${t.not}`;
  if ('re' in t) return `${k}~/${t.re}/`;
  if ('has' in t) return `${k}∋${t.has}`;
  if ('any' in t) return `${k}∈{${t.any.map((x) => (x === null ? '∅' : String(x))).join(', ')}}`;
  if ('none' in t) return `${k}∉{${t.none.join(', ')}}`;
  if ('differs' in t) return `${k}≠${t.differs}`;
  if ('atLeast' in t) return `${k}≥${t.atLeast}`;
  if ('atMost' in t) return `${k}≤${t.atMost}`;
  return `${k}>${t.gt}`;
}

function whereText(where: Record<string, FieldTest> | undefined): string {
  const parts = Object.entries(where ?? {}).map(([k, t]) => testText(k, t));
  return parts.length > 0 ? ` where ${parts.join(', ')}` : '';
}

const ORDER: Record<string, string> = { after: ' (newer)', not_before: ' (same message or newer)', before: ' (older)', below: ' (lower in the same message)' };

/** Signal lines: `[≥8.1] text  (error extra_usage_required; specificity 3)`. */
export function signalLines(signals: readonly Signal[]): string[] {
  return signals.map((s) => {
    const versions = s.versions && s.versions !== 'any' ? `[${s.versions.replace(/2026\./g, '')}] ` : '';
    const unless = [s.unless ?? []].flat().map((u) => {
      const what = [...(u.error === 'any' ? ['error of any code'] : (u.error ?? [])), ...(u.statement ?? []), ...(u.fact ? [`fact ${u.fact}`] : [])];
      return `${what.join(' | ')}${whereText(u.where)}`;
    });
    const unlessText = unless.length > 0 ? `, unless ${unless.join(' | ')}` : '';
    const withText = [s.with ?? []].flat().map((w) => `, with ${subject(w)}${whereText(w.where)}${ORDER[w.order ?? ''] ?? ''}${w.cite === false ? ' (not cited)' : ''}`).join('');
    const verdict = s.verdict ? `${s.verdict === 'ruled_out' ? 'rules it out' : 'only possible'}; ` : '';
    const spec = s.verdict ? '' : `specificity ${specificityOf(s)}`;
    return `${versions}${s.text}  (${subject(s)}${whereText(s.where)}${withText}${unlessText}; ${verdict}${spec}`.replace(/; $/, '') + ')';
  });
}
