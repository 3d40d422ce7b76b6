/**
 * Pending leaked-key work (migrations/007_leak_work.sql): one row per message that held a full
 * credential, from the moment the message is marked processed until every step of the workflow
 * (src/discord/workflow/leaked-keys.ts) is done. Findings are kept masked only.
 */
import type { Database } from 'better-sqlite3';
import type { SecretFinding } from '../ingest/types.ts';
import { createWorkflowStore, type LeakedCredential } from './workflow.ts';

export interface LeakWork {
  messageId: string;
  channelId: string;
  /** null in DMs. */
  guildId: string | null;
  /** The pipeline's thread (`dm:<userId>` in DMs), null for a guild channel outside help threads. */
  threadId: string | null;
  authorId: string;
  findings: SecretFinding[];
  /** null: not tried yet; 'removed'; or why the message stays (Pincer lacks Manage Messages …). */
  removal: string | null;
  /** null: not due or not tried; else whether the helper channel was alerted. */
  alerted: boolean | null;
  noteDone: boolean;
  dmDone: boolean;
  modlogDone: boolean;
  attempts: number;
  /** ms epoch. */
  createdAt: number;
}

export type LeakStep = Partial<Pick<LeakWork, 'removal' | 'alerted' | 'noteDone' | 'dmDone' | 'modlogDone'>>;

export interface LeakWorkStore {
  /** Queues the work of a message; false when it is queued or was handled already. */
  add(w: Pick<LeakWork, 'messageId' | 'channelId' | 'guildId' | 'threadId' | 'authorId' | 'findings'>, now: number): boolean;
  get(messageId: string): LeakWork | null;
  /** Work whose next attempt is due at `now` (ms epoch), oldest first. */
  due(now: number): LeakWork[];
  /** Stamps finished steps. */
  done(messageId: string, step: LeakStep): void;
  /** Counts a failed attempt and sets when to try again. */
  retryAt(messageId: string, nextAt: number): void;
  /** Records the outcome in leaked_credentials and drops the work, in one transaction. */
  finish(messageId: string, record: LeakedCredential): void;
}

type Row = Record<string, string | number | null>;
const bool = (v: unknown): boolean | null => (v === null || v === undefined ? null : Number(v) === 1);

function toWork(r: Row): LeakWork {
  return {
    messageId: String(r.message_id),
    channelId: String(r.channel_id),
    guildId: r.guild_id === null ? null : String(r.guild_id),
    threadId: r.thread_id === null ? null : String(r.thread_id),
    authorId: String(r.author_id),
    findings: JSON.parse(String(r.findings)) as SecretFinding[],
    removal: r.removal === null ? null : String(r.removal),
    alerted: bool(r.alerted),
    noteDone: r.note_done === 1,
    dmDone: r.dm_done === 1,
    modlogDone: r.modlog_done === 1,
    attempts: Number(r.attempts),
    createdAt: Number(r.created_at),
  };
}

const COLUMNS: Record<keyof LeakStep, string> = {
  removal: 'removal',
  alerted: 'alerted',
  noteDone: 'note_done',
  dmDone: 'dm_done',
  modlogDone: 'modlog_done',
};

export function createLeakWorkStore(db: Database): LeakWorkStore {
  const workflow = createWorkflowStore(db);
  const q = {
    add: db.prepare(
      `INSERT OR IGNORE INTO leak_work (message_id, channel_id, guild_id, thread_id, author_id, findings, next_at, created_at)
       SELECT @messageId, @channelId, @guildId, @threadId, @authorId, @findings, @now, @now
       WHERE NOT EXISTS (SELECT 1 FROM leaked_credentials WHERE message_id = @messageId)`,
    ),
    get: db.prepare('SELECT * FROM leak_work WHERE message_id = ?'),
    due: db.prepare('SELECT * FROM leak_work WHERE next_at <= ? ORDER BY created_at LIMIT 50'),
    retry: db.prepare('UPDATE leak_work SET attempts = attempts + 1, next_at = ? WHERE message_id = ?'),
    drop: db.prepare('DELETE FROM leak_work WHERE message_id = ?'),
  };
  const finish = db.transaction((messageId: string, record: LeakedCredential) => {
    workflow.recordLeak(record);
    q.drop.run(messageId);
  });
  return {
    add: (w, now) => q.add.run({ ...w, findings: JSON.stringify(w.findings), now }).changes === 1,
    get: (messageId) => {
      const r = q.get.get(messageId) as Row | undefined;
      return r ? toWork(r) : null;
    },
    due: (now) => (q.due.all(now) as Row[]).map(toWork),
    done: (messageId, step) => {
      const keys = (Object.keys(step) as (keyof LeakStep)[]).filter((k) => step[k] !== undefined);
      if (keys.length === 0) return;
      const value = (k: keyof LeakStep) => (typeof step[k] === 'boolean' ? (step[k] ? 1 : 0) : step[k]);
      db.prepare(`UPDATE leak_work SET ${keys.map((k) => `${COLUMNS[k]} = ?`).join(', ')} WHERE message_id = ?`).run(...keys.map(value), messageId);
    },
    retryAt: (messageId, nextAt) => void q.retry.run(nextAt, messageId),
    finish: (messageId, record) => finish(messageId, record),
  };
}
