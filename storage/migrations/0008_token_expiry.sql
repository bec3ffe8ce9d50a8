-- Tokens may expire (edigw token create --expires), and record when they
-- were last used (at most once a minute: storage.TouchToken).
ALTER TABLE api_tokens
	ADD COLUMN expires_at   timestamptz,
	ADD COLUMN last_used_at timestamptz;
