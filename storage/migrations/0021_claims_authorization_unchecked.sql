-- claims.authorization_id is written only by edigw, with the ID of an
-- authorization it has just read for the claim's REF*G1 (inside the load's
-- transaction, or by the prior-authorization check's lookup moments
-- before), and authorization requests are never deleted: the foreign key checked what cannot happen, with a trigger and
-- a FOR KEY SHARE lock on the authorization for every linked claim
-- (0.25-0.3 s of the server's time per 50,000 linked claims, the largest
-- cost of the link after its lookup). decisions/0036 has the trade.
-- The index claims_authorization (0018) stays: the request's page reads
-- its claims through it.
ALTER TABLE claims DROP CONSTRAINT IF EXISTS claims_authorization_id_fkey;
