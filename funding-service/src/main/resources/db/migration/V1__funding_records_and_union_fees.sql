-- Funding records (API.md, Funding): money as DECIMAL(15,2), never a float.
CREATE TABLE funding_record (
  id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  region_code  VARCHAR(12)   NOT NULL,
  category     VARCHAR(40)   NOT NULL,
  fiscal_year  INT           NOT NULL,
  amount       DECIMAL(15,2) NOT NULL,
  document_ref VARCHAR(100)  NULL,
  created_at   TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  -- the rollups: one year and category over a subtree = a range on the code prefix; amount makes it covering
  KEY idx_funding_year_category_region (fiscal_year, category, region_code, amount),
  -- one region's records (lists, a region's items)
  KEY idx_funding_region_year_category (region_code, fiscal_year, category)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Union fees (工会经费) due and collected per region and year; one row each (PUT upserts).
CREATE TABLE union_fee (
  region_code VARCHAR(12)   NOT NULL,
  year        INT           NOT NULL,
  due         DECIMAL(15,2) NOT NULL,
  collected   DECIMAL(15,2) NOT NULL,
  updated_at  TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  PRIMARY KEY (region_code, year),
  -- subtree scans for one year
  KEY idx_union_fee_year_region (year, region_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
