-- qloop ledger schema, version 1. Times are UTC seconds since the epoch.
CREATE TABLE complaints (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  source_key TEXT UNIQUE,
  customer TEXT NOT NULL,
  contact TEXT NOT NULL DEFAULT '',
  received_at INTEGER NOT NULL,
  channel TEXT NOT NULL,
  product_model TEXT NOT NULL DEFAULT '',
  lot TEXT NOT NULL DEFAULT '',
  order_number TEXT NOT NULL DEFAULT '',
  quantity_affected INTEGER NOT NULL DEFAULT 0 CHECK (quantity_affected >= 0),
  phenomenon TEXT NOT NULL,
  attachments TEXT NOT NULL DEFAULT '[]',
  reporter TEXT NOT NULL DEFAULT '',
  category TEXT NOT NULL DEFAULT '',
  subcategory TEXT NOT NULL DEFAULT '',
  severity TEXT NOT NULL CHECK (severity IN ('critical', 'major', 'minor')),
  key_complaint INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL,
  owner TEXT NOT NULL DEFAULT '',
  owner_department TEXT NOT NULL DEFAULT '',
  duplicate_of INTEGER REFERENCES complaints(id),
  recurrence_of INTEGER REFERENCES complaints(id),
  waiting_on_customer INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  closed_at INTEGER
);
CREATE INDEX complaints_status ON complaints(status);
CREATE INDEX complaints_received ON complaints(received_at);
CREATE INDEX complaints_product ON complaints(product_model);
CREATE INDEX complaints_customer ON complaints(customer);

CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;

CREATE TABLE contacts (
  id INTEGER PRIMARY KEY,
  complaint_id INTEGER NOT NULL REFERENCES complaints(id),
  channel TEXT NOT NULL DEFAULT '',
  direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
  purpose TEXT NOT NULL,
  at INTEGER NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  actor TEXT NOT NULL DEFAULT ''
);
CREATE INDEX contacts_complaint ON contacts(complaint_id);

CREATE TABLE actions (
  id INTEGER PRIMARY KEY,
  complaint_id INTEGER NOT NULL REFERENCES complaints(id),
  type TEXT NOT NULL CHECK (type IN ('temporary', 'permanent', 'preventive')),
  description TEXT NOT NULL,
  owner_department TEXT NOT NULL DEFAULT '',
  owner TEXT NOT NULL DEFAULT '',
  due INTEGER,
  status TEXT NOT NULL,
  evidence TEXT NOT NULL DEFAULT '',
  verification_result TEXT NOT NULL DEFAULT '',
  verified_by TEXT NOT NULL DEFAULT '',
  verified_at INTEGER
);
CREATE INDEX actions_complaint ON actions(complaint_id);

CREATE TABLE revisits (
  id INTEGER PRIMARY KEY,
  complaint_id INTEGER NOT NULL REFERENCES complaints(id),
  at INTEGER NOT NULL,
  satisfaction INTEGER NOT NULL DEFAULT 0 CHECK (satisfaction BETWEEN 0 AND 5),
  comment TEXT NOT NULL DEFAULT '',
  problem_recurred INTEGER NOT NULL DEFAULT 0,
  waived INTEGER NOT NULL DEFAULT 0,
  waiver_reason TEXT NOT NULL DEFAULT '',
  actor TEXT NOT NULL DEFAULT ''
);
CREATE INDEX revisits_complaint ON revisits(complaint_id);

CREATE TABLE pauses (
  id INTEGER PRIMARY KEY,
  complaint_id INTEGER NOT NULL REFERENCES complaints(id),
  from_at INTEGER NOT NULL,
  to_at INTEGER,
  reason TEXT NOT NULL
);
CREATE INDEX pauses_complaint ON pauses(complaint_id);

CREATE TABLE eight_d (
  complaint_id INTEGER PRIMARY KEY REFERENCES complaints(id),
  doc TEXT NOT NULL
);

CREATE TABLE analyses (
  id INTEGER PRIMARY KEY,
  complaint_id INTEGER NOT NULL REFERENCES complaints(id),
  method TEXT NOT NULL,
  plugin TEXT NOT NULL,
  section TEXT NOT NULL,
  request TEXT NOT NULL,
  result TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX analyses_complaint ON analyses(complaint_id);

CREATE TABLE audit_events (
  seq INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  complaint_id INTEGER,
  kind TEXT NOT NULL,
  before TEXT NOT NULL DEFAULT '',
  after TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '',
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_complaint ON audit_events(complaint_id);
-- Append-only through the normal path; anyone who drops these triggers to
-- edit history is still caught by the hash chain (qloop audit verify).
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_events
  BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_events
  BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
