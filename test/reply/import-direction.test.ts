/**
 * Imports point down the stages (discord → pipeline → conversation → diagnosis → evidence →
 * ingest) and `src/reply/` is the last stop: only the edges that show replies (reply/ itself,
 * pipeline/, cli/, discord/) may import it. Reads every .ts file under src/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');
const MAY_IMPORT_REPLY = ['reply', 'pipeline', 'cli', 'discord'];

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every module specifier in a file: static `from '…'`, `import '…'` and dynamic `import('…')`. */
function specifiers(source: string): string[] {
  const re = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;
  return [...source.matchAll(re)].map((m) => m[1] as string);
}

describe('import direction', () => {
  const files = tsFiles(SRC);

  it('finds the source tree', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('nothing outside reply/, pipeline/, cli/ and discord/ imports src/reply', () => {
    const offenders: string[] = [];
    for (const file of files) {
      const stage = relative(SRC, file).split(/[\\/]/)[0] as string;
      if (MAY_IMPORT_REPLY.includes(stage)) continue;
      for (const spec of specifiers(readFileSync(file, 'utf8'))) {
        if (!spec.startsWith('.')) continue;
        const target = relative(SRC, resolve(dirname(file), spec)).split(/[\\/]/)[0];
        if (target === 'reply') offenders.push(`${relative(SRC, file)} → ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
