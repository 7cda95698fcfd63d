-- Version 5: automatic classification and routing. One row per complaint
-- that was classified at intake: the decisions (JSON, target -> value,
-- confidence, by, explanation), the fields filled from them, and the triage
-- state: a person reviews low-confidence decisions, and their corrections
-- are kept (the complaint's own fields carry them into the next training).
CREATE TABLE classifications (
  complaint_id INTEGER PRIMARY KEY REFERENCES complaints(id),
  at INTEGER NOT NULL,
  decisions TEXT NOT NULL DEFAULT '{}',
  filled TEXT NOT NULL DEFAULT '[]',
  assigned_by TEXT NOT NULL DEFAULT '',
  triage INTEGER NOT NULL DEFAULT 0,
  triage_reason TEXT NOT NULL DEFAULT '',
  reviewed_by TEXT NOT NULL DEFAULT '',
  reviewed_at INTEGER,
  corrections TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX classifications_triage ON classifications(at) WHERE triage = 1;

-- Routing balances owners by their open complaints.
CREATE INDEX complaints_owner_status ON complaints(owner, status);
