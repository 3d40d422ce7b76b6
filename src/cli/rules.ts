/** `pincer rules`: every rule with its family, priority and fixture counts, as a plain table. */
import { RULES } from '../diagnosis/branches/index.ts';
import { type FixtureIndex, readFixtureIndex } from './fixture-index.ts';

/**
 * Lists all rules, one per line: `id  family  priority  +positives -near-misses  signals  title`,
 * where `signals` counts the rule's declared signals.
 * @param fixtures the fixture index (defaults to the repository's test/fixtures/)
 */
export function listRules(fixtures: FixtureIndex = readFixtureIndex()): string {
  const width = Math.max(...RULES.map((r) => r.id.length));
  const header = `${'branch'.padEnd(width)}  ${'family'.padEnd(15)}  prio  fixtures  signals  title`;
  const rows = [...RULES]
    .sort((a, b) => a.family.localeCompare(b.family) || a.id.localeCompare(b.id))
    .map((r) => {
      const f = fixtures[r.id] ?? [];
      const counts = `+${f.filter((x) => x.positive).length} -${f.filter((x) => !x.positive).length}`;
      const signals = String(r.signals.length);
      return `${r.id.padEnd(width)}  ${r.family.padEnd(15)}  ${String(r.priority).padStart(4)}  ${counts.padEnd(8)}  ${signals.padEnd(7)}  ${r.title}`;
    });
  const data = RULES.reduce((n, r) => n + r.signals.length, 0);
  return [header, ...rows, '', `${data} declared signals`, `${RULES.length} rules`].join('\n');
}
