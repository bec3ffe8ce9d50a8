package storage

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/edigw/edigw"
)

// Overdue acknowledgments (decision 0019). A file edigw sent (an 837 or a
// 278, not an acknowledgment it wrote) expects a 999 within its partner's
// ack_999_within: a TA1 naming its ISA13 or a 999 naming its GS06 from the
// partner answers it, as for the metric of the oldest unacknowledged file
// (Backlog). An 837 expects a 277CA within ack_277ca_within as well: it
// is answered once none of its claims is still submitted (a 277CA moves
// each to accepted or rejected; a 999 or TA1 that rejects the file moves
// them all to rejected, and then no 277CA will come).

// sentFiles are the sent outbound files with their partner's windows and
// the envelope their answers name. $1 is now.
const sentFiles = `
	SELECT f.id, f.payer_id, f.kind, f.object_key, coalesce(f.completed_at, f.created_at) AS sent_at,
		tp.ack_999_within, tp.ack_277ca_within, i.sender_id, i.receiver_id, i.control_number,
		coalesce((SELECT min(group_number) FROM claims c WHERE c.file_id = f.id),
			(SELECT min(group_number) FROM authorizations a WHERE a.file_id = f.id)) AS group_number
	FROM files f
	JOIN trading_partners tp ON tp.payer_id = f.payer_id
	JOIN interchanges i ON i.file_id = f.id AND i.direction = 'outbound'
	WHERE f.direction = 'outbound' AND f.status = 'sent' AND f.parent_id IS NULL`

// unanswered999 and unanswered277CA hold for a sent file s that still
// lacks the acknowledgment. A TA1 or 999 answers s only from s's partner
// (its payer; an acknowledgment ingested outside the pipeline has none):
// another partner's file naming the same envelope does not.
const (
	unanswered999 = `NOT EXISTS (SELECT 1 FROM acknowledgments k
		WHERE btrim(k.receiver_id) = s.sender_id AND btrim(k.sender_id) = s.receiver_id
			AND coalesce(k.payer_id, s.payer_id) = s.payer_id
			AND ((k.kind = 'TA1' AND ltrim(k.acknowledged, '0') = ltrim(s.control_number, '0'))
				OR (k.kind = '999' AND ltrim(k.acknowledged, '0') = ltrim(s.group_number, '0'))))`
	unanswered277CA = `s.kind LIKE '837%' AND EXISTS (SELECT 1 FROM claims c WHERE c.file_id = s.id AND c.status = 'submitted')`
)

// overdueNow lists (file, kind, due time) of the sent files whose
// acknowledgment is overdue at $1.
const overdueNow = `WITH s AS (` + sentFiles + `)
	SELECT s.id, s.payer_id, '999' AS kind, s.sent_at + s.ack_999_within AS due_at FROM s
	WHERE s.sent_at + s.ack_999_within <= $1 AND ` + unanswered999 + `
	UNION ALL
	SELECT s.id, s.payer_id, '277CA', s.sent_at + s.ack_277ca_within FROM s
	WHERE s.sent_at + s.ack_277ca_within <= $1 AND ` + unanswered277CA

// RaiseOverdueAcknowledgments records the acknowledgments overdue at now
// that were not recorded before, and raises a file.acknowledgment_overdue
// event for each (subject the file, reference its object key, status the
// kind: 999 or 277CA), in one transaction: exactly once per file and kind,
// also when instances run it at the same time. It returns how many it
// raised.
func (db *DB) RaiseOverdueAcknowledgments(ctx context.Context, now time.Time) (int, error) {
	tx, err := db.pool.Begin(ctx)
	if err != nil {
		return 0, wrap("overdue acknowledgments", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx)) //nolint:errcheck // harmless after Commit
	rows, err := tx.Query(ctx, `INSERT INTO overdue_acknowledgments (file_id, kind, payer_id, due_at, raised_at)
		SELECT id, kind, payer_id, due_at, $1 FROM (`+overdueNow+`) o
		ON CONFLICT DO NOTHING RETURNING file_id, kind`, now)
	if err != nil {
		return 0, wrap("overdue acknowledgments", err)
	}
	type raised struct {
		file int64
		kind string
	}
	got, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (raised, error) {
		var x raised
		err := r.Scan(&x.file, &x.kind)
		return x, err
	})
	if err != nil {
		return 0, wrap("overdue acknowledgments", err)
	}
	if len(got) == 0 {
		return 0, wrap("overdue acknowledgments", tx.Commit(ctx))
	}
	// Event IDs under the feed's lock, held until commit (events.go).
	if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1, $2)", lockClass, eventsLockID); err != nil {
		return 0, wrap("overdue acknowledgments", err)
	}
	ids, ks := make([]int64, len(got)), make([]string, len(got))
	for i, x := range got {
		ids[i], ks[i] = x.file, x.kind
	}
	if _, err := tx.Exec(ctx, `INSERT INTO events (id, at, kind, payer_id, subject, subject_id, reference, status)
		SELECT nextval('event_ids'), statement_timestamp(), $1, f.payer_id, 'file', f.id, f.object_key, r.kind
		FROM (SELECT * FROM unnest($2::bigint[], $3::text[]) AS r (file_id, kind) ORDER BY file_id, kind) r
		JOIN files f ON f.id = r.file_id`, string(edigw.EventAckOverdue), ids, ks); err != nil {
		return 0, wrap("overdue acknowledgments", err)
	}
	return len(got), wrap("overdue acknowledgments", tx.Commit(ctx))
}

// OverdueFiles lists the sent files whose acknowledgment is overdue now
// (recorded by RaiseOverdueAcknowledgments and still not answered), with
// ID > after in ID order, at most limit: the operators' listing.
func (db *DB) OverdueFiles(ctx context.Context, after int64, limit int) ([]edigw.OverdueFile, error) {
	rows, err := db.pool.Query(ctx, `WITH s AS (`+sentFiles+` AND f.id > $1
			AND EXISTS (SELECT 1 FROM overdue_acknowledgments o WHERE o.file_id = f.id)),
		still AS (
			SELECT s.id, '999' AS kind FROM s WHERE `+unanswered999+`
			UNION ALL SELECT s.id, '277CA' FROM s WHERE `+unanswered277CA+`),
		page AS (
			SELECT o.file_id, array_agg(o.kind ORDER BY o.kind) AS kinds, min(o.due_at) AS due_at
			FROM overdue_acknowledgments o JOIN still ON still.id = o.file_id AND still.kind = o.kind
			GROUP BY o.file_id ORDER BY o.file_id LIMIT $2)
		SELECT `+fileColumns+`, page.kinds, page.due_at FROM page JOIN files ON files.id = page.file_id ORDER BY files.id`,
		after, pageSize(limit))
	if err != nil {
		return nil, wrap("overdue files", err)
	}
	defer rows.Close()
	var out []edigw.OverdueFile
	for rows.Next() {
		var o edigw.OverdueFile
		f, err := scanFileWith(rows, &o.Kinds, &o.DueAt)
		if err != nil {
			return nil, wrap("overdue files", err)
		}
		o.File = *f
		out = append(out, o)
	}
	return out, wrap("overdue files", rows.Err())
}

// scanFileWith is scanFile with more columns after the file's.
func scanFileWith(row pgx.Row, more ...any) (*edigw.File, error) {
	var f edigw.File
	var completed *time.Time
	dest := append([]any{&f.ID, &f.PayerID, &f.Key, &f.SHA256, &f.Size, &f.Direction, &f.Kind,
		&f.Status, &f.Reason, &f.ParentID, &f.CreatedAt, &completed, &f.RestingKey}, more...)
	if err := row.Scan(dest...); err != nil {
		return nil, notFound(err)
	}
	if completed != nil {
		f.CompletedAt = *completed
	}
	return &f, nil
}
