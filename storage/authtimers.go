package storage

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/edigw/edigw/mapping/payers"
)

// timerLookback is how far back a look reaches, in days: an event due
// longer ago than that is not raised. The scheduler looks every minute,
// so this only matters after a long outage or at the first look over old
// records, which would otherwise raise an event for every request ever
// left undecided or expired; and it keeps each look's scan to recent
// rows instead of every expired approval ever stored.
const timerLookback = 31

// timerBatch bounds the events one pass of EmitAuthorizationTimers
// emits in one transaction; a pass runs batches until none is full.
const timerBatch = 2000

// EmitAuthorizationTimers emits the lifecycle's time-based events that
// are due at now (docs/authorizations.md):
//
//   - authorization.hold_due: a request on hold, undecided, on or after
//     its hold's due date;
//   - authorization.decision_overdue: an undecided request past its
//     decision clock, the profile's or the rule's (each clock once);
//   - authorization.expiring: an approved request within its profile's
//     expiringDays of validThrough;
//   - authorization.expired: an approved request after validThrough.
//
// Days are UTC days; due dates more than timerLookback days old are
// not looked at. Each event is emitted exactly once per request, kind
// and due instant, however many instances run this at once: the row in
// authorization_timers is inserted in the same transaction as the event,
// its primary key refuses a second: an instance inserting a row another
// has inserted but not committed waits, then does nothing. Every pass
// inserts in the same order (ID, kind, due), so two passes wait on each
// other's rows in one direction only and do not deadlock. No advisory
// lock: serve's tests read a held advisory lock as a file in hand. A
// clock that restarts (information arriving after a hold) has a new due
// instant, so its overdue event comes again when the new clock runs out.
// It returns how many events it emitted.
func (db *DB) EmitAuthorizationTimers(ctx context.Context, now time.Time) (int, error) {
	ids, days := []string{}, []int32{}
	for _, id := range payers.PayerIDs() {
		p, _ := payers.Lookup(id)
		ids, days = append(ids, string(id)), append(days, int32(p.Validity.ExpiringDays))
	}
	total := 0
	for {
		n, err := db.emitTimers(ctx, now, ids, days)
		total += n
		if err != nil || n < timerBatch {
			return total, wrap("authorization timers", err)
		}
	}
}

func (db *DB) emitTimers(ctx context.Context, now time.Time, payerIDs []string, expiringDays []int32) (int, error) {
	n := 0
	err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		today := now.UTC().Format(time.DateOnly)
		rows, err := tx.Query(ctx, `WITH due AS (
				SELECT id, 'authorization.hold_due' AS kind, hold_due_date::timestamp AT TIME ZONE 'UTC' AS due
				FROM authorizations WHERE hold_due_date IS NOT NULL AND decided_at IS NULL
				  AND hold_due_date <= $1::date AND hold_due_date > $1::date - $6::int
				UNION
				SELECT id, 'authorization.decision_overdue', decision_due
				FROM authorizations WHERE decided_at IS NULL AND decision_due <= $2 AND decision_due > $2 - make_interval(days => $6)
				UNION
				SELECT id, 'authorization.decision_overdue', regulatory_decision_due
				FROM authorizations WHERE decided_at IS NULL
				  AND regulatory_decision_due <= $2 AND regulatory_decision_due > $2 - make_interval(days => $6)
				UNION
				SELECT a.id, 'authorization.expiring', a.effective_to::timestamp AT TIME ZONE 'UTC'
				FROM authorizations a JOIN unnest($3::text[], $4::int[]) AS p (payer_id, days) ON p.payer_id = a.payer_id
				WHERE a.status IN ('Approved', 'Partially Approved') AND p.days > 0
				  AND a.effective_to >= $1::date AND a.effective_to - p.days <= $1::date
				UNION
				SELECT id, 'authorization.expired', effective_to::timestamp AT TIME ZONE 'UTC'
				FROM authorizations WHERE status IN ('Approved', 'Partially Approved')
				  AND effective_to < $1::date AND effective_to >= $1::date - $6::int)
			, fired AS (INSERT INTO authorization_timers (authorization_id, kind, due)
				SELECT id, kind, due FROM due
				WHERE NOT EXISTS (SELECT 1 FROM authorization_timers t
					WHERE t.authorization_id = due.id AND t.kind = due.kind AND t.due = due.due)
				ORDER BY id, kind, due LIMIT $5
				ON CONFLICT DO NOTHING
				RETURNING authorization_id, kind, due)
			SELECT f.authorization_id, f.kind, f.due, a.payer_id, coalesce(a.certification_number, a.trace_number, ''), a.status,
				coalesce(a.requester_tin, ''), coalesce(a.requester_npi, '')
			FROM fired f JOIN authorizations a ON a.id = f.authorization_id
			ORDER BY f.authorization_id, f.kind, f.due`, today, now, payerIDs, expiringDays, timerBatch, timerLookback)
		if err != nil {
			return err
		}
		// Each timer's event, with its request's reference and provider
		// read in the same statement, in the order the timers were
		// inserted.
		evs, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (event, error) {
			e := event{subject: subjectAuthorization}
			var due time.Time
			err := r.Scan(&e.subjectID, &e.kind, &due, &e.payer, &e.reference, &e.status, &e.tin, &e.npi)
			e.due = due.UTC().Format(time.DateOnly)
			return e, err
		})
		if err != nil || len(evs) == 0 {
			return err
		}
		n = len(evs)
		return raiseEvents(ctx, tx, evs)
	})
	return n, err
}
