-- inbound_attempts counts the failed attempts at an inbound object that
-- fail because of what the object is (bytes the database refuses, a name
-- the object store refuses), not because a server is away. The pipeline
-- waits longer after each failure (next_attempt_at) and, after a number
-- of the same failures in a row, moves the object to error/. Kept in the
-- database so the count survives a restart and every instance shares it.
CREATE TABLE inbound_attempts (
	object_key      text PRIMARY KEY,
	version         text NOT NULL, -- ETag, or size and time: another upload under the key starts over
	cause           text NOT NULL, -- what failed, as codes (SQLSTATE, store error code), never values
	failures        integer NOT NULL CHECK (failures > 0), -- the same cause in a row
	first_failed_at timestamptz NOT NULL DEFAULT now(),
	last_failed_at  timestamptz NOT NULL DEFAULT now(),
	next_attempt_at timestamptz NOT NULL
);
