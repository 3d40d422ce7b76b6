/** The bench's output: rows of (section, measure, value, note), printed as an aligned table. */
export interface Row {
  section: string;
  measure: string;
  value: string;
  note?: string;
}

export function printTable(rows: readonly Row[], out: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): void {
  const head: Row = { section: 'section', measure: 'measure', value: 'value', note: 'note' };
  const all = [head, ...rows];
  const w = (k: keyof Row) => Math.max(...all.map((r) => (r[k] ?? '').length));
  const [a, b, c] = [w('section'), w('measure'), w('value')];
  const line = (r: Row) => `${r.section.padEnd(a)}  ${r.measure.padEnd(b)}  ${r.value.padStart(c)}  ${r.note ?? ''}`.trimEnd();
  out(line(head));
  out('-'.repeat(a + b + c + 6 + Math.min(w('note'), 40)));
  for (const r of rows) out(line(r));
}
