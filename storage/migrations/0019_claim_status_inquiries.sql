-- claim_status_inquiries holds the claim status inquiries (276, 005010X212)
-- billing systems queue (POST /v1/claim-status) until the outbound batcher
-- sends them, and the 277 answer that arrives for each (issue 18,
-- decisions 0032 and 0033). The trace number is edigw's own (CS + id):
-- the 277 repeats it, and it is matched inside the payer and the provider.
-- Its state is derived: queued, sent (outbound_state), answered (response).
CREATE TABLE claim_status_inquiries (
	id             bigserial PRIMARY KEY,
	payer_id       text NOT NULL,
	claim_id       bigint REFERENCES claims (id),
	billing_tin    text,
	billing_npi    text,
	trace_number   text NOT NULL DEFAULT '',
	record         jsonb NOT NULL,
	-- status is what the outbound queue's shared queries read (takeQueued,
	-- fileRecords); the inquiry's state is derived from outbound_state and
	-- response.
	status         text NOT NULL DEFAULT 'queued',
	direction      text NOT NULL DEFAULT 'outbound' CHECK (direction = 'outbound'),
	outbound_state text CHECK (outbound_state IN ('queued', 'sent')),
	lease_until    timestamptz,
	file_id        bigint REFERENCES files (id),
	interchange_id bigint REFERENCES interchanges (id),
	group_number   text,
	set_number     text,
	response       jsonb,
	answered_at    timestamptz,
	created_at     timestamptz NOT NULL DEFAULT now(),
	updated_at     timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX claim_status_inquiries_queued ON claim_status_inquiries (payer_id, id) WHERE outbound_state = 'queued';
CREATE INDEX claim_status_inquiries_trace ON claim_status_inquiries (payer_id, trace_number);
