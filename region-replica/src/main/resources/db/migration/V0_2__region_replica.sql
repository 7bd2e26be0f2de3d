-- The read copy of org-service's regions and population (ARCHITECTURE.md: reference data flows
-- one way). Written only by luoshi.replica.RegionReplica from the change feed.
CREATE TABLE region (
  code        VARCHAR(12)  NOT NULL PRIMARY KEY,
  name        VARCHAR(100) NOT NULL,
  level       VARCHAR(10)  NOT NULL,
  parent_code VARCHAR(12)  NULL,
  version     BIGINT       NOT NULL,
  KEY idx_region_level (level, code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE population (
  region_code VARCHAR(12) NOT NULL,
  year        INT         NOT NULL,
  total       BIGINT      NOT NULL,
  female      BIGINT      NULL,
  youth       BIGINT      NULL,
  version     BIGINT      NOT NULL,
  PRIMARY KEY (region_code, year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row: the feed version applied, and when the copy last caught up with org-service.
CREATE TABLE replica_state (
  id        INT          NOT NULL PRIMARY KEY,
  version   BIGINT       NOT NULL,
  synced_at TIMESTAMP(3) NULL
) ENGINE=InnoDB;
INSERT INTO replica_state (id, version, synced_at) VALUES (1, 0, NULL);
