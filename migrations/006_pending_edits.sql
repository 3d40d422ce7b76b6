-- An edit of a posted reply waits here until Discord confirms it (replyEdited), so an outage or a
-- crash between the commit and the edit cannot leave the old text standing: the scheduler loop
-- applies it later, or gives it up (NULL again). Pincer's own words only, never a secret.
ALTER TABLE replies ADD COLUMN pending_edit TEXT;
ALTER TABLE replies ADD COLUMN pending_edit_at INTEGER;
CREATE INDEX replies_pending_edit ON replies (pending_edit_at) WHERE pending_edit IS NOT NULL;
