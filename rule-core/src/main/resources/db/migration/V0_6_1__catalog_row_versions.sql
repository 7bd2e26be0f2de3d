-- Versions of the catalog's correctable rows (API.md, "Versions and ETags"): every write of a row advances its version,
-- which its answers carry as their ETag; a write whose If-Match names another version is refused (412). A requirement
-- counts its writes (a new version, a retirement) in `revision`: its `version` already names the version of its rules.
ALTER TABLE requirement ADD COLUMN revision BIGINT NOT NULL DEFAULT 1;
ALTER TABLE requirement_parameter ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE requirement_waiver ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE requirement_owner ADD COLUMN version BIGINT NOT NULL DEFAULT 1;

-- a requirement changed before this migration has been written at least once per version
UPDATE requirement r SET revision = (SELECT COALESCE(MAX(v.version), 1) FROM requirement_version v WHERE v.requirement_id = r.id);
