-- The prior-authorization lifecycle at run time (issue 14,
-- docs/authorizations.md, decisions/0023).
--
-- What the lifecycle found wrong with a request (an appeal after its
-- window, a reconsideration after an appeal, an original not found):
-- codes, never values.
ALTER TABLE authorizations ADD COLUMN findings text[] NOT NULL DEFAULT '{}';

-- The date a lifecycle event is about: a pended request's hold due date,
-- the clock that ran out, validThrough. Computed or set by the payer
-- side, never copied from a transaction set.
ALTER TABLE events ADD COLUMN due date;

-- The time-based events the scheduler emitted, once per request, kind
-- and due instant: the primary key makes a second instance's insert of
-- the same row do nothing (it waits for the first to commit), so each
-- event is emitted exactly once however many instances run.
CREATE TABLE authorization_timers (
	authorization_id bigint NOT NULL REFERENCES authorizations (id),
	kind             text NOT NULL,
	due              timestamptz NOT NULL,
	emitted_at       timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (authorization_id, kind, due)
);

-- What the scheduler scans.
CREATE INDEX authorizations_hold_due ON authorizations (hold_due_date) WHERE hold_due_date IS NOT NULL;
CREATE INDEX authorizations_undecided ON authorizations (decision_due) WHERE decided_at IS NULL;
CREATE INDEX authorizations_regulatory_undecided ON authorizations (regulatory_decision_due) WHERE decided_at IS NULL;
CREATE INDEX authorizations_valid_through ON authorizations (effective_to)
	WHERE status IN ('Approved', 'Partially Approved');
