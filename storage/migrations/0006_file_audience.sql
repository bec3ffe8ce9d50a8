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

-- Acknowledgments stored before this table. A TA1's or 999's: the claims
-- and authorization requests of the envelope it answers, as the audience
-- was worked out until now (an outbound interchange from the answer's
-- receiver to its sender, under its ISA13, or holding its GS06), of its
-- payer. A 277CA's claims were matched by patient control number alone:
-- a file holding one is nobody's but the operators', as is one whose
-- answers find no envelope.
INSERT INTO file_audience (file_id, subject, tin, npi)
SELECT DISTINCT a.file_id, x.subject, coalesce(x.tin, ''), coalesce(x.npi, '')
FROM acknowledgments a
JOIN interchanges i ON i.direction = 'outbound' AND i.sender_id = a.receiver_id AND i.receiver_id = a.sender_id
	AND (a.kind = '999' OR ltrim(i.control_number, '0') = ltrim(coalesce(a.acknowledged, ''), '0'))
CROSS JOIN LATERAL (
	SELECT 'claim' AS subject, c.billing_tin AS tin, c.billing_npi AS npi FROM claims c
	WHERE c.interchange_id = i.id AND (a.payer_id IS NULL OR c.payer_id = a.payer_id)
	  AND (a.kind = 'TA1' OR ltrim(c.group_number, '0') = ltrim(coalesce(a.acknowledged, ''), '0'))
	UNION SELECT 'authorization', r.requester_tin, r.requester_npi FROM authorizations r
	WHERE r.interchange_id = i.id AND (a.payer_id IS NULL OR r.payer_id = a.payer_id)
	  AND (a.kind = 'TA1' OR ltrim(r.group_number, '0') = ltrim(coalesce(a.acknowledged, ''), '0'))) x
WHERE a.kind IN ('TA1', '999')
ON CONFLICT DO NOTHING;
INSERT INTO file_audience (file_id, subject)
SELECT DISTINCT a.file_id, 'claim' FROM acknowledgments a
WHERE a.kind = '277CA' OR NOT EXISTS (SELECT 1 FROM file_audience f WHERE f.file_id = a.file_id)
ON CONFLICT DO NOTHING;
