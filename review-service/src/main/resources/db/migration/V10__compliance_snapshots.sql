-- Daily snapshots of compliance and score (docs/API.md, "Evaluation and trends"; issue #27): each region's rollup of
-- its subtree (the counts of the three services' items, the compliance rate) and its evaluation (the score and the
-- score of each dimension) of a year, as of the day the snapshot was taken. The primary key (region, year, day) is what
-- makes a snapshot exist once, whichever replica or Galera node takes it (INSERT IGNORE, no lock row; issue #18).
CREATE TABLE compliance_snapshot (
  region_code VARCHAR(12) NOT NULL,
  year INT NOT NULL,
  snapshot_date DATE NOT NULL,
  compliant BIGINT NOT NULL,
  pending BIGINT NOT NULL,
  non_compliant BIGINT NOT NULL,
  no_data BIGINT NOT NULL,
  not_applicable BIGINT NOT NULL,
  waived BIGINT NOT NULL,
  compliance_rate DECIMAL(5,4) NULL,
  score DECIMAL(4,1) NULL,
  score_common DECIMAL(4,1) NULL,
  score_specific DECIMAL(4,1) NULL,
  score_progress DECIMAL(4,1) NULL,
  score_satisfaction DECIMAL(4,1) NULL,
  taken_at DATETIME(3) NOT NULL,
  PRIMARY KEY (region_code, year, snapshot_date),
  KEY idx_compliance_snapshot_day (year, snapshot_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The regions below county level whose trend was asked for: the daily job snapshots them too, from the day they were
-- first asked for (those down to county level it snapshots anyway).
CREATE TABLE trend_region (
  region_code VARCHAR(12) NOT NULL PRIMARY KEY,
  asked_on DATE NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
