-- Each inbound file rests under a key of its own (archive/ or error/, named
-- after its ledger ID), recorded with its outcome, so that a second file
-- with the same name never takes its place and a download can be checked
-- against the file's digest.
ALTER TABLE files ADD COLUMN resting_key text;

-- The acknowledgments edigw will write for an inbound file are entered
-- with the file's outcome (pending outbound files whose parent is the
-- file) together with their bytes, in chunks, before anything is written:
-- a run that stops after the commit writes exactly these bytes later, even
-- when the inbound object was replaced in between. The bytes are dropped
-- once the object is written.
CREATE TABLE file_bodies (
	file_id bigint NOT NULL REFERENCES files (id) ON DELETE CASCADE,
	seq     int NOT NULL,
	chunk   bytea NOT NULL,
	PRIMARY KEY (file_id, seq)
);
-- The rows are short-lived (deleted once the acknowledgment is written):
-- stored out of line without compressing them, which costs the ingest's
-- transaction less time than pglz does.
ALTER TABLE file_bodies ALTER COLUMN chunk SET STORAGE EXTERNAL;
CREATE INDEX files_parent ON files (parent_id) WHERE parent_id IS NOT NULL;

-- An inbound file is finished when its completion time is set: rejected
-- and duplicate files entered before this migration were finished when
-- entered.
UPDATE files SET completed_at = created_at
	WHERE direction = 'inbound' AND status IN ('rejected', 'duplicate') AND completed_at IS NULL;
CREATE INDEX files_unfinished ON files (id) WHERE direction = 'inbound' AND completed_at IS NULL;
