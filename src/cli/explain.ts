/**
 * `pincer explain <branch-id>`: a rule's signals, next command(s), then, precedence, docs and
 * fixtures, as plain text. Works offline (rules are code; fixtures are read from the repository).
 */
import { BRANCH_IDS, ruleFor, RULES } from '../diagnosis/branches/index.ts';
import { signalLines } from '../diagnosis/signal-text.ts';
import { stepLines } from '../diagnosis/steps.ts';
import { type FixtureIndex, readFixtureIndex } from './fixture-index.ts';

/**
 * Explains one branch. An unknown id gives a message listing the known ids (never throws).
 * @param fixtures the fixture index (defaults to the repository's test/fixtures/)
 */
export function explainBranch(id: string, fixtures: FixtureIndex = readFixtureIndex()): string {
  const rule = ruleFor(id.trim());
  if (!rule) return `Unknown branch id "${id}". Known ids:\n${BRANCH_IDS.join('\n')}`;
  const beatenBy = RULES.filter((r) => r.beats?.includes(rule.id)).map((r) => r.id);
  const files = fixtures[rule.id] ?? [];
  const lines = [
    `${rule.id} — ${rule.title}`,
    `family ${rule.family} · priority ${rule.priority}${rule.reportable === false ? ' · side warning, never the reported branch' : ''}`,
    '',
    'Signals:',
    ...(rule.signals ? ['  declared (the rule\'s `signals`, matched as data; the first that matches confirms):', ...signalLines(rule.signals).map((l) => `  - ${l}`)] : []),
    '',
    ...(rule.steps
      ? ['Next step by OpenClaw version (the rule\'s `steps`; placeholders are filled from the thread):', ...stepLines(rule.steps).map((l) => `  ${l}`), '']
      : []),
    'Commands it can give (templates):',
    ...(rule.commands.length > 0
      ? rule.commands.map((c) => `  [${c.kind}] ${c.template}${c.since ? `   (OpenClaw ${c.since}+)` : ''}`)
      : ['  (no command: a console action)']),
    '',
    `Then: ${rule.then}`,
    `Beats: ${rule.beats?.join(', ') || '-'}`,
    `Beaten by: ${beatenBy.join(', ') || '-'}`,
    `Docs: ${rule.docs}`,
    '',
    `Fixtures (${files.filter((f) => f.positive).length} positive, ${files.filter((f) => !f.positive).length} near-miss):`,
    ...files.map((f) => `  ${f.positive ? '+' : '-'} ${f.path}`),
  ];
  return lines.join('\n');
}
