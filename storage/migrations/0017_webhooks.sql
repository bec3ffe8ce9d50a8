-- Webhooks (issue 16, docs/api.md "Webhooks", decisions/0026): a token's
-- subscriptions push its event feed to a URL, signed with a key of the
-- subscription's own.
CREATE TABLE webhook_subscriptions (
	id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	-- The token that created it: the subscription delivers what that
	-- token reads from /v1/events, and stops when the token is revoked
	-- or expires.
	token_id        bigint NOT NULL REFERENCES api_tokens (id),
	url             text NOT NULL,
	kinds           text[] NOT NULL DEFAULT '{}', -- patterns; '{}': every kind
	-- The signing key: sealed with AES-256-GCM under the gateway's webhook
	-- key when one is configured (secret_sealed), else as it is.
	secret          bytea NOT NULL,
	secret_sealed   boolean NOT NULL,
	-- The last event ID delivered or passed over (the feed's cursor).
	cursor          bigint NOT NULL,
	created_at      timestamptz NOT NULL DEFAULT now(),
	deleted_at      timestamptz,
	disabled_at     timestamptz,
	-- The head message's retries: when it first failed, how many attempts,
	-- when the next is due.
	failing_since   timestamptz,
	attempts        integer NOT NULL DEFAULT 0,
	next_attempt_at timestamptz,
	-- Which instance delivers it, until when (several serve instances
	-- share the work; an expired lease is taken over: a redelivery).
	lease_owner     text,
	lease_until     timestamptz,
	-- Digest schedule (all null: none) and the end of the next period to
	-- summarize.
	digest_every    text CHECK (digest_every IN ('daily', 'weekly')),
	digest_at       text,
	digest_weekday  text,
	digest_zone     text,
	digest_due      timestamptz
);
CREATE INDEX webhook_subscriptions_token ON webhook_subscriptions (token_id);

-- Single events to send again (POST /v1/webhooks/{id}/redeliver with an
-- event ID), before the subscription's cursor moves on.
CREATE TABLE webhook_redeliveries (
	subscription_id bigint NOT NULL REFERENCES webhook_subscriptions (id),
	event_id        bigint NOT NULL,
	PRIMARY KEY (subscription_id, event_id)
);

-- The delivery log: one row per attempt.
CREATE TABLE webhook_deliveries (
	id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	subscription_id bigint NOT NULL REFERENCES webhook_subscriptions (id),
	message_id      text NOT NULL,
	event_id        bigint,
	kind            text NOT NULL,
	attempt         integer NOT NULL,
	at              timestamptz NOT NULL,
	outcome         text NOT NULL,
	status_code     integer,
	error           text,
	seconds         double precision NOT NULL
);
CREATE INDEX webhook_deliveries_subscription ON webhook_deliveries (subscription_id, id);

-- The operators' feed (events naming no provider) and the file outcomes,
-- read without scanning the feed.
CREATE INDEX events_unattributed ON events (id) WHERE tin IS NULL AND npi IS NULL;
CREATE INDEX events_file ON events (subject_id) WHERE subject = 'file';
