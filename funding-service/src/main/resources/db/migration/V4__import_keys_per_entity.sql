-- Batch imports of union fees take an Idempotency-Key too: a key is claimed per kind of row (the entity the audit
-- trail names), so that one key sent to two batch endpoints claims each once. The keys stored so far are funding
-- records' (module batch-import, BatchImport.claim; luoshi.batch.import-key-table).
ALTER TABLE funding_import
  ADD COLUMN entity VARCHAR(40) NOT NULL DEFAULT 'funding-record' FIRST,
  DROP PRIMARY KEY,
  ADD PRIMARY KEY (entity, import_key);
