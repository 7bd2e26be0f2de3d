-- Rectification (整改; docs/API.md, "Rectification"; issue #26): a non-compliant item given to its region to put right,
-- verified by a region above against the facts. open_slot is 1 while the rectification is open (OPEN, SUBMITTED,
-- REJECTED) and NULL once VERIFIED: the unique key then allows one open rectification per item (requirement × region
-- × period) and any number of verified ones, kept as history. It is what makes the reminder job open a rectification
-- once across replicas and Galera nodes (INSERT IGNORE under the key, no lock row; issue #18), and a second one by hand
-- a 409. owner_* , expected and actual are the item's when it opened, never updated. overdue_run is the run of the
-- reminder job that claimed its rectification.overdue event (a written row, so that two runs, on any node, claim it
-- once).
CREATE TABLE rectification (
  id CHAR(36) PRIMARY KEY,
  requirement_id VARCHAR(64) NOT NULL,
  region_code VARCHAR(12) NOT NULL,
  period_start DATE NOT NULL,
  period_end DATE NULL,
  due_date DATE NOT NULL,
  description VARCHAR(1000) NOT NULL,
  status VARCHAR(10) NOT NULL,
  open_slot TINYINT NULL,
  owner_unit VARCHAR(255) NULL,
  owner_contact VARCHAR(255) NULL,
  owner_region_code VARCHAR(12) NULL,
  expected VARCHAR(100) NULL,
  actual VARCHAR(100) NULL,
  overdue_run CHAR(36) NULL,
  created_at DATETIME(3) NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  UNIQUE KEY uq_rectification_open (requirement_id, region_code, period_start, open_slot),
  KEY idx_rectification_region (region_code, status),
  KEY idx_rectification_due (open_slot, due_date),
  KEY idx_rectification_overdue_run (overdue_run)
);

-- A rectification's history: every transition, in order (seq from 1), with the item's status as the engine judged it
-- then (NULL when it was not asked).
CREATE TABLE rectification_step (
  rectification_id CHAR(36) NOT NULL,
  seq INT NOT NULL,
  status VARCHAR(10) NOT NULL,
  actor VARCHAR(255) NOT NULL,
  at DATETIME(3) NOT NULL,
  note VARCHAR(2000) NULL,
  document_ref VARCHAR(100) NULL,
  item_status VARCHAR(16) NULL,
  PRIMARY KEY (rectification_id, seq),
  CONSTRAINT fk_step_rectification FOREIGN KEY (rectification_id) REFERENCES rectification (id)
);

-- The webhook outbox carries rectification events too (rectification.opened, .overdue, .verified): reminder_id is the
-- event's id (the webhook-id of its deliveries), a reminder's id or a rectification event's, so it no longer refers to
-- a reminder row. uq_delivery (reminder_id, webhook_id) still keeps one delivery per event and webhook.
ALTER TABLE webhook_delivery DROP FOREIGN KEY fk_delivery_reminder;
