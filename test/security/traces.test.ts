/** The trace finder itself: it must see a secret wherever SQLite, a log or a reply keeps it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_CREDENTIALS } from '../fixtures/secrets/fake-credentials.ts';
import { findTraces } from './traces.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function openDb() {
  const dir = mkdtempSync(join(tmpdir(), 'pincer-traces-'));
  dirs.push(dir);
  const path = join(dir, 'pincer.db');
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (v TEXT)');
  return { db, path };
}

describe('findTraces', () => {
  const [key] = FAKE_CREDENTIALS;

  it('finds a secret that is only in the -wal file (not yet checkpointed)', () => {
    const { db, path } = openDb();
    db.prepare('INSERT INTO t (v) VALUES (?)').run(`paste: ${key!.secret}`);
    expect(findTraces({ dbPath: path }).some((t) => t.startsWith('database'))).toBe(true);
    db.close();
  });

  it('finds a piece of a secret stored as UTF-16', () => {
    const { db, path } = openDb();
    db.prepare('INSERT INTO t (v) VALUES (?)').run(Buffer.from(key!.secret.slice(13, 40), 'utf16le'));
    expect(findTraces({ dbPath: path }).length).toBeGreaterThan(0);
    db.close();
  });

  it('finds secrets in logs and outputs and reports nothing for clean ones', () => {
    expect(findTraces({ logs: [`{"msg":"${key!.secret.slice(20, 40)}"}`] })).not.toEqual([]);
    expect(findTraces({ outputs: [`reply ${key!.secret}`] })).not.toEqual([]);
    expect(findTraces({ logs: ['{"msg":"sk-ant-api03-…AAAA"}'], outputs: ['ok'] })).toEqual([]);
  });
});
