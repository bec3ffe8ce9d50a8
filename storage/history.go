package storage

import (
	"context"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/edigw/edigw"
)

// ClaimHistory returns a claim's timeline, oldest first: how it came in
// (submitted through the API, or received in a file with the status and
// reason edigw's own acknowledgments gave it), the outbound file it was
// sent in, the TA1s and 999s that answered its envelope without moving it,
// and every status change (claim_status_history) with its reason and
// file. It does not check scope: the caller reads the claim in scope
// first (api: 404 outside it).
func (db *DB) ClaimHistory(ctx context.Context, claimID int64) ([]edigw.ClaimHistoryEntry, error) {
	var dir, status, reason string
	var fileID int64
	var fileKind string
	var created time.Time
	var fileAt *time.Time
	err := db.pool.QueryRow(ctx, `SELECT c.direction, c.status, c.status_reason, c.created_at,
			coalesce(c.file_id, 0), coalesce(f.kind, ''), f.created_at
		FROM claims c LEFT JOIN files f ON f.id = c.file_id WHERE c.id = $1`, claimID).
		Scan(&dir, &status, &reason, &created, &fileID, &fileKind, &fileAt)
	if err != nil {
		return nil, wrap("claim history", notFound(err))
	}
	rows, err := db.pool.Query(ctx, `
		SELECT h.status, h.reason, coalesce(h.file_id, 0), coalesce(f.kind, ''), h.created_at
		FROM claim_status_history h LEFT JOIN files f ON f.id = h.file_id
		WHERE h.claim_id = $1 ORDER BY h.id`, claimID)
	if err != nil {
		return nil, wrap("claim history", err)
	}
	changes, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (edigw.ClaimHistoryEntry, error) {
		e := edigw.ClaimHistoryEntry{Event: edigw.HistoryStatus}
		err := row.Scan(&e.Status, &e.Reason, &e.FileID, &e.FileKind, &e.At)
		return e, err
	})
	if err != nil {
		return nil, wrap("claim history", err)
	}

	var out []edigw.ClaimHistoryEntry
	if dir == string(edigw.Inbound) {
		// A received claim is never moved after: its status and reason
		// are those its file gave it.
		e := edigw.ClaimHistoryEntry{Event: edigw.HistoryReceived, Status: edigw.ClaimStatus(status), Reason: reason,
			FileID: fileID, FileKind: fileKind, At: created}
		if len(changes) > 0 {
			e.Status, e.Reason = edigw.ClaimSubmitted, ""
		}
		return append(append(out, e), changes...), nil
	}
	out = append(out, edigw.ClaimHistoryEntry{Event: edigw.HistorySubmitted, Status: edigw.ClaimSubmitted, At: created})
	if fileID == 0 || fileAt == nil {
		return append(out, changes...), nil // not sent yet
	}
	out = append(out, edigw.ClaimHistoryEntry{Event: edigw.HistorySent, FileID: fileID, FileKind: fileKind, At: *fileAt})

	// The TA1s and 999s that answered the claim's envelope (as
	// ClaimFiles finds them) and moved nothing.
	acks, err := db.pool.Query(ctx, `
		WITH c AS (SELECT interchange_id, ltrim(coalesce(group_number, ''), '0') AS grp, payer_id FROM claims WHERE id = $1),
		ic AS (SELECT sender_id, receiver_id, ltrim(control_number, '0') AS number FROM interchanges
			WHERE id = (SELECT interchange_id FROM c))
		SELECT DISTINCT f.id, f.kind, f.created_at FROM acknowledgments a JOIN files f ON f.id = a.file_id, ic, c
		WHERE a.receiver_id = ic.sender_id AND a.sender_id = ic.receiver_id AND a.kind IN ('TA1', '999')
		  AND coalesce(a.payer_id, c.payer_id) = c.payer_id
		  AND (a.kind = 'TA1' AND ltrim(a.acknowledged, '0') = ic.number OR a.kind = '999' AND ltrim(a.acknowledged, '0') = c.grp)
		  AND NOT EXISTS (SELECT 1 FROM claim_status_history h WHERE h.claim_id = $1 AND h.file_id = f.id)
		ORDER BY f.id`, claimID)
	if err != nil {
		return nil, wrap("claim history", err)
	}
	answers, err := pgx.CollectRows(acks, func(row pgx.CollectableRow) (edigw.ClaimHistoryEntry, error) {
		e := edigw.ClaimHistoryEntry{Event: edigw.HistoryAcknowledged}
		err := row.Scan(&e.FileID, &e.FileKind, &e.At)
		return e, err
	})
	if err != nil {
		return nil, wrap("claim history", err)
	}
	// Answers and status changes in time order (each list is already in
	// its own order; a tie keeps the answer first, as files come in).
	rest := append(answers, changes...)
	slices.SortStableFunc(rest, func(a, b edigw.ClaimHistoryEntry) int { return a.At.Compare(b.At) })
	return append(out, rest...), nil
}
