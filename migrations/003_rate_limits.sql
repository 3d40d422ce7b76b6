-- Rate limits (issue 5): Pincer's replies are counted per user and per thread in fixed windows,
-- one row each with the window's due time. While a window is spent, the author's messages are
-- read and stored at once but their answer is held (threads.held, JSON of the merged reading)
-- until the `answer_held` timer. The scheduler loop that runs the timers drops spent windows.

CREATE TABLE rate_limits (
  scope TEXT NOT NULL CHECK (scope IN ('user', 'thread')),
  -- A Discord user id (scope user) or a thread id (scope thread).
  subject TEXT NOT NULL,
  window_start INTEGER NOT NULL,
  replies INTEGER NOT NULL,
  -- window_start + the configured window (ms epoch): the row ends then.
  due_at INTEGER NOT NULL,
  PRIMARY KEY (scope, subject)
);
CREATE INDEX rate_limits_due ON rate_limits (due_at);

ALTER TABLE threads ADD COLUMN held TEXT;

-- SQLite cannot widen a CHECK: the timers table is rebuilt with the new kind, rows kept.
CREATE TABLE timers_next (
  thread_id TEXT NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('remind_author', 'auto_close', 'answer_held')),
  due_at INTEGER NOT NULL,
  PRIMARY KEY (thread_id, kind)
);
INSERT INTO timers_next (thread_id, kind, due_at) SELECT thread_id, kind, due_at FROM timers;
DROP TABLE timers;
ALTER TABLE timers_next RENAME TO timers;
CREATE INDEX timers_due ON timers (due_at);
