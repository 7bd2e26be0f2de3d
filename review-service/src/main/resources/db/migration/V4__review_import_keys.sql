-- Idempotent imports (module batch-import, BatchImport.claim; luoshi.batch.import-key-table): the Idempotency-Key of
-- each stored batch of meetings, documents or committee terms, claimed in the batch's transaction. A key is claimed
-- per kind of row (the entity the audit trail names), so that one key sent to two batch endpoints claims each once.
CREATE TABLE review_import (
  entity     VARCHAR(40)  NOT NULL,
  import_key VARCHAR(100) NOT NULL,
  accepted   INT          NOT NULL,
  created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (entity, import_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
