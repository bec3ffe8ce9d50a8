package storage

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/jackc/pgx/v5"

	"github.com/edigw/edigw"
)

// bodyChunk is how much of an output's bytes goes into one file_bodies
// row: a large 277CA is recorded without being held whole in memory.
const bodyChunk = 1 << 20

// RecordOutputs enters the file's resting key and its outputs in the
// ingest's transaction: they commit with the records, or not at all.
func (in *ingest) RecordOutputs(ctx context.Context, restingKey string, outputs []edigw.Output) error {
	if err := in.check(); err != nil {
		return err
	}
	if _, err := in.tx.Exec(ctx, "UPDATE files SET resting_key = $2 WHERE id = $1", in.fileID, restingKey); err != nil {
		return wrap("record outputs", err)
	}
	var payer string
	if err := in.tx.QueryRow(ctx, "SELECT coalesce(payer_id, '') FROM files WHERE id = $1", in.fileID).Scan(&payer); err != nil {
		return wrap("record outputs", err)
	}
	return wrap("record outputs", insertOutputs(ctx, in.tx, in.fileID, edigw.PayerID(payer), outputs))
}

// insertOutputs enters each output as a pending outbound file whose parent
// is the inbound file, with its bytes.
func insertOutputs(ctx context.Context, tx pgx.Tx, parent int64, payer edigw.PayerID, outputs []edigw.Output) error {
	buf := make([]byte, bodyChunk)
	for _, o := range outputs {
		id, _, err := insertFile(ctx, tx, &edigw.File{PayerID: payer, Key: o.Key, Direction: edigw.Outbound, Kind: o.Kind,
			Status: edigw.FilePending, ParentID: parent, SHA256: o.SHA256, Size: o.Size, RestingKey: o.Key})
		if err != nil {
			return err
		}
		var n int64
		for seq := 0; ; seq++ {
			k, err := io.ReadFull(o.Body, buf)
			if k > 0 || seq == 0 {
				if _, err := tx.Exec(ctx, "INSERT INTO file_bodies (file_id, seq, chunk) VALUES ($1, $2, $3)", id, seq, buf[:k]); err != nil {
					return err
				}
				n += int64(k)
			}
			if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
				break
			}
			if err != nil {
				return fmt.Errorf("output %s: %w", o.Key, err)
			}
		}
		if n != o.Size {
			return fmt.Errorf("output %s: %d bytes read, %d recorded", o.Key, n, o.Size)
		}
	}
	return nil
}

// ReserveFileID takes the next ledger ID for a file RecordOutcome enters.
func (db *DB) ReserveFileID(ctx context.Context) (int64, error) {
	var id int64
	err := db.pool.QueryRow(ctx, "SELECT nextval(pg_get_serial_sequence('files', 'id'))").Scan(&id)
	return id, wrap("reserve file ID", err)
}

// RecordOutcome enters a file that was not committed (rejected or
// duplicate) under its reserved ID, unfinished, with its outputs.
func (db *DB) RecordOutcome(ctx context.Context, f *edigw.File, outputs []edigw.Output) error {
	if f.ID == 0 {
		return fmt.Errorf("storage: record outcome of %s: no reserved ID", f.Key)
	}
	tx, err := db.pool.Begin(ctx)
	if err != nil {
		return wrap("record outcome", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	entry := *f
	_, created, err := insertFile(ctx, tx, &entry)
	if isUniqueViolation(err, "files_committed_sha256") {
		return edigw.ErrDuplicateFile
	}
	if err != nil {
		return wrap("record outcome", err)
	}
	if err := insertOutputs(ctx, tx, f.ID, f.PayerID, outputs); err != nil {
		return wrap("record outcome", err)
	}
	if err := tx.Commit(ctx); err != nil {
		return wrap("record outcome", err)
	}
	f.CreatedAt = created
	return nil
}

// UnfinishedFiles lists inbound files whose completion time is unset:
// committed, or rejected or duplicate and not yet at their resting key.
func (db *DB) UnfinishedFiles(ctx context.Context) ([]edigw.File, error) {
	rows, err := db.pool.Query(ctx, `SELECT `+fileColumns+` FROM files
		WHERE direction = 'inbound' AND completed_at IS NULL ORDER BY id`)
	if err != nil {
		return nil, wrap("unfinished files", err)
	}
	return collectFiles(rows, "unfinished files")
}

// FileOutputs lists the outputs recorded for an inbound file, in key order.
func (db *DB) FileOutputs(ctx context.Context, parentID int64) ([]edigw.File, error) {
	rows, err := db.pool.Query(ctx, `SELECT `+fileColumns+` FROM files
		WHERE parent_id = $1 AND direction = 'outbound' ORDER BY object_key, id`, parentID)
	if err != nil {
		return nil, wrap("file outputs", err)
	}
	return collectFiles(rows, "file outputs")
}

func collectFiles(rows pgx.Rows, op string) ([]edigw.File, error) {
	defer rows.Close()
	var out []edigw.File
	for rows.Next() {
		f, err := scanFile(rows)
		if err != nil {
			return nil, wrap(op, err)
		}
		out = append(out, *f)
	}
	return out, wrap(op, rows.Err())
}

// OutputBody reads a pending output's recorded bytes, one chunk at a time.
func (db *DB) OutputBody(ctx context.Context, fileID int64) (io.ReadCloser, error) {
	var chunks int
	if err := db.pool.QueryRow(ctx, "SELECT count(*) FROM file_bodies WHERE file_id = $1", fileID).Scan(&chunks); err != nil {
		return nil, wrap("output body", err)
	}
	if chunks == 0 {
		return nil, edigw.ErrNotFound
	}
	return &bodyReader{ctx: ctx, db: db, id: fileID, chunks: chunks}, nil
}

// bodyReader reads file_bodies chunk by chunk, so memory holds one.
type bodyReader struct {
	ctx         context.Context
	db          *DB
	id          int64
	chunks, seq int
	cur         *bytes.Reader
}

func (r *bodyReader) Read(p []byte) (int, error) {
	for r.cur == nil || r.cur.Len() == 0 {
		if r.seq == r.chunks {
			return 0, io.EOF
		}
		var chunk []byte
		if err := r.db.pool.QueryRow(r.ctx, "SELECT chunk FROM file_bodies WHERE file_id = $1 AND seq = $2",
			r.id, r.seq).Scan(&chunk); err != nil {
			return 0, wrap("output body", notFound(err))
		}
		r.seq++
		r.cur = bytes.NewReader(chunk)
	}
	return r.cur.Read(p)
}

func (r *bodyReader) Close() error { return nil }

// SetRestingKey records a resting key for a file entered without one.
func (db *DB) SetRestingKey(ctx context.Context, id int64, key string) error {
	tag, err := db.pool.Exec(ctx, "UPDATE files SET resting_key = $2 WHERE id = $1", id, key)
	if err != nil {
		return wrap("set resting key", err)
	}
	if tag.RowsAffected() == 0 {
		return edigw.ErrNotFound
	}
	return nil
}

// FileEvent adds an operator event about a file: no TIN or NPI, so that
// only unscoped readers see it; the reference is the key concerned.
func (db *DB) FileEvent(ctx context.Context, kind edigw.EventKind, f *edigw.File, status string) error {
	tx, err := db.pool.Begin(ctx)
	if err != nil {
		return wrap("file event", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1, $2)", lockClass, eventsLockID); err != nil {
		return wrap("file event", err)
	}
	ref := f.RestingKey
	if ref == "" {
		ref = f.Key
	}
	if _, err := tx.Exec(ctx, `INSERT INTO events (id, at, kind, payer_id, subject, subject_id, reference, status)
		VALUES (nextval('event_ids'), statement_timestamp(), $1, $2, 'file', $3, $4, $5)`,
		kind, string(f.PayerID), f.ID, ref, status); err != nil {
		return wrap("file event", err)
	}
	return wrap("file event", tx.Commit(ctx))
}
