package storage

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"

	"github.com/edigw/edigw"
)

// Outbound queue states and subjects of MarkSent.
const (
	stateQueued = "queued"
	stateSent   = "sent"
)

// QueueClaims stores claims to send (outbound, queued, status submitted)
// with a claim.submitted event each. With an idempotency key, a retry
// with the same claims returns the first call's IDs and queues nothing;
// the same key with different claims is edigw.ErrIdempotencyConflict.
// Keys are global: a caller serving several clients should prefix them.
func (db *DB) QueueClaims(ctx context.Context, idempotencyKey string, claims []*edigw.Claim) ([]int64, error) {
	return queue(ctx, db, idempotencyKey, subjectClaim, claims, func(tx pgx.Tx) ([]int64, []event, error) {
		ids, err := insertClaims(ctx, tx, claims, edigw.Outbound, nil, stateQueued, edigw.ClaimSubmitted, false)
		if err != nil {
			return nil, nil, err
		}
		evs := make([]event, len(claims))
		for i, c := range claims {
			evs[i] = claimEvent(edigw.EventClaimSubmitted, ids[i], c, edigw.ClaimSubmitted)
		}
		replaced, err := linkReplacements(ctx, tx, claims, ids, nil) // replacements.go
		if err != nil {
			return nil, nil, err
		}
		dups, err := duplicateWarnings(ctx, tx, claims, ids) // duplicates.go
		if err != nil {
			return nil, nil, err
		}
		return ids, append(append(append(evs, authorizationWarnings(ids, claims)...), replaced...), dups...), nil
	})
}

// QueueAuthorizations stores authorization requests to send (outbound,
// queued, Pending), with the idempotency of QueueClaims, and their
// lifecycle (received now, linked to the original they refer to). They
// have no status event until a response decides them; an appeal of a
// stored decision is an authorization.appeal_received.
func (db *DB) QueueAuthorizations(ctx context.Context, idempotencyKey string, reqs []*edigw.AuthorizationRequest) ([]int64, error) {
	return db.QueueAuthorizationsIn(ctx, idempotencyKey, reqs, nil)
}

// QueueAuthorizationsIn is QueueAuthorizations for a submitter reading
// scope (nil: all): a request links only to an original in it
// (linkOriginal).
func (db *DB) QueueAuthorizationsIn(ctx context.Context, idempotencyKey string, reqs []*edigw.AuthorizationRequest, scope *edigw.Scope) ([]int64, error) {
	within, err := db.authScopeOf(ctx, scope)
	if err != nil {
		return nil, err
	}
	return queue(ctx, db, idempotencyKey, subjectAuthorization, reqs, func(tx pgx.Tx) ([]int64, []event, error) {
		ids := make([]int64, len(reqs))
		now := db.now()
		var evs []event
		for i, r := range reqs {
			q := *r
			q.Status = edigw.AuthPending
			id, lc, err := insertAuthorization(ctx, tx, &q, edigw.Outbound, nil, stateQueued, now)
			if err != nil {
				return nil, nil, err
			}
			more, err := linkOriginal(ctx, tx, q.PayerID, id, &q, lc, within)
			if err != nil {
				return nil, nil, err
			}
			ids[i], evs = id, append(evs, more...)
		}
		return ids, evs, nil
	})
}

// queue runs one submission in a transaction under its idempotency key.
func queue[T any](ctx context.Context, db *DB, key, subject string, records []T,
	insert func(pgx.Tx) ([]int64, []event, error)) ([]int64, error) {
	payload, err := json.Marshal(records)
	if err != nil {
		return nil, wrap("queue", err)
	}
	hash := sha256.Sum256(payload)
	var ids []int64
	err = pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		if key != "" {
			// A concurrent submission with the key waits here until the
			// first commits (then finds its row) or rolls back.
			var inserted bool
			err := tx.QueryRow(ctx, `INSERT INTO idempotency_keys (key, subject, payload_hash, record_ids)
				VALUES ($1, $2, $3, '{}') ON CONFLICT (key) DO NOTHING RETURNING TRUE`, key, subject, hash[:]).Scan(&inserted)
			if errors.Is(err, pgx.ErrNoRows) {
				var (
					had     string
					hadHash []byte
				)
				if err := tx.QueryRow(ctx, `SELECT subject, payload_hash, record_ids FROM idempotency_keys WHERE key = $1`,
					key).Scan(&had, &hadHash, &ids); err != nil {
					return err
				}
				if had != subject || string(hadHash) != string(hash[:]) {
					return edigw.ErrIdempotencyConflict
				}
				return nil
			}
			if err != nil {
				return err
			}
		}
		var evs []event
		var err error
		ids, evs, err = insert(tx)
		if err != nil {
			return err
		}
		if key != "" {
			if _, err := tx.Exec(ctx, "UPDATE idempotency_keys SET record_ids = $2 WHERE key = $1", key, ids); err != nil {
				return err
			}
		}
		return raiseEvents(ctx, tx, evs)
	})
	if err != nil {
		return nil, wrap("queue", err)
	}
	return ids, nil
}

// takeQueued leases up to limit queued records of a table: rows another
// batcher holds (locked now, or leased and not yet expired) are skipped.
func (db *DB) takeQueued(ctx context.Context, table, filter string, args []any, limit int) (pgx.Rows, error) {
	n := len(args)
	args = append(args, limit, db.lease().Seconds())
	return db.pool.Query(ctx, fmt.Sprintf(`UPDATE %[1]s SET lease_until = now() + make_interval(secs => $%[3]d)
		WHERE id IN (SELECT id FROM %[1]s
			WHERE outbound_state = 'queued' AND %[2]s AND (lease_until IS NULL OR lease_until < now())
			ORDER BY id LIMIT $%[4]d FOR UPDATE SKIP LOCKED)
		RETURNING id, record, status`, table, filter, n+2, n+1), args...)
}

// TakeQueuedClaims leases up to limit queued claims of a payer and kind,
// oldest first, for DB.Lease: until then, or until MarkSent, no other
// batcher gets them. limit <= 0 takes none.
func (db *DB) TakeQueuedClaims(ctx context.Context, payer edigw.PayerID, kind edigw.ClaimKind, limit int) ([]edigw.QueuedClaim, error) {
	return takeQueuedRecords(ctx, db, "take queued claims", "claims", "payer_id = $1 AND kind = $2",
		[]any{string(payer), string(kind)}, limit, func(row pgx.Row, id *int64) (edigw.QueuedClaim, error) {
			q := edigw.QueuedClaim{Claim: &edigw.Claim{}}
			err := scanClaimRecord(row, id, q.Claim)
			q.ID = *id
			return q, err
		})
}

// TakeQueuedAuthorizations leases queued authorization requests as
// TakeQueuedClaims does claims.
func (db *DB) TakeQueuedAuthorizations(ctx context.Context, payer edigw.PayerID, limit int) ([]edigw.QueuedAuthorization, error) {
	return takeQueuedRecords(ctx, db, "take queued authorizations", "authorizations", "payer_id = $1",
		[]any{string(payer)}, limit, func(row pgx.Row, id *int64) (edigw.QueuedAuthorization, error) {
			q := edigw.QueuedAuthorization{Request: &edigw.AuthorizationRequest{}}
			err := scanAuthRecord(row, id, q.Request)
			q.ID = *id
			return q, err
		})
}

func cmpID(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// scanClaimRecord reads id, record, status.
func scanClaimRecord(row pgx.Row, id *int64, c *edigw.Claim) error {
	var raw []byte
	var status string
	if err := row.Scan(id, &raw, &status); err != nil {
		return err
	}
	if err := json.Unmarshal(raw, c); err != nil {
		return fmt.Errorf("claim %d: %w", *id, err)
	}
	c.Status = edigw.ClaimStatus(status)
	return nil
}

// scanAuthRecord reads id, record, status.
func scanAuthRecord(row pgx.Row, id *int64, r *edigw.AuthorizationRequest) error {
	var raw []byte
	var status string
	if err := row.Scan(id, &raw, &status); err != nil {
		return err
	}
	if err := json.Unmarshal(raw, r); err != nil {
		return fmt.Errorf("authorization %d: %w", *id, err)
	}
	r.Status = edigw.AuthorizationStatus(status)
	return nil
}

// MarkSent assigns queued records ("claim" or "authorization") to the
// outbound file that carries them, with the interchange (entered in the
// outbound ledger for fileID) and the GS06 and ST02 they go out under.
// Repeating the same call is harmless; a record that is neither queued
// nor already marked so is an error, and nothing is marked.
func (db *DB) MarkSent(ctx context.Context, subject string, ids []int64, fileID int64, ic edigw.Interchange, group, set string) error {
	var table string
	switch subject {
	case subjectClaim:
		table = "claims"
	case subjectAuthorization:
		table = "authorizations"
	case subjectClaimStatus: // claim_status_inquiries.go
		table = "claim_status_inquiries"
	case subjectEligibility:
		table = "eligibility_inquiries" // eligibility.go
	default:
		return fmt.Errorf("storage: mark sent: unknown subject %q (want claim or authorization)", subject)
	}
	distinct := slices.Clone(ids)
	slices.Sort(distinct)
	distinct = slices.Compact(distinct)
	err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		icID, err := insertInterchange(ctx, tx, edigw.Outbound, "", ic, fileID)
		if errors.Is(err, edigw.ErrDuplicateInterchange) {
			// The file's own interchange, entered by an earlier call.
			var owner int64
			err = tx.QueryRow(ctx, `SELECT id, file_id FROM interchanges WHERE direction = 'outbound'
				AND sender_qualifier = $1 AND sender_id = $2 AND receiver_qualifier = $3 AND receiver_id = $4
				AND control_number = $5`, trim(ic.SenderQualifier), trim(ic.SenderID), trim(ic.ReceiverQualifier),
				trim(ic.ReceiverID), trim(ic.ControlNumber)).Scan(&icID, &owner)
			if err == nil && owner != fileID {
				return edigw.ErrDuplicateInterchange
			}
		}
		if err != nil {
			return err
		}
		tag, err := tx.Exec(ctx, fmt.Sprintf(`UPDATE %s SET outbound_state = 'sent', lease_until = NULL, file_id = $2,
				interchange_id = $3, group_number = $4, set_number = $5, updated_at = now()
			WHERE id = ANY($1) AND direction = 'outbound' AND (outbound_state = 'queued' OR (outbound_state = 'sent'
				AND file_id = $2 AND interchange_id = $3 AND group_number = $4 AND set_number = $5))`, table),
			distinct, fileID, icID, group, set)
		if err != nil {
			return err
		}
		if int(tag.RowsAffected()) != len(distinct) {
			return fmt.Errorf("%d of the %d records are not queued", len(distinct)-int(tag.RowsAffected()), len(distinct))
		}
		return nil
	})
	return wrap("mark sent", err)
}

// sentRecord is a claim or authorization request of an outbound file:
// its record as stored and the envelope it went out in.
type sentRecord struct {
	id          int64
	record      []byte
	status      string
	interchange edigw.Interchange
	group, set  string
}

// fileRecords reads the records of one kind (table claims or
// authorizations) an outbound file carries, in ID order.
func (db *DB) fileRecords(ctx context.Context, table string, fileID int64) ([]sentRecord, error) {
	rows, err := db.pool.Query(ctx, `SELECT r.id, r.record, r.status, i.sender_qualifier, i.sender_id, i.receiver_qualifier,
			i.receiver_id, i.control_number, r.group_number, r.set_number
		FROM `+pgx.Identifier{table}.Sanitize()+` r JOIN interchanges i ON i.id = r.interchange_id
		WHERE r.file_id = $1 AND r.direction = 'outbound' ORDER BY r.id`, fileID)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (sentRecord, error) {
		var s sentRecord
		ic := &s.interchange
		err := row.Scan(&s.id, &s.record, &s.status, &ic.SenderQualifier, &ic.SenderID, &ic.ReceiverQualifier,
			&ic.ReceiverID, &ic.ControlNumber, &s.group, &s.set)
		return s, err
	})
}

// FileClaims returns the claims an outbound file carries, in ID order.
func (db *DB) FileClaims(ctx context.Context, fileID int64) ([]edigw.SentClaim, error) {
	return fileRecordsAs(ctx, db, "file claims", "claims", fileID, func(r sentRecord) (edigw.SentClaim, error) {
		c := &edigw.Claim{}
		if err := json.Unmarshal(r.record, c); err != nil {
			return edigw.SentClaim{}, fmt.Errorf("claim %d: %w", r.id, err)
		}
		c.Status = edigw.ClaimStatus(r.status)
		return edigw.SentClaim{QueuedClaim: edigw.QueuedClaim{ID: r.id, Claim: c}, Interchange: r.interchange, Group: r.group, Set: r.set}, nil
	})
}

// FileAuthorizations returns the requests an outbound file carries, in ID order.
func (db *DB) FileAuthorizations(ctx context.Context, fileID int64) ([]edigw.SentAuthorization, error) {
	return fileRecordsAs(ctx, db, "file authorizations", "authorizations", fileID, func(r sentRecord) (edigw.SentAuthorization, error) {
		a := &edigw.AuthorizationRequest{}
		if err := json.Unmarshal(r.record, a); err != nil {
			return edigw.SentAuthorization{}, fmt.Errorf("authorization %d: %w", r.id, err)
		}
		a.Status = edigw.AuthorizationStatus(r.status)
		return edigw.SentAuthorization{QueuedAuthorization: edigw.QueuedAuthorization{ID: r.id, Request: a},
			Interchange: r.interchange, Group: r.group, Set: r.set}, nil
	})
}
