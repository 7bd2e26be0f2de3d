-- DELETE /api/v1/regions/{code}/population/{year} (API.md, "Corrections") keeps the row as a tombstone: total NULL
-- (female and youth with it) and the feed version of the deletion. The change feed answers every row's current state
-- and never loses a row, so the deletion reaches the other services' copies, which delete theirs. Every reader of
-- population takes only rows with a total; a later PUT or import of the same region and year overwrites the tombstone.
ALTER TABLE population MODIFY total BIGINT NULL;
