-- Version 3: conversations. Channels with threads (email) name each item's
-- message id; a reply that refers to a known message, or names a complaint
-- number, becomes an inbound contact on that complaint instead of a new one.
CREATE TABLE thread_messages (
  message_id TEXT PRIMARY KEY,
  complaint_id INTEGER NOT NULL REFERENCES complaints(id)
) WITHOUT ROWID;

-- A contact that came in through a channel keeps its source key, so taking
-- the same reply again adds nothing (exactly once, as for complaints).
ALTER TABLE contacts ADD COLUMN source_key TEXT;
CREATE UNIQUE INDEX contacts_source_key ON contacts(source_key) WHERE source_key IS NOT NULL;
