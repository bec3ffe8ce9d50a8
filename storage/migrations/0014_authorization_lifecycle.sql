-- The prior-authorization lifecycle (issue 14, docs/authorizations.md):
-- what the payer's process and the regulatory rule compute for every
-- request, stored as columns so the worklist, the clocks and the metrics
-- read them without opening the record. Storage fills them at ingest and
-- when a response is applied; validity stays in effective_from and
-- effective_to (validFrom and validThrough), now computed by the payer
-- profile when a response names no end.
ALTER TABLE authorizations
	-- When the gateway received the request (the file's ingest, or the
	-- API submission): the clocks start here unless information arrives
	-- later.
	ADD COLUMN received_at timestamptz,
	-- UM02: I initial, R renewal, S revision, 4 extension, 1 and 2
	-- appeals, N reconsideration (the kind of request).
	ADD COLUMN certification_type text,
	-- From UM06: urgent (U, 03 emergency) or standard (everything else).
	ADD COLUMN urgency text CHECK (urgency IN ('urgent', 'standard')),
	-- The request came after the service began (retrospective review).
	ADD COLUMN retrospective boolean NOT NULL DEFAULT false,
	-- The payer profile's line of business (commercial, medicare_advantage,
	-- ...) and prior-authorization category (name and kind, e.g. dme,
	-- home_health) of the request's first service that has one.
	ADD COLUMN line_of_business text,
	ADD COLUMN category text,
	ADD COLUMN category_kind text,
	-- When clinical information became complete: received_at, or when the
	-- information a hold asked for arrived.
	ADD COLUMN information_complete_at timestamptz,
	-- The payer profile's decision clock, and the regulatory one where the
	-- line of business is covered by it (CMS-0057-F); null when none.
	ADD COLUMN decision_due timestamptz,
	ADD COLUMN regulatory_decision_due timestamptz,
	-- When the first final decision (approved, partially approved, denied,
	-- cancelled) was applied.
	ADD COLUMN decided_at timestamptz,
	-- A hold: codes of what is missing (PWK report types, AAA reasons) and
	-- the date it is due.
	ADD COLUMN hold_missing text[] NOT NULL DEFAULT '{}',
	ADD COLUMN hold_due_date date,
	-- A denial's HCR03 reasons and the last day an appeal is accepted.
	ADD COLUMN denial_reasons text[] NOT NULL DEFAULT '{}',
	ADD COLUMN appeal_deadline date,
	-- A reconsideration, appeal, extension, renewal or revision refers to
	-- an earlier certification: the request it was linked to (matched
	-- inside the payer and the requester, never by the number alone).
	ADD COLUMN original_id bigint REFERENCES authorizations (id);

UPDATE authorizations SET received_at = created_at WHERE received_at IS NULL;
ALTER TABLE authorizations ALTER COLUMN received_at SET DEFAULT now();
ALTER TABLE authorizations ALTER COLUMN received_at SET NOT NULL;
UPDATE authorizations SET certification_type = record ->> 'certificationType' WHERE certification_type IS NULL;
CREATE INDEX authorizations_original ON authorizations (original_id) WHERE original_id IS NOT NULL;
