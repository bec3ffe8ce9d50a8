-- console_sessions are the web console's sign-ins (issue 17): a person
-- pastes an API token once and gets a session cookie. Only the SHA-256
-- of the session ID is kept, as for token secrets: a copy of this table
-- opens no session. A session is its token's: revoking the token ends it
-- (the read joins the live token), and it expires on its own.
CREATE TABLE console_sessions (
	id_hash    bytea PRIMARY KEY,
	token_id   bigint NOT NULL REFERENCES api_tokens (id),
	created_at timestamptz NOT NULL DEFAULT now(),
	expires_at timestamptz NOT NULL
);
CREATE INDEX console_sessions_expires ON console_sessions (expires_at);

-- The operations dashboard reads inbound files by when they came, over a
-- window (hours, days; requests by authorizations_received of 0015):
-- without these it would scan the tables.
CREATE INDEX files_inbound_created ON files (created_at) WHERE direction = 'inbound' AND parent_id IS NULL;
-- Claims rejected on receipt, by file: a few percent of the claims.
CREATE INDEX claims_rejected_file ON claims (file_id) WHERE status = 'rejected';
-- The claims that name a request, for the request's page.
CREATE INDEX claims_authorization ON claims (authorization_id) WHERE authorization_id IS NOT NULL;
