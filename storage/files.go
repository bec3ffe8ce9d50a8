package storage

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/edigw/edigw"
)

const fileColumns = `id, coalesce(payer_id, ''), object_key, coalesce(sha256, ''), size, direction, kind,
	status, reason, coalesce(parent_id, 0), created_at, completed_at, coalesce(resting_key, '')`

func scanFile(row pgx.Row) (*edigw.File, error) {
	var f edigw.File
	var completed *time.Time
	if err := row.Scan(&f.ID, &f.PayerID, &f.Key, &f.SHA256, &f.Size, &f.Direction, &f.Kind,
		&f.Status, &f.Reason, &f.ParentID, &f.CreatedAt, &completed, &f.RestingKey); err != nil {
		return nil, notFound(err)
	}
	if completed != nil {
		f.CompletedAt = *completed
	}
	return &f, nil
}

// FileByKey returns the latest ledger entry for key in direction d.
func (db *DB) FileByKey(ctx context.Context, d edigw.Direction, key string) (*edigw.File, error) {
	f, err := scanFile(db.pool.QueryRow(ctx, `SELECT `+fileColumns+` FROM files
		WHERE direction = $1 AND object_key = $2 ORDER BY id DESC LIMIT 1`, d, key))
	if err != nil {
		return nil, wrap("file by key", err)
	}
	return f, nil
}

// File returns a ledger entry.
func (db *DB) File(ctx context.Context, id int64) (*edigw.File, error) {
	f, err := scanFile(db.pool.QueryRow(ctx, `SELECT `+fileColumns+` FROM files WHERE id = $1`, id))
	if err != nil {
		return nil, wrap("file", err)
	}
	return f, nil
}

// OutboundFiles lists outbound ledger entries in a status, oldest first:
// the 837s and 278s edigw sends, not the acknowledgments of inbound files
// (those are finished with their inbound file, from their recorded bytes).
func (db *DB) OutboundFiles(ctx context.Context, status edigw.FileStatus) ([]edigw.File, error) {
	rows, err := db.pool.Query(ctx, `SELECT `+fileColumns+` FROM files
		WHERE direction = 'outbound' AND status = $1 AND parent_id IS NULL ORDER BY id`, status)
	if err != nil {
		return nil, wrap("outbound files", err)
	}
	defer rows.Close()
	var out []edigw.File
	for rows.Next() {
		f, err := scanFile(rows)
		if err != nil {
			return nil, wrap("outbound files", err)
		}
		out = append(out, *f)
	}
	return out, wrap("outbound files", rows.Err())
}

// RecordFile adds a ledger entry outside an ingest and sets f.ID (and
// f.CreatedAt when it was zero). A committed or archived entry with the
// digest of an earlier one is edigw.ErrDuplicateFile.
func (db *DB) RecordFile(ctx context.Context, f *edigw.File) (int64, error) {
	id, created, err := insertFile(ctx, db.pool, f)
	if isUniqueViolation(err, "files_committed_sha256") {
		return 0, edigw.ErrDuplicateFile
	}
	if err != nil {
		return 0, wrap("record file", err)
	}
	f.ID, f.CreatedAt = id, created
	return id, nil
}

func insertFile(ctx context.Context, q querier, f *edigw.File) (int64, time.Time, error) {
	if f.Direction == "" {
		return 0, time.Time{}, fmt.Errorf("storage: file %s has no direction", f.Key)
	}
	var created *time.Time
	if !f.CreatedAt.IsZero() {
		created = &f.CreatedAt // an outbound file's time is part of its content
	}
	var completed *time.Time
	if !f.CompletedAt.IsZero() {
		completed = &f.CompletedAt
	}
	var parent *int64
	if f.ParentID != 0 {
		parent = &f.ParentID
	}
	var id *int64 // a reserved ID (ReserveFileID), or the next one
	if f.ID != 0 {
		id = &f.ID
	}
	var got int64
	var at time.Time
	err := q.QueryRow(ctx, `INSERT INTO files
		(id, payer_id, object_key, sha256, size, direction, kind, status, reason, parent_id, created_at, completed_at, resting_key)
		VALUES (coalesce($1, nextval(pg_get_serial_sequence('files', 'id'))), $2, $3, $4, $5, $6, $7, $8, $9, $10,
			coalesce($11, now()), $12, $13)
		RETURNING id, created_at`,
		id, nullable(string(f.PayerID)), f.Key, nullable(f.SHA256), f.Size, f.Direction, f.Kind, f.Status, f.Reason,
		parent, created, completed, nullable(f.RestingKey)).Scan(&got, &at)
	return got, at, err
}

// SetFileStatus moves a file on. Final statuses (archived, rejected,
// duplicate, sent) set its completion time; an output's recorded bytes
// go once it is sent.
func (db *DB) SetFileStatus(ctx context.Context, id int64, status edigw.FileStatus, reason string) error {
	tag, err := db.pool.Exec(ctx, `WITH f AS (UPDATE files SET status = $2, reason = $3,
			completed_at = CASE WHEN $2 IN ('archived', 'rejected', 'duplicate', 'sent') THEN now() ELSE completed_at END
			WHERE id = $1 RETURNING id),
		gone AS (DELETE FROM file_bodies WHERE file_id = $1 AND $2 = 'sent')
		SELECT id FROM f`, id, status, reason)
	if isUniqueViolation(err, "files_committed_sha256") {
		return edigw.ErrDuplicateFile
	}
	if err != nil {
		return wrap("set file status", err)
	}
	if tag.RowsAffected() == 0 {
		return edigw.ErrNotFound
	}
	return nil
}

// wrap names the operation in an error, keeping edigw's sentinel errors
// as they are (callers compare them with errors.Is either way).
func wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	switch err {
	case edigw.ErrNotFound, edigw.ErrDuplicateFile, edigw.ErrDuplicateInterchange, edigw.ErrIdempotencyConflict:
		return err
	}
	return withoutValues(fmt.Errorf("storage: %s: %w", op, err))
}
