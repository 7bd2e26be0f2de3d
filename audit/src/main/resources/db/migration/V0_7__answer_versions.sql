-- The versions of the answers about each subtree (issue 29: ETags on the compliance answers), kept by
-- luoshi.audit.DataVersion in the transaction of every write, beside data_version. A row per region that a write
-- reached (the country 000000 included); a region without a row has had no write since this table exists.
--   subtree: advanced by every write inside the region's subtree (the region itself or a descendant): the region's
--            answers (its items, its rollup, its follow-up list) are computed from that subtree;
--   below:   advanced by a write that reaches the whole subtree at once (a batch stored under its caller's region, a
--            waiver, a jurisdiction's parameters, a requirement issued there, a change of the region copy that
--            is not one region's): every descendant's answers may change.
-- The version of a region's answers is its subtree counter with the below counters of the region and every
-- ancestor: one read of at most six primary keys. A migration or a manual change of rows that rules read must
-- advance the country's: INSERT INTO answer_version VALUES ('000000', 1, 1)
--   ON DUPLICATE KEY UPDATE subtree = subtree + 1, below = below + 1 (DataVersion.advance() does it).
CREATE TABLE answer_version (
  region_code VARCHAR(12) NOT NULL PRIMARY KEY,
  subtree     BIGINT      NOT NULL,
  below       BIGINT      NOT NULL
) ENGINE=InnoDB;
