-- A claim's record is written once, by edigw's own encoder (encoding/json),
-- at ingest or submission, and read back whole; the only query that looks
-- inside one (duplicates.go, a few candidate claims) casts it. As json, the
-- server parsed every record it loaded to check it: 4 µs a claim, 0.4 s of
-- the loading connection's time per 100,000 claims. As text it stores the
-- same bytes (decisions/0038). Rewriting the table takes it whole once.
--
-- A new type takes the default compression again (as in 0004): lz4 is set
-- in the same statement, so that the rewrite itself compresses with it,
-- where the server has it.
DO $$
BEGIN
	ALTER TABLE claims ALTER COLUMN record TYPE text, ALTER COLUMN record SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
	ALTER TABLE claims ALTER COLUMN record TYPE text;
END
$$;
