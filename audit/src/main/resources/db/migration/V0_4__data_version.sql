-- The version of this service's data (luoshi.audit.DataVersion): one row, advanced in the transaction of
-- every write (the audit trail's record, the read copy of regions) so that an answer computed from the data
-- can be kept and served again until the next write commits. A migration or a manual change of rows that
-- rules read must advance it too: UPDATE data_version SET version = version + 1 WHERE id = 1.
CREATE TABLE data_version (
  id      INT    NOT NULL PRIMARY KEY,
  version BIGINT NOT NULL
) ENGINE=InnoDB;
INSERT INTO data_version (id, version) VALUES (1, 0);
