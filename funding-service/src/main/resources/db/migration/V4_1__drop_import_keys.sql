-- The batch imports' own keys (V3, V4) are gone: every POST's Idempotency-Key, the batches' included, is module
-- idempotency's (V0_5, table idempotency_key). A version between 4 and 5, so that it runs whatever V5 holds.
DROP TABLE IF EXISTS funding_import;
