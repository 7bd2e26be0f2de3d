-- Idempotent imports: the Idempotency-Key of each stored batch, claimed in the batch's transaction.
CREATE TABLE funding_import (
  import_key VARCHAR(100) NOT NULL PRIMARY KEY,
  accepted   INT          NOT NULL,
  created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
