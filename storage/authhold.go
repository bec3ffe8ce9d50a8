package storage

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/edigw/edigw"
)

// The payer side's holds (PUT and DELETE /v1/authorizations/{id}/hold):
// an operator's call, never a provider's (the API checks the token).

// SetAuthorizationHold puts an undecided request on hold: what is missing
// and when it is due. The profile's clock stops until the information
// arrives (the rule's runs on); the request's provider gets an
// authorization.pended event with the due date. edigw.ErrDecided for a
// decided request.
func (db *DB) SetAuthorizationHold(ctx context.Context, id int64, h edigw.HoldUpdate) (*edigw.StoredAuthorization, error) {
	due, err := time.Parse(time.DateOnly, h.DueDate)
	if err != nil {
		return nil, fmt.Errorf("storage: hold: the due date is not CCYY-MM-DD")
	}
	err = pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		r, err := lockUndecided(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE authorizations SET hold_missing = $2, hold_due_date = $3,
				information_complete_at = NULL, decision_due = NULL, updated_at = now() WHERE id = $1`,
			id, nonNil(h.Missing), due); err != nil {
			return err
		}
		return raiseEvents(ctx, tx, []event{lifecycleEvent(edigw.EventAuthPending, id, r, edigw.AuthPending, h.DueDate)})
	})
	if err != nil {
		return nil, holdError(err)
	}
	return db.Authorization(ctx, id, nil)
}

// ReleaseAuthorizationHold records that the information a hold asked
// for has arrived (now, by the store's clock): the hold is lifted and the
// profile's clock restarts. edigw.ErrNotOnHold when there is no hold.
func (db *DB) ReleaseAuthorizationHold(ctx context.Context, id int64) (*edigw.StoredAuthorization, error) {
	err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		r, err := lockUndecided(ctx, tx, id)
		if err != nil {
			return err
		}
		var held bool
		if err := tx.QueryRow(ctx, `SELECT hold_due_date IS NOT NULL OR cardinality(hold_missing) > 0 FROM authorizations WHERE id = $1`,
			id).Scan(&held); err != nil {
			return err
		}
		if !held {
			return edigw.ErrNotOnHold
		}
		return restartClock(ctx, tx, id, r, db.now())
	})
	if err != nil {
		return nil, holdError(err)
	}
	return db.Authorization(ctx, id, nil)
}

// lockUndecided locks a received request and reads its record;
// edigw.ErrNotFound, edigw.ErrSentRequest (a request edigw sent: its
// payer's response holds it) or edigw.ErrDecided.
func lockUndecided(ctx context.Context, tx pgx.Tx, id int64) (*edigw.AuthorizationRequest, error) {
	var raw []byte
	var decided bool
	var dir edigw.Direction
	if err := tx.QueryRow(ctx, `SELECT record, decided_at IS NOT NULL, direction FROM authorizations WHERE id = $1 FOR UPDATE`, id).
		Scan(&raw, &decided, &dir); err != nil {
		return nil, notFound(err)
	}
	switch {
	case dir == edigw.Outbound:
		return nil, edigw.ErrSentRequest
	case decided:
		return nil, edigw.ErrDecided
	}
	var r edigw.AuthorizationRequest
	if err := json.Unmarshal(raw, &r); err != nil {
		return nil, fmt.Errorf("authorization %d: %w", id, err)
	}
	return &r, nil
}

// holdError keeps the sentinels the API answers by.
func holdError(err error) error {
	for _, e := range []error{edigw.ErrNotFound, edigw.ErrDecided, edigw.ErrNotOnHold, edigw.ErrSentRequest} {
		if errors.Is(err, e) {
			return e
		}
	}
	return wrap("hold", err)
}
