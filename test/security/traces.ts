/**
 * Where a leaked secret could end up after Pincer handled a message, gathered as text so the
 * corpus tests can search it: the SQLite database file with its -wal/-shm/-journal siblings (raw
 * bytes, read both as UTF-8 and as UTF-16 so no encoding hides a copy), captured log lines, and
 * every reply or Discord request body. Used by the terminal-thread corpus test and, later, by the
 * fake-Discord one: pass whatever you captured.
 */
import { existsSync, readFileSync } from 'node:fs';
import { FAKE_CREDENTIALS, tracesIn, type FakeCredential } from '../fixtures/secrets/fake-credentials.ts';

export interface Captured {
  /** Path of the SQLite file; its -wal, -shm and -journal files are read too when present. */
  dbPath?: string;
  /** Captured log output (pino lines). */
  logs?: string[];
  /** Reply markdown, Discord request bodies, CLI output … */
  outputs?: string[];
}

/** Text views of the database files' bytes. */
export function databaseText(dbPath: string): string {
  return ['', '-wal', '-shm', '-journal']
    .map((suffix) => `${dbPath}${suffix}`)
    .filter((file) => existsSync(file))
    .flatMap((file) => {
      const bytes = readFileSync(file);
      return [bytes.toString('utf8'), bytes.toString('utf16le'), bytes.subarray(1).toString('utf16le')];
    })
    .join('\n');
}

/** Every fragment of the given fake secrets found anywhere in what was captured, with where. */
export function findTraces(captured: Captured, secrets: readonly FakeCredential[] = FAKE_CREDENTIALS): string[] {
  const places: [string, string][] = [
    ['database', captured.dbPath ? databaseText(captured.dbPath) : ''],
    ['logs', (captured.logs ?? []).join('\n')],
    ['outputs', (captured.outputs ?? []).join('\n')],
  ];
  return places.flatMap(([where, text]) => tracesIn(text, secrets).map((fragment) => `${where}: ${fragment}`));
}
