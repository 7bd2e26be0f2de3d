-- The mass organisations of each region (API.md, "Organisations and leaders"). superior_id is the
-- dual-leadership link: an organisation of the same type in an ancestor region (checked on write).
CREATE TABLE organization (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  region_code VARCHAR(12)  NOT NULL,
  type        VARCHAR(40)  NOT NULL,
  name        VARCHAR(200) NOT NULL,
  superior_id BIGINT       NULL,
  created_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  UNIQUE KEY uq_organization (region_code, type, name),
  KEY idx_organization_type (type, region_code),
  CONSTRAINT fk_organization_region FOREIGN KEY (region_code) REFERENCES region (code),
  CONSTRAINT fk_organization_superior FOREIGN KEY (superior_id) REFERENCES organization (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Leaders with their tenure [tenure_from, tenure_to] (inclusive; tenure_to NULL while in office).
CREATE TABLE leader (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  organization_id BIGINT       NOT NULL,
  name            VARCHAR(100) NOT NULL,
  role            VARCHAR(10)  NOT NULL,
  employment      VARCHAR(10)  NOT NULL,
  frontline       BOOLEAN      NOT NULL,
  tenure_from     DATE         NOT NULL,
  tenure_to       DATE         NULL,
  created_at      TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  KEY idx_leader_organization (organization_id, role, tenure_from),
  CONSTRAINT fk_leader_organization FOREIGN KEY (organization_id) REFERENCES organization (id),
  CONSTRAINT ck_leader_tenure CHECK (tenure_to IS NULL OR tenure_to >= tenure_from)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
