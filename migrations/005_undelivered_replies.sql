-- A reply is committed with the thread before it is posted. Until the adapter reports it posted
-- (replyPosted) its content waits here, so a crash or a Discord outage between the commit and
-- the post loses nothing: the scheduler loop delivers it later, or gives it up (NULL again).
-- Pincer's own words only: replies never hold a secret (ingest masked it first).
ALTER TABLE replies ADD COLUMN undelivered TEXT;
CREATE INDEX replies_undelivered ON replies (replied_at) WHERE undelivered IS NOT NULL;
