/**
 * (Re)writes the expected Evidence JSON of golden fixtures. Review every file it writes by eye:
 *   npx tsx test/evidence/golden-regen.ts [substring-of-case-name …]
 * With no argument only fixtures without a .json are written.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { goldenCases, readFixture } from './golden.ts';

const filters = process.argv.slice(2);
for (const c of goldenCases()) {
  const wanted = filters.length === 0 ? !existsSync(c.jsonPath) : filters.some((f) => c.name.includes(f));
  if (!wanted) continue;
  writeFileSync(c.jsonPath, `${JSON.stringify(readFixture(c.txtPath), null, 2)}\n`);
  console.log(`wrote ${c.name}.json`);
}
