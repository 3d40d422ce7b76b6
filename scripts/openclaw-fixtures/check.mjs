// `--check <new-version>`: the monthly upkeep. Compares a fresh capture of a new release with the
// newest committed version's captures: which outputs changed shape (lines whose skeleton — text
// with masks, numbers, dates, ids and versions abstracted — appears or disappears), and which
// setups Pincer now diagnoses differently from expect.json.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compare } from './versions.mjs';

/** A line with its variable parts abstracted, so only a change of format shows. */
export function skeleton(line) {
  return line
    .replace(/\b\d{4}-\d\d-\d\dT[\d:.-]+Z\b/g, '<time>')
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, '<uuid>')
    .replace(/\b2026\.\d+\.\d+(?:-[\w.]+)?\b/g, '<version>')
    .replace(/[A-Za-z0-9_-]{2,8}\.\.\.[A-Za-z0-9_-]{2,8}/g, '<mask>')
    .replace(/\b\d+(?:\.\d+)?(?:ms|s|m|h|d)?\b/g, '<n>')
    .replace(/─+/g, '─')
    .replace(/\s+/g, ' ')
    .trim();
}

function skeletons(file) {
  return new Set(readFileSync(file, 'utf8').split('\n').map(skeleton).filter((l) => l.length > 0 && !/^[│├└┌─◇╮╯ ]*$/.test(l)));
}

/** Prints the upkeep report; returns the number of differences. */
export function checkRelease(v, checkRoot, fixtures, repo) {
  const older = readdirSync(fixtures).filter((x) => /^\d{4}\.\d+\.\d+$/.test(x) && x !== v).sort(compare);
  const prev = older.at(-1);
  let differences = 0;
  console.log(`\nOpenClaw ${v} compared with ${prev ?? '(nothing committed)'}\n`);
  console.log('Outputs that changed shape:');
  for (const setup of readdirSync(join(checkRoot, v))) {
    const dir = join(checkRoot, v, setup);
    if (!existsSync(join(dir, 'commands.json')) || !prev) continue;
    for (const { file } of JSON.parse(readFileSync(join(dir, 'commands.json'), 'utf8'))) {
      const old = join(fixtures, prev, setup, file);
      if (!existsSync(old)) continue;
      const a = skeletons(old);
      const b = skeletons(join(dir, file));
      const gone = [...a].filter((l) => !b.has(l));
      const added = [...b].filter((l) => !a.has(l));
      if (gone.length + added.length === 0) continue;
      differences++;
      console.log(`  ${setup}/${file}`);
      for (const l of gone.slice(0, 8)) console.log(`    - ${l}`);
      for (const l of added.slice(0, 8)) console.log(`    + ${l}`);
    }
  }
  console.log('\nDiagnoses that differ from expect.json (expect.json comes from setups.mjs for this version):');
  const r = spawnSync(process.execPath, [join(repo, 'bin', 'run-ts.mjs'), join(repo, 'scripts', 'openclaw-fixtures', 'diagnose-captures.ts'), checkRoot, v], { cwd: repo, encoding: 'utf8' });
  for (const line of (r.stdout ?? '').split('\n').filter(Boolean)) {
    const row = JSON.parse(line);
    if (row.ok) continue;
    differences++;
    console.log(`  ${row.setup}: expected ${row.expected.branch} \`${row.expected.next}\`, Pincer says ${row.got.branch ?? row.got.status} \`${row.got.next_command}\``);
  }
  if (r.status !== 0 && r.status !== 1) console.log(r.stderr);
  console.log(`\n${differences} difference(s). Captures are in ${join(checkRoot, v)}; copy them to test/fixtures/openclaw/${v}/ once the parsers and rules agree.`);
  return differences;
}
