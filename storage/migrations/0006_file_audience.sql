-- file_audience records, at ingest, whose records an acknowledgment a
-- partner sent answers (a TA1, a 999, a 277CA): the providers of the
-- claims and authorizations it was matched to, inside the partner and the
-- provider (docs/clearinghouse.md, Matching rules). A file's audience is
-- read from it, never worked out again from numbers a later record may
-- share, so a later claim with the same patient control number never moves
-- a file to another provider. A row with neither TIN nor NPI is an answer
-- that matched no record, or more than one: such a file is nobody's but
-- the operators'. The records a file carries (claims, remittances,
-- authorizations and the requests its 278 responses were applied to) are
-- found by their own file_id columns, which never change.
CREATE TABLE file_audience (
	file_id bigint NOT NULL REFERENCES files (id),
	subject text NOT NULL CHECK (subject IN ('claim', 'authorization', 'remittance')),
	tin     text NOT NULL DEFAULT '', -- '' and '': unattributed
	npi     text NOT NULL DEFAULT '',
	PRIMARY KEY (file_id, subject, tin, npi)
);

-- Acknowledgments stored before this table: a TA1's or 999's, the claims
-- they moved (their envelopes were matched strictly); a 277CA's were
-- matched by patient control number alone, so a file holding one is
-- nobody's but the operators', as is one that moved no claim.
INSERT INTO file_audience (file_id, subject, tin, npi)
SELECT DISTINCT h.file_id, 'claim', coalesce(c.billing_tin, ''), coalesce(c.billing_npi, '')
FROM claim_status_history h JOIN claims c ON c.id = h.claim_id
WHERE h.file_id IN (SELECT file_id FROM acknowledgments)
ON CONFLICT DO NOTHING;
INSERT INTO file_audience (file_id, subject)
SELECT DISTINCT a.file_id, 'claim' FROM acknowledgments a
WHERE a.kind = '277CA' OR NOT EXISTS (SELECT 1 FROM file_audience f WHERE f.file_id = a.file_id)
ON CONFLICT DO NOTHING;
