-- Versions of the correctable rows (API.md, "Versions and ETags"; issue #24): every write of a row advances its
-- version (version = version + 1 … WHERE version = :read), which the answers carry and answer as ETag "<version>".
ALTER TABLE funding_record ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
-- A union fee is keyed by its region and year, so one deleted and entered again must not start again at a version a
-- caller may still hold: a new row starts after the service's data version (luoshi.audit.DataVersion), which every
-- earlier write of the row advanced at least as far.
ALTER TABLE union_fee ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
