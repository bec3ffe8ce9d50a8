-- acknowledgments are the TA1s, 999s and 277CAs trading partners sent back
-- for the files edigw sent, one row per TA1 segment or 999/277CA set. The
-- claims they decided carry the outcome (claims.status and
-- claim_status_history, whose file_id is the acknowledgment's file); this
-- table keeps the acknowledgment itself, findable by the envelope it
-- answers.
CREATE TABLE acknowledgments (
	id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	file_id            bigint NOT NULL REFERENCES files (id),
	ordinal            int NOT NULL, -- order in the file
	kind               text NOT NULL CHECK (kind IN ('TA1', '999', '277CA')),
	payer_id           text,
	sender_id          text NOT NULL, -- ISA06 of the acknowledgment
	receiver_id        text NOT NULL, -- ISA08
	interchange_number text NOT NULL, -- ISA13
	group_number       text,          -- GS06
	set_number         text,          -- ST02
	-- What it answers: the ISA13 of a TA1, the GS06 of a 999; a 277CA
	-- answers claims (by patient control number) and its batch (TRN02).
	acknowledged       text,
	accepted           boolean NOT NULL,
	record             jsonb NOT NULL,
	created_at         timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT acknowledgments_once UNIQUE (file_id, ordinal)
);
CREATE INDEX acknowledgments_answers ON acknowledgments (receiver_id, sender_id, kind, acknowledged);
