-- Thread memory (issue 5): one row per thread, its messages and evidence facts, Pincer's asks,
-- suggestions and replies, solutions, feedback, escalations, change records and due timers.
-- List tables carry `ord` (position in the thread's in-memory list) so a load rebuilds the exact
-- state; records without a natural column layout keep their JSON in `data`.

CREATE TABLE threads (
  id TEXT PRIMARY KEY,
  channel_kind TEXT NOT NULL CHECK (channel_kind IN ('forum_post', 'dm', 'terminal', 'interaction')),
  author_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('new', 'needs_info', 'bot_answered', 'needs_human', 'solved', 'closed')),
  paused INTEGER NOT NULL DEFAULT 0,
  episode INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  escalated_at INTEGER,
  solve_prompted_at INTEGER
);
CREATE INDEX threads_status ON threads (status);

-- Every Discord event / message id handled once: a duplicate delivery is a no-op.
CREATE TABLE processed_events (
  event_id TEXT PRIMARY KEY,
  thread_id TEXT NOT NULL,
  processed_at INTEGER NOT NULL
);

-- Text is already masked by ingest; it is kept only while retention allows (purgeOldText).
CREATE TABLE messages (
  thread_id TEXT NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
  message_id TEXT NOT NULL,
  ord INTEGER NOT NULL,
  author_id TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('author', 'helper', 'member', 'other_bot')),
  seq INTEGER NOT NULL,
  episode INTEGER NOT NULL,
  at INTEGER NOT NULL,
  text_hash TEXT NOT NULL,
  text TEXT,
  text_purged_at INTEGER,
  PRIMARY KEY (thread_id, message_id)
);
CREATE INDEX messages_at ON messages (at) WHERE text IS NOT NULL;

-- One row per fact (zod `Fact` JSON, validated on load); an edit replaces a message's rows.
CREATE TABLE facts (
  thread_id TEXT NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
  message_id TEXT NOT NULL,
  idx INTEGER NOT NULL,
  ord INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  episode INTEGER NOT NULL,
  kind TEXT NOT NULL,
  stale INTEGER NOT NULL DEFAULT 0,
  fact TEXT NOT NULL,
  PRIMARY KEY (thread_id, message_id, idx)
);
CREATE INDEX facts_kind ON facts (kind);

CREATE TABLE asks (
  thread_id TEXT NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
  reply_id TEXT NOT NULL,
  ord INTEGER NOT NULL,
  ask_id TEXT NOT NULL,
  episode INTEGER NOT NULL,
  asked_at INTEGER NOT NULL,
  answered_by TEXT,
  data TEXT NOT NULL,
  PRIMARY KEY (thread_id, reply_id)
);

CREATE TABLE suggestions (
  thread_id TEXT NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
  reply_id TEXT NOT NULL,
  ord INTEGER NOT NULL,
  branch TEXT NOT NULL,
  command TEXT,
  outcome TEXT NOT NULL CHECK (outcome IN ('pending', 'worked', 'failed', 'unknown')),
  episode INTEGER NOT NULL,
  suggested_at INTEGER NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (thread_id, reply_id)
);
CREATE INDEX suggestions_branch ON suggestions (branch, outcome);

-- Pincer's own replies: posted id (to edit/delete) and content hash (never repeat).
CREATE TABLE replies (
  thread_id TEXT NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
  reply_id TEXT NOT NULL,
  ord INTEGER NOT NULL,
  to_message_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  branch TEXT,
  next_command TEXT,
  episode INTEGER NOT NULL,
  replied_at INTEGER NOT NULL,
  posted_id TEXT,
  deleted INTEGER NOT NULL DEFAULT 0,
  data TEXT NOT NULL,
  PRIMARY KEY (thread_id, reply_id)
);

CREATE TABLE solutions (
  thread_id TEXT NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  message_id TEXT,
  solved_by TEXT NOT NULL,
  branch TEXT,
  pincer_reply INTEGER NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('pincer', 'answer_overflow', 'feedback')),
  episode INTEGER NOT NULL,
  solved_at INTEGER NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (thread_id, ord)
);

CREATE TABLE feedback (
  thread_id TEXT NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  reply_id TEXT NOT NULL,
  verdict TEXT NOT NULL CHECK (verdict IN ('worked', 'didnt_work', 'dismiss')),
  given_by TEXT NOT NULL,
  given_at INTEGER NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (thread_id, ord)
);

CREATE TABLE escalations (
  thread_id TEXT NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  reason TEXT NOT NULL,
  episode INTEGER NOT NULL,
  escalated_at INTEGER NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (thread_id, ord)
);

-- "Something changed" records (a reported action, or evidence that differs).
CREATE TABLE changes (
  thread_id TEXT NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  episode INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (thread_id, ord)
);

-- Due timers, run by one scheduler loop (`dueTimers(now)`), correct across restarts.
CREATE TABLE timers (
  thread_id TEXT NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('remind_author', 'auto_close')),
  due_at INTEGER NOT NULL,
  PRIMARY KEY (thread_id, kind)
);
CREATE INDEX timers_due ON timers (due_at);
