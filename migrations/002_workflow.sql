-- Community workflow (issue 7): the helper-channel alert of each escalation (posted once per
-- thread and episode, with who acknowledged it) and the log of pasted credentials (who, where,
-- which credential type, whether the message was removed; never the credential itself).

CREATE TABLE helper_alerts (
  thread_id TEXT NOT NULL,
  episode INTEGER NOT NULL,
  reason TEXT NOT NULL,
  branch TEXT,
  channel_id TEXT NOT NULL,
  posted_id TEXT,
  posted_at INTEGER NOT NULL,
  acknowledged_by TEXT,
  acknowledged_at INTEGER,
  PRIMARY KEY (thread_id, episode)
);

CREATE TABLE leaked_credentials (
  message_id TEXT PRIMARY KEY,
  thread_id TEXT,
  channel_id TEXT NOT NULL,
  author_id TEXT NOT NULL,
  credential_types TEXT NOT NULL,
  in_guild INTEGER NOT NULL,
  removed INTEGER NOT NULL,
  alerted_helpers INTEGER NOT NULL DEFAULT 0,
  at INTEGER NOT NULL
);
CREATE INDEX leaked_credentials_author ON leaked_credentials (author_id);
