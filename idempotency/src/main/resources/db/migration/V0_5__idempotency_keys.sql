-- The Idempotency-Keys of the POSTs of this service (module idempotency, issue 14): a key belongs to a caller (the
-- token's sub) and to the path it was sent to. The row is inserted in the transaction of the write itself and holds
-- its answer when it commits, so the key, the rows, the audit event and the answer commit together or not at all.
-- Kept at least 24 h (luoshi.idempotency.retention); IdempotencyKeyCleanup deletes older rows. Galera-safe: a primary
-- key, no GET_LOCK, no LOCK TABLES.
CREATE TABLE idempotency_key (
  caller       VARCHAR(255)  NOT NULL,
  operation    VARCHAR(255)  NOT NULL,   -- the path: /api/v1/organizations/12/leaders
  idem_key     VARCHAR(100)  NOT NULL,
  request_hash BINARY(32)    NOT NULL,   -- SHA-256 of the query and the canonical body
  created_at   DATETIME(3)   NOT NULL,   -- UTC
  status       SMALLINT      NULL,       -- the answer (NULL only inside the claiming transaction)
  content_type VARCHAR(255)  NULL,
  location     VARCHAR(2048) NULL,
  body         MEDIUMBLOB    NULL,
  PRIMARY KEY (caller, operation, idem_key),
  KEY idempotency_key_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
