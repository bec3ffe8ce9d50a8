-- The prior-authorization lookup finds, for a claim without REF*G1, the
-- approvals of its payer for the same member (storage/authlookup.go,
-- by_member): without this index that was a scan of the payer's
-- authorizations once per batch of claims.
CREATE INDEX authorizations_member ON authorizations (payer_id, ((record -> 'subscriber' ->> 'memberId')));
