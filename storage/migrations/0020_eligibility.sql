-- Eligibility inquiries (issue 18: 270/271, 005010X279A1; decisions/0034,
-- 0035): one row a member asked about, queued by POST /v1/eligibility,
-- sent in a 270 by the outbound batcher, answered by the 271 matched to it
-- inside the partner and the requesting provider (docs/clearinghouse.md,
-- Matching rules).
CREATE TABLE eligibility_inquiries (
	id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	payer_id       text NOT NULL,
	direction      text NOT NULL DEFAULT 'outbound' CHECK (direction = 'outbound'),
	-- The requesting provider (2100B): its NPI (NM109 XX) and TIN (REF*TJ),
	-- what scopes read it by and what an answer must name.
	provider_tin   text,
	provider_npi   text,
	-- The provider's trace (TRN*1 TRN02): only ever matched inside the
	-- payer and the provider.
	trace_number   text NOT NULL,
	record         jsonb NOT NULL,
	status         text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'received')),
	-- The outbound queue, as claims and authorizations have it.
	outbound_state text NOT NULL DEFAULT 'queued' CHECK (outbound_state IN ('queued', 'sent')),
	lease_until    timestamptz,
	file_id        bigint REFERENCES files (id),
	interchange_id bigint REFERENCES interchanges (id),
	group_number   text,
	set_number     text,
	-- The matched answer.
	response       jsonb,
	response_file_id bigint REFERENCES files (id),
	received_at    timestamptz,
	created_at     timestamptz NOT NULL DEFAULT now(),
	updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX eligibility_inquiries_queue ON eligibility_inquiries (payer_id, id) WHERE outbound_state = 'queued';
CREATE INDEX eligibility_inquiries_trace ON eligibility_inquiries (payer_id, trace_number);
CREATE INDEX eligibility_inquiries_file ON eligibility_inquiries (file_id) WHERE file_id IS NOT NULL;

-- A 271 that answered nothing puts an empty eligibility provider in its
-- file's audience (nobody's but the operators'), as other answers do.
ALTER TABLE file_audience DROP CONSTRAINT file_audience_subject_check;
ALTER TABLE file_audience ADD CONSTRAINT file_audience_subject_check
	CHECK (subject IN ('claim', 'authorization', 'remittance', 'eligibility'));
