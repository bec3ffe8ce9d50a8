-- A claim's record is written once, by edigw's own encoder (encoding/json),
-- at ingest or submission, and read back whole; the only query that looks
-- inside one (duplicates.go, a few candidate claims) casts it. As json, the
-- server parsed every record it loaded to check it: 4 µs a claim, 0.4 s of
-- the loading connection's time per 100,000 claims. As text it stores the
-- same bytes (decisions/0039). Rewriting the table takes it whole once.
ALTER TABLE claims ALTER COLUMN record TYPE text;

-- A new type takes the default compression again (as in 0004).
DO $$
BEGIN
	ALTER TABLE claims ALTER COLUMN record SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
	NULL;
END
$$;
