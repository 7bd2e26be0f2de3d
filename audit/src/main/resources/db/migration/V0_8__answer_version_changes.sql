-- When each region's answer counters last changed (issue 29: the gateway keeps answers and follows every service's
-- answer versions, GET /internal/v1/answer-versions): the data version of the write that changed them, set by
-- luoshi.audit.DataVersion in the same statement as the counters. The feed answers the rows changed after a version;
-- the rows written before this column existed count as changed at the data version now, so a consumer that starts
-- from 0 reads them.
ALTER TABLE answer_version ADD COLUMN changed BIGINT NOT NULL DEFAULT 0;
UPDATE answer_version SET changed = (SELECT version FROM data_version WHERE id = 1);
CREATE INDEX answer_version_changed ON answer_version (changed);
-- From now on, a migration or a manual change of rows that rules read advances the country's answers so:
--   UPDATE data_version SET version = version + 1 WHERE id = 1;
--   INSERT INTO answer_version (region_code, subtree, below, changed) SELECT '000000', 1, 1, version FROM data_version
--   WHERE id = 1 ON DUPLICATE KEY UPDATE subtree = subtree + 1, below = below + 1, changed = VALUES(changed);
