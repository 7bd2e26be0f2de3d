-- Versions of the correctable rows (API.md, "Versions and ETags"; issue #24): every write of a row advances its
-- version (version = version + 1 … WHERE version = :read), which the answers carry and answer as ETag "<version>".
-- Regions and population need none: their change-feed version (V1) is already advanced by every write of the row,
-- and unique, so it serves as their ETag.
ALTER TABLE organization ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE leader ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
