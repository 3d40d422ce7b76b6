/**
 * Rows of the community workflow (migrations/002_workflow.sql): the helper-channel alert of each
 * escalation, and the log of pasted credentials. Plain better-sqlite3 statements with parameters;
 * no text a user wrote is stored here (ids, credential type names, flags and times only).
 */
import type { Database } from 'better-sqlite3';

export interface HelperAlert {
  threadId: string;
  episode: number;
  reason: string;
  branch: string | null;
  channelId: string;
  /** The helper-channel message, once posted. */
  postedId: string | null;
  postedAt: number;
  acknowledgedBy: string | null;
  acknowledgedAt: number | null;
}

export interface LeakedCredential {
  messageId: string;
  threadId: string | null;
  channelId: string;
  authorId: string;
  /** e.g. ['anthropic_api_key']; type names only. */
  credentialTypes: string[];
  inGuild: boolean;
  removed: boolean;
  alertedHelpers: boolean;
  at: number;
}

export interface WorkflowStore {
  /**
   * Claims the alert slot of (thread, episode): true when this call created it (post the alert),
   * false when one exists already (the helpers were told once; never twice).
   */
  claimHelperAlert(a: Omit<HelperAlert, 'postedId' | 'acknowledgedBy' | 'acknowledgedAt'>): boolean;
  /** Records the helper-channel message id of a claimed alert. */
  helperAlertPosted(threadId: string, episode: number, postedId: string): void;
  /** Gives a claimed slot back (the post failed), so a later escalation can try again. */
  releaseHelperAlert(threadId: string, episode: number): void;
  /** The newest alert of a thread, or null. */
  latestHelperAlert(threadId: string): HelperAlert | null;
  /** Records who acknowledged the thread's newest alert; false when there is none or it was acknowledged. */
  acknowledgeHelperAlert(threadId: string, by: string, at: number): boolean;
  /** Records a pasted credential (first report of a message wins). */
  recordLeak(l: LeakedCredential): void;
  /** A credential in this message was handled already. */
  leakRecorded(messageId: string): boolean;
}

type Row = Record<string, string | number | null>;

function toAlert(r: Row): HelperAlert {
  return {
    threadId: String(r.thread_id),
    episode: Number(r.episode),
    reason: String(r.reason),
    branch: r.branch === null ? null : String(r.branch),
    channelId: String(r.channel_id),
    postedId: r.posted_id === null ? null : String(r.posted_id),
    postedAt: Number(r.posted_at),
    acknowledgedBy: r.acknowledged_by === null ? null : String(r.acknowledged_by),
    acknowledgedAt: r.acknowledged_at === null ? null : Number(r.acknowledged_at),
  };
}

/** One store per database: its statements are prepared once (better-sqlite3 keeps every one alive). */
const stores = new WeakMap<Database, WorkflowStore>();

export function createWorkflowStore(db: Database): WorkflowStore {
  let store = stores.get(db);
  if (!store) stores.set(db, (store = buildWorkflowStore(db)));
  return store;
}

function buildWorkflowStore(db: Database): WorkflowStore {
  const q = {
    claim: db.prepare(
      `INSERT OR IGNORE INTO helper_alerts (thread_id, episode, reason, branch, channel_id, posted_at)
       VALUES (@threadId, @episode, @reason, @branch, @channelId, @postedAt)`,
    ),
    posted: db.prepare('UPDATE helper_alerts SET posted_id = ? WHERE thread_id = ? AND episode = ?'),
    release: db.prepare('DELETE FROM helper_alerts WHERE thread_id = ? AND episode = ? AND posted_id IS NULL'),
    latest: db.prepare('SELECT * FROM helper_alerts WHERE thread_id = ? ORDER BY episode DESC LIMIT 1'),
    ack: db.prepare(
      `UPDATE helper_alerts SET acknowledged_by = ?, acknowledged_at = ?
       WHERE thread_id = ? AND episode = (SELECT MAX(episode) FROM helper_alerts WHERE thread_id = ?) AND acknowledged_by IS NULL`,
    ),
    leaked: db.prepare('SELECT 1 FROM leaked_credentials WHERE message_id = ?'),
    leak: db.prepare(
      `INSERT OR IGNORE INTO leaked_credentials
       (message_id, thread_id, channel_id, author_id, credential_types, in_guild, removed, alerted_helpers, at)
       VALUES (@messageId, @threadId, @channelId, @authorId, @credentialTypes, @inGuild, @removed, @alertedHelpers, @at)`,
    ),
  };
  return {
    claimHelperAlert: (a) => q.claim.run(a).changes === 1,
    helperAlertPosted: (threadId, episode, postedId) => void q.posted.run(postedId, threadId, episode),
    releaseHelperAlert: (threadId, episode) => void q.release.run(threadId, episode),
    latestHelperAlert: (threadId) => {
      const r = q.latest.get(threadId) as Row | undefined;
      return r ? toAlert(r) : null;
    },
    acknowledgeHelperAlert: (threadId, by, at) => q.ack.run(by, at, threadId, threadId).changes === 1,
    leakRecorded: (messageId) => q.leaked.get(messageId) !== undefined,
    recordLeak: (l) =>
      void q.leak.run({
        ...l,
        credentialTypes: l.credentialTypes.join(','),
        inGuild: l.inGuild ? 1 : 0,
        removed: l.removed ? 1 : 0,
        alertedHelpers: l.alertedHelpers ? 1 : 0,
      }),
  };
}
