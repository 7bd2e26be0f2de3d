-- Catalog versions, waivers and owners (API.md, "Catalog versions, waivers, owners"), for every owning service.

-- Every version of a requirement: its levels, rule, weight and dimension from effective_from (NULL: from the
-- beginning) to effective_to (NULL: until a later version). A period is judged by the version in force on its due
-- date. The requirement row keeps what never changes (id, titles, source, issuer, period, rule type, due date).
CREATE TABLE requirement_version (
  requirement_id VARCHAR(64)  NOT NULL,
  version        INT          NOT NULL,
  effective_from DATE         NULL,
  effective_to   DATE         NULL,
  levels         VARCHAR(100) NOT NULL,   -- comma separated RegionLevel names
  rule_json      TEXT         NOT NULL,   -- the rule object, with "type"
  weight         DECIMAL(7,2) NOT NULL DEFAULT 1.00,
  dimension      VARCHAR(16)  NULL,       -- COMMON, SPECIFIC, PROGRESS (ZHEJIANG-2020 §8)
  created_at     TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (requirement_id, version),
  CONSTRAINT fk_version_requirement FOREIGN KEY (requirement_id) REFERENCES requirement (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The levels and rule now live in requirement_version. Each service's migration after its seeds copies its seed rows
-- into version 1 (with REQUIREMENTS.md's weights and dimensions) and drops these two columns.
ALTER TABLE requirement MODIFY levels VARCHAR(100) NULL, MODIFY rule_json TEXT NULL;

-- A jurisdiction's setting holds for the periods due on or after effective_from; 1000-01-01 stands for "every period"
-- (a key column cannot be NULL).
ALTER TABLE requirement_parameter
  ADD COLUMN effective_from DATE NOT NULL DEFAULT '1000-01-01' AFTER region_code,
  DROP PRIMARY KEY,
  ADD PRIMARY KEY (requirement_id, region_code, effective_from);

-- A waiver of one requirement for one region, granted by an admin of a region strictly above it. Revoking keeps the
-- row (revoked_at, revoked_by): the audit trail and the list show it.
CREATE TABLE requirement_waiver (
  id                 CHAR(36)      NOT NULL PRIMARY KEY,
  requirement_id     VARCHAR(64)   NOT NULL,
  region_code        VARCHAR(12)   NOT NULL,
  valid_from         DATE          NOT NULL,
  valid_to           DATE          NOT NULL,
  reason             VARCHAR(1000) NOT NULL,
  document_ref       VARCHAR(255)  NULL,
  approved_by        VARCHAR(255)  NOT NULL,
  approved_by_region VARCHAR(12)   NOT NULL,
  created_at         DATETIME(3)   NOT NULL,   -- UTC, as the audit trail's
  revoked_at         DATETIME(3)   NULL,
  revoked_by         VARCHAR(255)  NULL,
  KEY ix_waiver_item (requirement_id, region_code, valid_from),
  KEY ix_waiver_region (region_code),
  CONSTRAINT fk_waiver_requirement FOREIGN KEY (requirement_id) REFERENCES requirement (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The unit responsible for a requirement in a region's subtree (责任单位), unless a region below sets its own.
CREATE TABLE requirement_owner (
  requirement_id VARCHAR(64)  NOT NULL,
  region_code    VARCHAR(12)  NOT NULL,
  unit           VARCHAR(255) NOT NULL,
  contact        VARCHAR(255) NULL,
  set_by         VARCHAR(255) NOT NULL,
  updated_at     DATETIME(3)  NOT NULL,   -- UTC, as the audit trail's
  PRIMARY KEY (requirement_id, region_code),
  CONSTRAINT fk_owner_requirement FOREIGN KEY (requirement_id) REFERENCES requirement (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
