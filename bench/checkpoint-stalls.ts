/**
 * What SQLite's WAL checkpoint costs the thread that commits (not part of `npm run bench`; by hand):
 *   node bin/run-ts.mjs bench/checkpoint-stalls.ts [commits=1500]
 * Commits `commits` transactions of ~8 pages each (about what one answered message writes), one
 * every 5 ms, to a temp database opened like the bot's (src/store/db.ts), twice:
 *  - `main`: SQLite's automatic checkpoint, inside the COMMIT that crosses 1,000 pages;
 *  - `worker`: src/store/checkpointer.ts, the bot's setting.
 * Prints each run's commit p50 / p99 / max (ms), the first tenth left out (warm-up). No network.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/store/db.ts';
import { startCheckpointer } from '../src/store/checkpointer.ts';
import { fmt, p50, p99, sleep } from './stats.ts';

const commits = Number(process.argv[2] ?? 1_500);

async function run(mode: 'main' | 'worker'): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pincer-ckpt-bench-'));
  const db = openDatabase(join(dir, 'pincer.db'));
  db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, tag TEXT NOT NULL, body TEXT NOT NULL); CREATE INDEX filler_tag ON filler (tag)');
  const checkpoints = mode === 'worker' ? startCheckpointer(db, { startAtBytes: 0, watchMs: 10 }) : null;
  const insert = db.prepare('INSERT INTO filler (tag, body) VALUES (?, ?)');
  const ms: number[] = [];
  for (let i = 0; i < commits; i++) {
    await sleep(5);
    const t0 = performance.now();
    // IMMEDIATE, as the pipeline's transactions (src/pipeline/pipeline.ts).
    db.transaction(() => {
      for (let k = 0; k < 12; k++) insert.run(`t${i}.${k}.${Math.random()}`, 'x'.repeat(1_500));
    }).immediate();
    ms.push(performance.now() - t0);
  }
  await checkpoints?.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
  const sorted = ms.slice(ms.length / 10).sort((a, b) => a - b);
  console.log(`${mode.padEnd(6)} commit p50 ${fmt(p50(sorted))} ms, p99 ${fmt(p99(sorted))} ms, max ${fmt(sorted.at(-1)!)} ms`);
}

await run('main');
await run('worker');
