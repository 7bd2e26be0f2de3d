-- The reminder job's lock: one row per job, taken with SELECT … FOR UPDATE by the replica that
-- writes a run's reminders, so that N replicas on one database write one after the other.
CREATE TABLE job_lock (
  name VARCHAR(64) PRIMARY KEY
);
INSERT INTO job_lock (name) VALUES ('reminders');

-- REQUIREMENTS.md, Reminders: one reminder per requirement × region × period × stage, ever. The
-- unique key is what makes a second run (on any replica) a no-op. lead_days is the lead time of an
-- UPCOMING reminder (90, 30, 7) and 0 for OVERDUE: part of the stage's identity.
CREATE TABLE reminder (
  id CHAR(36) PRIMARY KEY,
  requirement_id VARCHAR(64) NOT NULL,
  requirement_title VARCHAR(255) NULL,
  region_code VARCHAR(12) NOT NULL,
  region_name VARCHAR(100) NULL,
  period_start DATE NOT NULL,
  period_end DATE NOT NULL,
  due_date DATE NOT NULL,
  stage VARCHAR(10) NOT NULL,
  lead_days INT NOT NULL,
  created_at DATETIME(3) NOT NULL,
  UNIQUE KEY uq_reminder_stage (requirement_id, region_code, period_start, stage, lead_days),
  KEY idx_reminder_region (region_code, created_at),
  KEY idx_reminder_created (created_at)
);

-- A subscription. region_prefix = RegionCode.prefix(region_code) ('' for the country): a reminder
-- goes to every webhook whose prefix starts its region code.
CREATE TABLE webhook (
  id CHAR(36) PRIMARY KEY,
  url VARCHAR(2000) NOT NULL,
  region_code VARCHAR(12) NOT NULL,
  region_prefix VARCHAR(12) NOT NULL,
  secret VARCHAR(100) NOT NULL,
  created_at DATETIME(3) NOT NULL
);

-- The outbox: a row per (reminder, webhook), written in the reminder's transaction, so that a crash
-- between "created" and "sent" loses nothing. The sender claims due rows (FOR UPDATE SKIP LOCKED)
-- for a lease (claimed_until, not indexed, so that claiming touches only the rows it locked); a sender
-- that dies leaves its rows due again when the lease runs out.
CREATE TABLE webhook_delivery (
  id CHAR(36) PRIMARY KEY,
  webhook_id CHAR(36) NOT NULL,
  reminder_id CHAR(36) NOT NULL,
  payload TEXT NOT NULL,
  status VARCHAR(10) NOT NULL,
  attempts INT NOT NULL,
  next_attempt_at DATETIME(3) NULL,
  claim_token CHAR(36) NULL,
  claimed_until DATETIME(3) NULL,
  last_attempt_at DATETIME(3) NULL,
  last_status_code INT NULL,
  last_error VARCHAR(500) NULL,
  delivered_at DATETIME(3) NULL,
  created_at DATETIME(3) NOT NULL,
  UNIQUE KEY uq_delivery (reminder_id, webhook_id),
  KEY idx_delivery_due (status, next_attempt_at),
  KEY idx_delivery_webhook (webhook_id, created_at),
  CONSTRAINT fk_delivery_webhook FOREIGN KEY (webhook_id) REFERENCES webhook (id) ON DELETE CASCADE,
  CONSTRAINT fk_delivery_reminder FOREIGN KEY (reminder_id) REFERENCES reminder (id)
);
