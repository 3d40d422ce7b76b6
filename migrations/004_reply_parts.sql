-- A reply over Discord's 2000 characters is posted as several messages. posted_id is the first;
-- posted_parts the JSON array of the others, in order, so an edit rewrites every part and a
-- dismissal deletes them all.
ALTER TABLE replies ADD COLUMN posted_parts TEXT;
