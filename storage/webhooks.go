package storage

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/edigw/edigw"
)

// Webhook subscriptions (migration 0017; package webhook delivers them).
// A subscription belongs to the token that created it: every read and
// change through the API names the token, and another token's subscription
// is not found, exactly as one that does not exist.

const subscriptionColumns = `s.id, s.token_id, s.url, s.kinds, s.cursor, s.created_at, s.disabled_at, s.failing_since,
	s.digest_every, s.digest_at, s.digest_weekday, s.digest_zone,
	CASE WHEN s.disabled_at IS NOT NULL THEN 'disabled'
		WHEN t.revoked_at IS NOT NULL OR (t.expires_at IS NOT NULL AND t.expires_at <= now()) THEN 'stopped'
		ELSE 'active' END`

func scanSubscription(row pgx.Row, extra ...any) (*edigw.Subscription, error) {
	var s edigw.Subscription
	var every, at, weekday, zone *string
	dest := append([]any{&s.ID, &s.TokenID, &s.URL, &s.Kinds, &s.Cursor, &s.CreatedAt, &s.DisabledAt, &s.FailingSince,
		&every, &at, &weekday, &zone, &s.State}, extra...)
	if err := row.Scan(dest...); err != nil {
		return nil, err
	}
	if every != nil {
		s.Digest = &edigw.DigestSchedule{Every: *every, At: deref(at), Weekday: deref(weekday), Zone: deref(zone)}
	}
	if s.Kinds == nil {
		s.Kinds = []string{}
	}
	return &s, nil
}

// CreateWebhook stores a subscription of s.TokenID with its stored signing
// key, delivering the events committed from now on; digestDue is the end
// of its first digest period (nil: no digest). It sets s.ID, s.Cursor,
// s.CreatedAt and s.State.
func (db *DB) CreateWebhook(ctx context.Context, s *edigw.Subscription, secret []byte, sealed bool, digestDue *time.Time) error {
	var every, at, weekday, zone *string
	if d := s.Digest; d != nil {
		every, at, weekday, zone = &d.Every, &d.At, nullable(d.Weekday), &d.Zone
	}
	kinds := s.Kinds
	if kinds == nil {
		kinds = []string{}
	}
	err := db.pool.QueryRow(ctx, `INSERT INTO webhook_subscriptions (token_id, url, kinds, secret, secret_sealed, cursor,
			digest_every, digest_at, digest_weekday, digest_zone, digest_due)
		VALUES ($1, $2, $3, $4, $5, (SELECT coalesce(max(id), 0) FROM events), $6, $7, $8, $9, $10)
		RETURNING id, cursor, created_at`,
		s.TokenID, s.URL, kinds, secret, sealed, every, at, weekday, zone, digestDue).Scan(&s.ID, &s.Cursor, &s.CreatedAt)
	if err != nil {
		return wrap("create webhook", err)
	}
	s.State = "active"
	return nil
}

// ofToken is the condition "subscription of token $1" (0: any token).
const ofToken = `s.deleted_at IS NULL AND ($1 = 0 OR s.token_id = $1)`

// Webhook reads a token's subscription (token 0: any, for operators).
func (db *DB) Webhook(ctx context.Context, token, id int64) (*edigw.Subscription, error) {
	s, err := scanSubscription(db.pool.QueryRow(ctx, `SELECT `+subscriptionColumns+`
		FROM webhook_subscriptions s JOIN api_tokens t ON t.id = s.token_id WHERE `+ofToken+` AND s.id = $2`, token, id))
	if err != nil {
		return nil, wrap("webhook", notFound(err))
	}
	return s, nil
}

// Webhooks lists a token's subscriptions (token 0: every token's) in ID
// order.
func (db *DB) Webhooks(ctx context.Context, token int64) ([]edigw.Subscription, error) {
	rows, err := db.pool.Query(ctx, `SELECT `+subscriptionColumns+`
		FROM webhook_subscriptions s JOIN api_tokens t ON t.id = s.token_id WHERE `+ofToken+` ORDER BY s.id`, token)
	if err != nil {
		return nil, wrap("webhooks", err)
	}
	out, err := collectValues(rows, func(row pgx.Row) (*edigw.Subscription, error) { return scanSubscription(row) })
	return out, wrap("webhooks", err)
}

// DeleteWebhook ends a token's subscription (token 0: any). Its delivery
// log stays; nothing more is sent.
func (db *DB) DeleteWebhook(ctx context.Context, token, id int64) error {
	tag, err := db.pool.Exec(ctx, `UPDATE webhook_subscriptions s SET deleted_at = now() WHERE `+ofToken+` AND s.id = $2`, token, id)
	if err != nil {
		return wrap("delete webhook", err)
	}
	if tag.RowsAffected() == 0 {
		return edigw.ErrNotFound
	}
	return nil
}

// WebhookDeliveries is a token's subscription's delivery log: attempts
// with ID > after, in ID order, at most limit.
func (db *DB) WebhookDeliveries(ctx context.Context, token, id, after int64, limit int) ([]edigw.Delivery, error) {
	if _, err := db.Webhook(ctx, token, id); err != nil {
		return nil, err
	}
	rows, err := db.pool.Query(ctx, `SELECT id, message_id, coalesce(event_id, 0), kind, attempt, at, outcome,
			coalesce(status_code, 0), coalesce(error, ''), seconds
		FROM webhook_deliveries WHERE subscription_id = $1 AND id > $2 ORDER BY id LIMIT $3`, id, after, pageSize(limit))
	if err != nil {
		return nil, wrap("webhook deliveries", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (edigw.Delivery, error) {
		var d edigw.Delivery
		err := row.Scan(&d.ID, &d.MessageID, &d.EventID, &d.Kind, &d.Attempt, &d.At, &d.Outcome, &d.StatusCode, &d.Error, &d.Seconds)
		return d, err
	})
	return out, wrap("webhook deliveries", err)
}

// RedeliverEvent queues one event to be sent again to a token's
// subscription (whether the token may read it is checked when it is sent).
func (db *DB) RedeliverEvent(ctx context.Context, token, id, event int64) error {
	if _, err := db.Webhook(ctx, token, id); err != nil {
		return err
	}
	_, err := db.pool.Exec(ctx, `INSERT INTO webhook_redeliveries (subscription_id, event_id) VALUES ($1, $2)
		ON CONFLICT DO NOTHING`, id, event)
	return wrap("redeliver event", err)
}

// RewindWebhook moves a token's subscription's cursor to after: every
// event of the token after it is delivered again. It also enables a
// subscription disabled for failing and clears its retries: this is how a
// receiver that was down for longer than a day catches up.
func (db *DB) RewindWebhook(ctx context.Context, token, id, after int64) error {
	tag, err := db.pool.Exec(ctx, `UPDATE webhook_subscriptions s SET cursor = $3, disabled_at = NULL,
			failing_since = NULL, attempts = 0, next_attempt_at = NULL
		WHERE `+ofToken+` AND s.id = $2`, token, id, after)
	if err != nil {
		return wrap("rewind webhook", err)
	}
	if tag.RowsAffected() == 0 {
		return edigw.ErrNotFound
	}
	return nil
}

// LeaseWebhook implements webhook.Store: the subscription with work due
// that was served longest ago, leased FOR UPDATE SKIP LOCKED so that
// instances asking at once get different ones.
func (db *DB) LeaseWebhook(ctx context.Context, owner string, now time.Time, leaseFor time.Duration) (*edigw.WebhookLease, error) {
	var l edigw.WebhookLease
	var ents []string
	s, err := scanSubscription(db.pool.QueryRow(ctx, `WITH chosen AS (
			SELECT w.id FROM webhook_subscriptions w JOIN api_tokens t ON t.id = w.token_id
			WHERE w.deleted_at IS NULL AND w.disabled_at IS NULL
			  AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > $2)
			  AND (w.lease_owner IS NULL OR w.lease_until < $2)
			  AND (w.next_attempt_at IS NULL OR w.next_attempt_at <= $2)
			  AND (w.cursor < (SELECT coalesce(max(id), 0) FROM events) OR w.digest_due <= $2
				OR EXISTS (SELECT 1 FROM webhook_redeliveries r WHERE r.subscription_id = w.id))
			ORDER BY w.lease_until NULLS FIRST, w.id
			LIMIT 1 FOR UPDATE OF w SKIP LOCKED),
		leased AS (UPDATE webhook_subscriptions w SET lease_owner = $1, lease_until = $2::timestamptz + $3::interval
			FROM chosen WHERE w.id = chosen.id
			RETURNING w.*)
		SELECT `+subscriptionColumns+`, s.secret, s.secret_sealed, s.attempts, s.digest_due,
			t.id, t.name, t.entitlements, t.scope_tins, t.scope_npis, t.created_at
		FROM leased s JOIN api_tokens t ON t.id = s.token_id`, owner, now, leaseFor),
		&l.Secret, &l.Sealed, &l.Attempts, &l.DigestDue, &l.Token.ID, &l.Token.Name, &ents,
		&l.Token.Scope.TINs, &l.Token.Scope.NPIs, &l.Token.CreatedAt)
	if err != nil {
		if err = notFound(err); err == edigw.ErrNotFound {
			return nil, nil
		}
		return nil, wrap("lease webhook", err)
	}
	l.Subscription = *s
	for _, e := range ents {
		l.Token.Entitlements = append(l.Token.Entitlements, edigw.Entitlement(e))
	}
	return &l, nil
}

// WebhookFeed implements webhook.Store: the token's feed as GET
// /v1/events serves it for the subscription's kinds (edigw.FeedSubjects
// within its scope; an operator's token, the events naming no provider).
func (db *DB) WebhookFeed(ctx context.Context, tok *edigw.Token, kinds []string, after int64, limit int) ([]edigw.Event, error) {
	if edigw.OperatorFeed(tok) {
		return db.OperatorEvents(ctx, after, limit, nil)
	}
	subjects := edigw.FeedSubjects(tok, kinds)
	if len(subjects) == 0 {
		return nil, nil
	}
	scope := tok.Scope
	return db.EventsOfKinds(ctx, after, limit, &scope, subjects, nil)
}

// OperatorEvents is the operators' feed: the events that name no provider
// (unmatched answers, file outcomes and problems, disabled webhooks), with
// ID > after in ID order, at most limit, of the given kinds (none: all).
func (db *DB) OperatorEvents(ctx context.Context, after int64, limit int, kinds []edigw.EventKind) ([]edigw.Event, error) {
	ks := make([]string, len(kinds))
	for i, k := range kinds {
		ks[i] = string(k)
	}
	rows, err := db.pool.Query(ctx, `SELECT `+eventColumns+` FROM events WHERE tin IS NULL AND npi IS NULL AND id > $1
		  AND (cardinality($3::text[]) = 0 OR kind = ANY($3::text[]))
		ORDER BY id LIMIT $2`, after, pageSize(limit), ks)
	if err != nil {
		return nil, wrap("operator events", err)
	}
	out, err := pgx.CollectRows(rows, scanEvent)
	return out, wrap("operator events", err)
}

// LastEventID implements webhook.Store.
func (db *DB) LastEventID(ctx context.Context) (int64, error) {
	var id int64
	err := db.pool.QueryRow(ctx, `SELECT coalesce(max(id), 0) FROM events`).Scan(&id)
	return id, wrap("last event", err)
}

// WebhookRedeliveries implements webhook.Store.
func (db *DB) WebhookRedeliveries(ctx context.Context, subscription int64) ([]int64, error) {
	rows, err := db.pool.Query(ctx, `SELECT event_id FROM webhook_redeliveries WHERE subscription_id = $1 ORDER BY event_id LIMIT 100`, subscription)
	if err != nil {
		return nil, wrap("webhook redeliveries", err)
	}
	out, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	return out, wrap("webhook redeliveries", err)
}

// DigestCounts implements webhook.Store: the claims and authorizations of
// the token's feed with events in [from, to), by the status of their
// latest event in the period, with the first maxIDs IDs of each.
func (db *DB) DigestCounts(ctx context.Context, tok *edigw.Token, from, to time.Time, maxIDs int) ([]edigw.DigestCount, error) {
	var subjects []string
	for _, s := range edigw.FeedSubjects(tok, nil) {
		if s == subjectClaim || s == subjectAuthorization {
			subjects = append(subjects, s)
		}
	}
	if len(subjects) == 0 || edigw.OperatorFeed(tok) {
		return nil, nil
	}
	f := newScopeFilter(&tok.Scope)
	rows, err := db.pool.Query(ctx, `SELECT subject, status, count(*), (array_agg(subject_id ORDER BY subject_id))[1:$6]
		FROM (SELECT DISTINCT ON (subject, subject_id) subject, subject_id, status FROM events
			WHERE (tin = ANY($1::text[]) OR npi = ANY($2::text[])) AND subject = ANY($3::text[])
			  AND at >= $4 AND at < $5
			ORDER BY subject, subject_id, id DESC) latest
		GROUP BY subject, status ORDER BY subject, status`, f.tins, f.npis, subjects, from, to, maxIDs)
	if err != nil {
		return nil, wrap("digest", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (edigw.DigestCount, error) {
		var c edigw.DigestCount
		err := row.Scan(&c.Subject, &c.Status, &c.Count, &c.IDs)
		return c, err
	})
	return out, wrap("digest", err)
}

// SaveWebhook implements webhook.Store: in one transaction, the attempts
// go to the log, the redeliveries done leave the queue, and the
// subscription takes the new cursor (unless a rewind moved it meanwhile),
// digest time and retry state, provided the lease is still the worker's;
// a disabled subscription raises an operator event.
func (db *DB) SaveWebhook(ctx context.Context, p *edigw.WebhookProgress) error {
	tx, err := db.pool.Begin(ctx)
	if err != nil {
		return wrap("save webhook", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	var leaseUntil any = p.Now.Add(p.LeaseFor)
	var owner any = p.Owner
	if p.Release {
		leaseUntil, owner = p.Now, nil
	}
	var disabled any
	if p.Disable {
		disabled = p.Now
	}
	tag, err := tx.Exec(ctx, `UPDATE webhook_subscriptions SET
			cursor = CASE WHEN cursor = $3 THEN $4 ELSE cursor END,
			digest_due = $5, attempts = $6, failing_since = $7, next_attempt_at = $8,
			disabled_at = coalesce(disabled_at, $9), lease_owner = $10, lease_until = $11
		WHERE id = $1 AND lease_owner = $2`,
		p.SubscriptionID, p.Owner, p.OldCursor, p.Cursor, p.DigestDue, p.Attempts, p.FailingSince, p.NextAttempt,
		disabled, owner, leaseUntil)
	if err != nil {
		return wrap("save webhook", err)
	}
	lost := tag.RowsAffected() == 0
	if len(p.Deliveries) > 0 {
		// The attempts happened whoever holds the lease now: they are
		// logged either way.
		_, err = tx.CopyFrom(ctx, pgx.Identifier{"webhook_deliveries"},
			[]string{"subscription_id", "message_id", "event_id", "kind", "attempt", "at", "outcome", "status_code", "error", "seconds"},
			pgx.CopyFromSlice(len(p.Deliveries), func(i int) ([]any, error) {
				d := &p.Deliveries[i]
				var ev, code any
				if d.EventID != 0 {
					ev = d.EventID
				}
				if d.StatusCode != 0 {
					code = d.StatusCode
				}
				return []any{p.SubscriptionID, d.MessageID, ev, string(d.Kind), d.Attempt, d.At, d.Outcome, code, nullable(d.Error), d.Seconds}, nil
			}))
		if err != nil {
			return wrap("save webhook", err)
		}
	}
	if !lost {
		if len(p.Redelivered) > 0 {
			if _, err := tx.Exec(ctx, `DELETE FROM webhook_redeliveries WHERE subscription_id = $1 AND event_id = ANY($2)`,
				p.SubscriptionID, p.Redelivered); err != nil {
				return wrap("save webhook", err)
			}
		}
		if p.Disable {
			if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1, $2)", lockClass, eventsLockID); err != nil {
				return wrap("save webhook", err)
			}
			if _, err := tx.Exec(ctx, `INSERT INTO events (id, at, kind, payer_id, subject, subject_id, reference, status)
				VALUES (nextval('event_ids'), statement_timestamp(), $1, '', 'webhook', $2, '', 'disabled')`,
				edigw.EventWebhookDisabled, p.SubscriptionID); err != nil {
				return wrap("save webhook", err)
			}
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return wrap("save webhook", err)
	}
	if lost {
		return edigw.ErrLeaseLost
	}
	return nil
}

// WebhookBacklog implements webhook.Backlogger.
func (db *DB) WebhookBacklog(ctx context.Context) (*edigw.WebhookBacklog, error) {
	var b edigw.WebhookBacklog
	err := db.pool.QueryRow(ctx, `WITH last AS (SELECT coalesce(max(id), 0) AS id FROM events),
		s AS (SELECT w.cursor, CASE WHEN w.disabled_at IS NOT NULL THEN 'disabled'
				WHEN t.revoked_at IS NOT NULL OR (t.expires_at IS NOT NULL AND t.expires_at <= now()) THEN 'stopped'
				ELSE 'active' END AS state
			FROM webhook_subscriptions w JOIN api_tokens t ON t.id = w.token_id WHERE w.deleted_at IS NULL)
		SELECT count(*) FILTER (WHERE state = 'active'), count(*) FILTER (WHERE state = 'disabled'),
			count(*) FILTER (WHERE state = 'stopped'),
			coalesce(sum(greatest((SELECT id FROM last) - cursor, 0)) FILTER (WHERE state = 'active'), 0)
		FROM s`).Scan(&b.Active, &b.Disabled, &b.Stopped, &b.Depth)
	return &b, wrap("webhook backlog", err)
}
