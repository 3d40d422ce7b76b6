/**
 * `/pincer explain <branch>`: what a rule reads, the command it answers with, what beats it and
 * its docs — the text of `pincer explain` (src/cli/explain.ts), with the fixture file list cut to
 * its counts so it fits a Discord message. An unknown id lists the known ones.
 */
import { explainBranch } from '../../cli/explain.ts';

export function explainText(branch: string): string {
  const text = explainBranch(branch.slice(0, 60));
  const at = text.indexOf('\nFixtures (');
  if (at < 0) return text.startsWith('Unknown branch id') ? text.replace(/\n/g, ' ').replace('Known ids: ', 'Known ids:\n') : text;
  const countLine = text.slice(at + 1).split('\n')[0]!;
  return `${text.slice(0, at)}\n${countLine.replace(/:$/, '')}`;
}
