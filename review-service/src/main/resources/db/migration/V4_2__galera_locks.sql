-- Issue #18, Galera: row locks do not cross nodes, so a lock is a row that the transaction WRITES (a write conflicts
-- with another node's write of the same row at commit, as error 1213, and the loser runs again whole).
-- A committee term's region lock row is now changed by every writer (`taken = taken + 1`): an upsert that changed
-- nothing left no write for Galera to certify, and two nodes could store overlapping terms of one region.
ALTER TABLE committee_term_region_lock ADD COLUMN taken BIGINT NOT NULL DEFAULT 0;
-- The reminder job's lock row is gone: the reminder's unique key is what makes it exist once, on one server or on
-- several nodes (ReminderWriter). A version between 4 and 5, so that it runs whatever V5 holds.
DROP TABLE IF EXISTS job_lock;
