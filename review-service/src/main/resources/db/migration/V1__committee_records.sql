-- Party committee terms, meetings and documents (API.md, "Committee terms, meetings, documents").
CREATE TABLE committee_term (
  id CHAR(36) PRIMARY KEY,
  region_code VARCHAR(12) NOT NULL,
  start_date DATE NOT NULL,
  end_date DATE NOT NULL,
  created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  KEY idx_committee_term_region (region_code, start_date),
  CONSTRAINT chk_committee_term_order CHECK (end_date > start_date)
);

-- One row per region that has terms: taken FOR UPDATE (by INSERT … ON DUPLICATE KEY UPDATE) before
-- the overlap check, so that two concurrent writes for one region are serialised even when the
-- region has no term yet (a locking read of an empty range would only take gap locks, which do not
-- exclude each other).
CREATE TABLE committee_term_region_lock (
  region_code VARCHAR(12) PRIMARY KEY
);

CREATE TABLE meeting (
  id CHAR(36) PRIMARY KEY,
  region_code VARCHAR(12) NOT NULL,
  type VARCHAR(32) NOT NULL,
  meeting_date DATE NOT NULL,
  title VARCHAR(255) NOT NULL,
  document_ref VARCHAR(100) NULL,
  created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  KEY idx_meeting_region (region_code, meeting_date),
  KEY idx_meeting_type_date (type, meeting_date, region_code)
);

CREATE TABLE committee_document (
  id CHAR(36) PRIMARY KEY,
  region_code VARCHAR(12) NOT NULL,
  type VARCHAR(32) NOT NULL,
  document_date DATE NOT NULL,
  title VARCHAR(255) NOT NULL,
  document_ref VARCHAR(100) NULL,
  created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  KEY idx_document_region (region_code, document_date),
  KEY idx_document_type_date (type, document_date, region_code)
);
