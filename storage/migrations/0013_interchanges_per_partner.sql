-- An inbound interchange is a duplicate only of one received from the same
-- partner: the ledger was keyed by the ISA06/ISA08/ISA13 a file writes of
-- itself, so a partner could put another partner's sender ID in its ISA06
-- and make that partner's later interchanges duplicates (TA1 025). Inbound
-- rows carry the payer of the partner whose prefix the file came in;
-- outbound rows, whose numbers edigw allocates, carry ''.
ALTER TABLE interchanges ADD COLUMN payer_id text NOT NULL DEFAULT '';
UPDATE interchanges i SET payer_id = coalesce(f.payer_id, '')
FROM files f WHERE f.id = i.file_id AND i.direction = 'inbound';
ALTER TABLE interchanges DROP CONSTRAINT interchanges_once;
ALTER TABLE interchanges ADD CONSTRAINT interchanges_once
	UNIQUE (direction, payer_id, sender_qualifier, sender_id, receiver_qualifier, receiver_id, control_number);
