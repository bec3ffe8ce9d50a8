package storage

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/edigw/edigw"
)

// The event feed's cursor is the event ID, and a reader that has seen ID n
// must never see a smaller ID commit later. Sequences alone do not give
// that: transaction A takes ID 5, B takes 6 and commits first, a reader
// moves past 6, then A commits 5 behind it. So IDs are handed out only
// while holding a transaction-level advisory lock that is released at
// commit, after the transaction has become visible: the next writer gets
// the lock, and its IDs, only once every smaller ID is visible.
//
// Remittance IDs, the cursor of the remittance feed, are given out the
// same way (a remittance's rows are loaded under an internal key).
//
// To keep that lock short, an ingest stages its events in a temporary
// table while it runs (memory stays bounded by a batch) and moves them to
// events, with their IDs, as the last step before COMMIT.

// event is an event before it has an ID.
type event struct {
	kind      edigw.EventKind
	payer     edigw.PayerID
	subject   string
	subjectID int64
	reference string
	status    string
	tin, npi  string
	due       string // CCYY-MM-DD, lifecycle events only
}

// Event subjects.
const (
	subjectClaim         = "claim"
	subjectAuthorization = "authorization"
	subjectRemittance    = "remittance"
)

// eventStage collects a transaction's events.
type eventStage struct {
	ready bool
	count int
	// remittancesOf is the file whose remittances get their feed IDs at
	// flush (0: none); their events name them by key until then.
	remittancesOf int64
}

var pendingColumns = []string{"kind", "payer_id", "subject", "subject_id", "reference", "status", "tin", "npi", "due"}

// add copies events to the transaction's staging table.
func (s *eventStage) add(ctx context.Context, tx pgx.Tx, evs []event) error {
	if len(evs) == 0 {
		return nil
	}
	if !s.ready {
		// Per session; ON COMMIT DELETE ROWS empties it at the end of
		// every transaction, and a rollback discards its rows anyway.
		if _, err := tx.Exec(ctx, `CREATE TEMPORARY TABLE IF NOT EXISTS pending_events (
			seq        bigint GENERATED ALWAYS AS IDENTITY,
			kind       text NOT NULL,
			payer_id   text NOT NULL,
			subject    text NOT NULL,
			subject_id bigint NOT NULL,
			reference  text NOT NULL,
			status     text NOT NULL,
			tin        text,
			npi        text,
			due        date) ON COMMIT DELETE ROWS`); err != nil {
			return fmt.Errorf("storage: events: %w", err)
		}
		s.ready = true
	}
	err := copyEach(ctx, tx, "pending_events", pendingColumns, len(evs), func(r *binaryRow, i int) {
		e := &evs[i]
		r.text(string(e.kind))
		r.text(string(e.payer))
		r.text(e.subject)
		r.int8(e.subjectID)
		r.text(e.reference)
		r.text(e.status)
		r.textOrNull(e.tin)
		r.textOrNull(e.npi)
		if e.due == "" {
			r.null()
		} else {
			r.date(isoDateValue(e.due))
		}
	})
	if err != nil {
		return fmt.Errorf("storage: events: %w", err)
	}
	s.count += len(evs)
	return nil
}

// raiseEvents stages evs and moves them to the feed (add, then flush): a
// transaction's events when it raises them all at once. The caller
// commits right after.
func raiseEvents(ctx context.Context, tx pgx.Tx, evs []event) error {
	var stage eventStage
	if err := stage.add(ctx, tx, evs); err != nil {
		return err
	}
	return stage.flush(ctx, tx)
}

// flush gives the staged events their IDs, in staging order, and moves
// them to the feed; remittances get their feed IDs the same way. The
// caller commits right after: the lock taken here is held until then.
func (s *eventStage) flush(ctx context.Context, tx pgx.Tx) error {
	if s.count == 0 {
		return nil
	}
	// The move below is planned on a staging table without statistics,
	// whose remittance subquery the planner prices per row: past some
	// 150,000 events its estimate crosses PostgreSQL's JIT thresholds, and
	// compiling the plan (0.3 s) cost more than running it, while the
	// whole feed waited on the lock. Sorting the staged rows in memory
	// rather than on disk (4 MB by default) saves as much again. Both are
	// settings of this transaction alone (decisions/0030).
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1, $2), set_config('jit', 'off', true),
		set_config('work_mem', '64MB', true)`, lockClass, eventsLockID); err != nil {
		return fmt.Errorf("storage: events lock: %w", err)
	}
	if s.remittancesOf != 0 {
		if _, err := tx.Exec(ctx, `WITH o AS (
				SELECT key, nextval('remittance_ids') AS id
				FROM (SELECT key FROM remittances WHERE file_id = $1 AND id IS NULL ORDER BY key) k)
			UPDATE remittances r SET id = o.id FROM o WHERE r.key = o.key`, s.remittancesOf); err != nil {
			return fmt.Errorf("storage: remittance IDs: %w", err)
		}
	}
	tag, err := tx.Exec(ctx, `INSERT INTO events (id, at, kind, payer_id, subject, subject_id, reference, status, tin, npi, due)
		SELECT nextval('event_ids'), statement_timestamp(), kind, payer_id, subject,
			CASE WHEN subject = 'remittance' THEN (SELECT r.id FROM remittances r WHERE r.key = p.subject_id) ELSE subject_id END,
			reference, status, tin, npi, due
		FROM (SELECT * FROM pending_events ORDER BY seq) p`)
	if err != nil {
		return fmt.Errorf("storage: events: %w", err)
	}
	if tag.RowsAffected() != int64(s.count) {
		return fmt.Errorf("storage: events: %d staged, %d moved", s.count, tag.RowsAffected())
	}
	return nil
}

// Maximum and default page sizes of the cursor feeds.
const (
	DefaultPage = 100
	MaxPage     = 10000
)

func pageSize(limit int) int {
	switch {
	case limit <= 0:
		return DefaultPage
	case limit > MaxPage:
		return MaxPage
	}
	return limit
}

// Events returns every event with ID > after in ID order, at most limit
// (DefaultPage when limit <= 0, at most MaxPage): the operators' feed,
// operator events included. A scoped reader reads EventsOf.
func (db *DB) Events(ctx context.Context, after int64, limit int) ([]edigw.Event, error) {
	rows, err := db.pool.Query(ctx, `SELECT `+eventColumns+` FROM events WHERE id > $1 ORDER BY id LIMIT $2`, after, pageSize(limit))
	if err != nil {
		return nil, wrap("events", err)
	}
	out, err := pgx.CollectRows(rows, scanEvent)
	return out, wrap("events", err)
}

// eventColumns are the columns of events that scanEvent reads, for every
// feed: Events, EventsOfKinds, OperatorEvents.
const eventColumns = `id, at, kind, payer_id, subject, subject_id, reference, status,
	coalesce(tin, ''), coalesce(npi, ''), coalesce(to_char(due, 'YYYY-MM-DD'), '')`

func scanEvent(row pgx.CollectableRow) (edigw.Event, error) {
	var e edigw.Event
	err := row.Scan(&e.ID, &e.At, &e.Kind, &e.PayerID, &e.Subject, &e.SubjectID, &e.Reference, &e.Status, &e.TIN, &e.NPI, &e.Due)
	return e, err
}
