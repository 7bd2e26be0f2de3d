-- The requirements catalog as data (REQUIREMENTS.md): shipped by rule-core, so every owning
-- service has the same two tables; each service seeds its own requirements in its V1..Vn.
CREATE TABLE requirement (
  id                 VARCHAR(64)  NOT NULL PRIMARY KEY,
  title              VARCHAR(255) NOT NULL,
  title_zh           VARCHAR(255) NOT NULL,
  source             VARCHAR(255) NOT NULL,
  issuer_region_code VARCHAR(12)  NOT NULL,
  levels             VARCHAR(100) NOT NULL,   -- comma separated RegionLevel names
  period             VARCHAR(10)  NOT NULL,   -- RequirementPeriod
  rule_type          VARCHAR(40)  NOT NULL,
  rule_json          TEXT         NOT NULL,   -- the rule object, with "type"
  due_date           DATE         NULL,       -- ONCE requirements only
  created_at         TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A jurisdiction's stricter parameters for its own subtree (REQUIREMENTS.md, Jurisdiction parameters).
CREATE TABLE requirement_parameter (
  requirement_id  VARCHAR(64)  NOT NULL,
  region_code     VARCHAR(12)  NOT NULL,
  parameters_json TEXT         NOT NULL,      -- only the keys the region sets
  updated_at      TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  PRIMARY KEY (requirement_id, region_code),
  CONSTRAINT fk_parameter_requirement FOREIGN KEY (requirement_id) REFERENCES requirement (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
