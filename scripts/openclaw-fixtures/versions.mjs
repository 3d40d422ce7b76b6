// Version arithmetic for OpenClaw's calendar versions (`2026.6.11`, `2026.10.5-beta.2`).

/** [year, month, patch] of a version; pre-release tags are ignored. */
export function parts(v) {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(v);
  if (!m) throw new Error(`not an OpenClaw version: ${v}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Negative, zero or positive as `a` is older than, equal to or newer than `b`. */
export function compare(a, b) {
  const x = parts(a);
  const y = parts(b);
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}

export const atLeast = (v, min) => compare(v, min) >= 0;
