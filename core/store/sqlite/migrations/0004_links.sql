-- Version 4: duplicates and merges. One row per link that folded a
-- complaint into another, with what moved (JSON arrays), so that an undo can
-- put everything back; undone links stay, with who undid them and when.
CREATE TABLE complaint_links (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('probable_duplicate', 'duplicate', 'merge')),
  complaint_id INTEGER NOT NULL REFERENCES complaints(id),
  survivor_id INTEGER NOT NULL REFERENCES complaints(id),
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  score REAL NOT NULL DEFAULT 0,
  status_before TEXT NOT NULL,
  moved_contacts TEXT NOT NULL DEFAULT '[]',
  moved_attachments TEXT NOT NULL DEFAULT '[]',
  moved_messages TEXT NOT NULL DEFAULT '[]',
  note_contact INTEGER,
  undone_at INTEGER,
  undone_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX complaint_links_complaint ON complaint_links(complaint_id) WHERE undone_at IS NULL;
CREATE INDEX complaint_links_survivor ON complaint_links(survivor_id) WHERE undone_at IS NULL;

-- Intake looks for probable duplicates among one customer's recent
-- complaints on the same order or the same product.
CREATE INDEX complaints_customer_order ON complaints(customer, order_number, received_at);
CREATE INDEX complaints_customer_product ON complaints(customer, product_model, received_at);
