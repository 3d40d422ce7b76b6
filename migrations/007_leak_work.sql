-- Issue 15 #1: the leaked-key workflow (delete, helper alert, public note, rotation DM, mod-log
-- line) as durable work. A row is written in the same transaction that marks the message
-- processed, each step is stamped when done, and the row is deleted once every step is done
-- (leaked_credentials keeps the outcome). A crash or an outage leaves the row; the bot retries it.
-- Findings are stored masked (type prefix + last 4), as the message text itself is.

CREATE TABLE leak_work (
  message_id TEXT PRIMARY KEY,
  channel_id TEXT NOT NULL,
  guild_id TEXT,
  thread_id TEXT,
  author_id TEXT NOT NULL,
  findings TEXT NOT NULL,
  removal TEXT,
  alerted INTEGER,
  note_done INTEGER NOT NULL DEFAULT 0,
  dm_done INTEGER NOT NULL DEFAULT 0,
  modlog_done INTEGER NOT NULL DEFAULT 0,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX leak_work_next ON leak_work (next_at);
