-- Versions of the correctable rows (API.md, "Versions and ETags"; issue #24): every write of a row advances its
-- version (version = version + 1 … WHERE version = :read), which the answers carry and answer as ETag "<version>".
ALTER TABLE committee_term ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE meeting ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE committee_document ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
