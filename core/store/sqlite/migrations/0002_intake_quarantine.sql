-- Version 2: the intake quarantine. What an intake channel could not turn
-- into a complaint is kept here with its raw bytes and the reason, never
-- dropped; a person retries it (fixed) or dismisses it, both audited.
CREATE TABLE quarantine (
  id INTEGER PRIMARY KEY,
  plugin TEXT NOT NULL,
  source_key TEXT NOT NULL,
  raw BLOB NOT NULL,
  reason TEXT NOT NULL,
  first_at INTEGER NOT NULL,
  last_at INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 1,
  -- held: waiting for a person; released: retried into complaint_id;
  -- dismissed: a person decided it is not a complaint (note says why).
  state TEXT NOT NULL DEFAULT 'held' CHECK (state IN ('held', 'released', 'dismissed')),
  complaint_id INTEGER REFERENCES complaints(id),
  note TEXT NOT NULL DEFAULT '',
  UNIQUE (plugin, source_key)
);
CREATE INDEX quarantine_state ON quarantine(state, id);

-- Channel fields with no place in the template (record.extra), as they came.
ALTER TABLE complaints ADD COLUMN extra TEXT NOT NULL DEFAULT '{}';
