/**
 * A V8 `.cpuprofile` summarised for the bench's profiling scripts (bench/profile.ts,
 * bench/profile-pipeline.ts): self time by package or src directory, and by function.
 */

interface Node {
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** A `.cpuprofile` as V8 writes it: nodes with their self hit counts, and one entry per sample. */
export interface CpuProfile {
  nodes: Node[];
  samples: number[];
}

/**
 * Prints the profile's split by package / src directory (`dirs` rows) and its heaviest functions
 * (`functions` rows), each as a percentage of all samples (self time).
 */
export function printCpuProfile(prof: CpuProfile, heading: string, dirs = 25, functions = 40): void {
  const total = prof.samples.length;
  const byFn = new Map<string, number>();
  const byDir = new Map<string, number>();
  for (const n of prof.nodes) {
    const hits = n.hitCount ?? 0;
    const url = n.callFrame.url.replace(/^file:\/\//, '');
    const fn = `${n.callFrame.functionName || '(anonymous)'} ${url.replace(/.*\/(node_modules|src)\//, '$1/')}:${n.callFrame.lineNumber + 1}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + hits);
    const dir = url === '' ? n.callFrame.functionName : (url.match(/node_modules\/((@[^/]+\/)?[^/]+)/)?.[1] ?? url.match(/src\/[^/]+\/?[^/]*/)?.[0] ?? url.replace(/.*\//, ''));
    byDir.set(dir, (byDir.get(dir) ?? 0) + hits);
  }
  const top = (m: Map<string, number>, k: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k);
  const pct = (v: number) => ((100 * v) / total).toFixed(1).padStart(5);
  console.log(`${heading}: ${total} samples\nby package / src file (self):`);
  for (const [k, v] of top(byDir, dirs)) console.log(`  ${pct(v)}%  ${k}`);
  console.log('heaviest functions (self):');
  for (const [k, v] of top(byFn, functions)) console.log(`  ${pct(v)}%  ${k}`);
}
