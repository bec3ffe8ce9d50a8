-- Claim search (GET /v1/claims, decision 0019). A scoped listing reads
-- each of the scope's TINs and NPIs from its own (provider, id) index in
-- ID order, as the event and remittance feeds do, so that a page costs
-- what the provider's claims cost, not the table. A search by patient
-- control number reads claims_control_number (payer, CLM01, id) and then
-- filters by scope. Neither index holds a column a claim's later updates
-- change (status, status_reason), so a 277CA or an 835 still updates a
-- claim in place (HOT, see 0005); for the same reason there is no index
-- on status: a status filter reads the provider's claims in ID order until
-- a page fills (docs/benchmarks.md, "Claim search").
CREATE INDEX claims_billing_npi ON claims (billing_npi, id);
CREATE INDEX claims_billing_tin ON claims (billing_tin, id);

-- overdue_acknowledgments records, once per outbound file and kind, that
-- the acknowledgment a sent file expects (a 999 for every file, a 277CA
-- for an 837 too) did not come within its partner's window (0010's
-- ack_999_within, ack_277ca_within). The primary key makes the event it
-- raises (file.acknowledgment_overdue) once across instances: the first
-- INSERT ... ON CONFLICT DO NOTHING to commit gets the row and raises the
-- event, the others insert nothing (decision 0019).
CREATE TABLE overdue_acknowledgments (
	file_id   bigint NOT NULL REFERENCES files (id),
	kind      text NOT NULL CHECK (kind IN ('999', '277CA')),
	payer_id  text NOT NULL,
	due_at    timestamptz NOT NULL,
	raised_at timestamptz NOT NULL,
	PRIMARY KEY (file_id, kind)
);

-- A replacement (CLM05-3 7) or void (8) claim is linked to the original
-- its REF*F8 names (its payer claim control number), found inside the
-- payer and the billing provider, never by the number alone; the original
-- becomes replaced or voided (decision 0019, storage/replacements.go).
ALTER TABLE claims ADD COLUMN original_id bigint; -- claims.id of the claim this one replaces or voids
