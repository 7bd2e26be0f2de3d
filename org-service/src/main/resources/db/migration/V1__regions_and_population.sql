-- Regions keyed by their code: level and parent follow from the code (luoshi.api.region.RegionCode),
-- so a subtree is `code LIKE '3306%'` and never a walk. `version` is the change feed's version of
-- the row's last change (feed_counter).
CREATE TABLE region (
  code        VARCHAR(12)  NOT NULL PRIMARY KEY,
  name        VARCHAR(100) NOT NULL,
  level       VARCHAR(10)  NOT NULL,
  parent_code VARCHAR(12)  NULL,
  version     BIGINT       NOT NULL,
  KEY idx_region_parent (parent_code, code),
  KEY idx_region_level (level, code),
  KEY idx_region_version (version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE population (
  region_code VARCHAR(12) NOT NULL,
  year        INT         NOT NULL,
  total       BIGINT      NOT NULL,
  female      BIGINT      NULL,
  youth       BIGINT      NULL,
  version     BIGINT      NOT NULL,
  PRIMARY KEY (region_code, year),
  KEY idx_population_version (version),
  CONSTRAINT fk_population_region FOREIGN KEY (region_code) REFERENCES region (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The one counter of the change feed. A writer locks this row (SELECT ... FOR UPDATE) in the
-- transaction of its write, so writers take versions one after another and commit them in order:
-- a reader that sees version n has seen every version below n.
CREATE TABLE feed_counter (
  id      TINYINT NOT NULL PRIMARY KEY,
  version BIGINT  NOT NULL
) ENGINE=InnoDB;
INSERT INTO feed_counter (id, version) VALUES (1, 0);
