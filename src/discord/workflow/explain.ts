/**
 * `/pincer explain <branch>`: what a rule reads and answers, for moderators (the catalog id is
 * checked; an unknown id lists the known ones).
 */
import { BRANCH_IDS, BranchId } from '../../diagnosis/catalog.ts';

export function explainText(branch: string): string {
  const id = BranchId.safeParse(branch.trim());
  if (!id.success) return `Unknown branch id \`${branch.slice(0, 60)}\`. Known ids: ${BRANCH_IDS.map((b) => `\`${b}\``).join(', ')}`;
  return `\`${id.data}\``;
}
