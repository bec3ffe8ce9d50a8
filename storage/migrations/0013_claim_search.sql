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
