/** Small statistics and formatting helpers for the bench (pure). */

/** The q-quantile (0–1) of `values` by nearest rank; NaN when empty. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

export const p50 = (v: readonly number[]) => quantile(v, 0.5);
export const p99 = (v: readonly number[]) => quantile(v, 0.99);

/** A number with sensible precision for a table: 3 significant digits, thousands kept whole. */
export function fmt(n: number): string {
  if (!Number.isFinite(n)) return '–';
  if (Math.abs(n) >= 100) return Math.round(n).toLocaleString('en-US');
  if (Math.abs(n) >= 1) return n.toFixed(2);
  return n.toPrecision(2);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
