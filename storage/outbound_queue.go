package storage

import (
	"context"
	"encoding/json"
	"slices"

	"github.com/jackc/pgx/v5"
)

// takeQueuedRecords is what TakeQueuedClaims, TakeQueuedAuthorizations,
// TakeQueuedClaimStatusInquiries and TakeQueuedEligibility share: it
// leases up to limit queued records of a table (takeQueued), decodes each
// row with scan, and returns them in ID order. limit <= 0 takes none. op
// names the operation in errors ("take queued claims").
func takeQueuedRecords[Q any](ctx context.Context, db *DB, op, table, filter string, args []any, limit int,
	scan func(row pgx.Row, id *int64) (Q, error)) ([]Q, error) {
	if limit <= 0 {
		return nil, nil
	}
	rows, err := db.takeQueued(ctx, table, filter, args, limit)
	if err != nil {
		return nil, wrap(op, err)
	}
	type taken struct {
		id  int64
		rec Q
	}
	ts, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (taken, error) {
		var t taken
		var err error
		t.rec, err = scan(row, &t.id)
		return t, err
	})
	if err != nil {
		return nil, wrap(op, err)
	}
	// UPDATE ... RETURNING does not keep the subquery's order.
	slices.SortFunc(ts, func(a, b taken) int { return cmpID(a.id, b.id) })
	out := make([]Q, len(ts))
	for i, t := range ts {
		out[i] = t.rec
	}
	return out, nil
}

// scanJSONRecord reads a leased row (id, record, status) whose record is
// JSON decoded into v; the status is not kept.
func scanJSONRecord(row pgx.Row, id *int64, v any) error {
	var raw []byte
	var status string
	if err := row.Scan(id, &raw, &status); err != nil {
		return err
	}
	return json.Unmarshal(raw, v)
}

// fileRecordsAs is what FileClaims, FileAuthorizations and FileEligibility
// share: it reads the records of a table an outbound file carries
// (fileRecords), in ID order, and turns each into what the caller
// returns with decode. op names the operation in errors.
func fileRecordsAs[S any](ctx context.Context, db *DB, op, table string, fileID int64, decode func(r sentRecord) (S, error)) ([]S, error) {
	recs, err := db.fileRecords(ctx, table, fileID)
	if err != nil {
		return nil, wrap(op, err)
	}
	out := make([]S, len(recs))
	for i, r := range recs {
		if out[i], err = decode(r); err != nil {
			return nil, wrap(op, err)
		}
	}
	return out, nil
}
