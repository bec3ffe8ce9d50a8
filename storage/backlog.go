package storage

import (
	"context"
	"fmt"
	"time"

	"github.com/edigw/edigw"
)

// QueueDepth is how many records of a kind wait to be sent to a payer.
type QueueDepth struct {
	PayerID edigw.PayerID
	Kind    string // the claim kind (professional, institutional, dental) or authorization
	Records int64
}

// Backlog is what waits on the outbound side, for /metrics: records
// queued, and per payer when the oldest sent file that no 999 or TA1 has
// answered yet was sent.
type Backlog struct {
	Queued               []QueueDepth
	OldestUnacknowledged map[edigw.PayerID]time.Time
}

// Backlog reads the outbound backlog. The queue counts use the partial
// indexes of queued records; the unacknowledged files are the sent 837s
// and 278s (not the acknowledgments edigw wrote) for which no TA1 names
// their ISA13 and no 999 their GS06, from the partner they went to.
func (db *DB) Backlog(ctx context.Context) (*Backlog, error) {
	b := &Backlog{OldestUnacknowledged: map[edigw.PayerID]time.Time{}}
	rows, err := db.pool.Query(ctx, `
		SELECT payer_id, kind, count(*) FROM claims WHERE outbound_state = 'queued' GROUP BY payer_id, kind
		UNION ALL
		SELECT payer_id, 'authorization', count(*) FROM authorizations WHERE outbound_state = 'queued' GROUP BY payer_id
		ORDER BY 1, 2`)
	if err != nil {
		return nil, fmt.Errorf("storage: backlog: %w", err)
	}
	var q QueueDepth
	for rows.Next() {
		if err := rows.Scan(&q.PayerID, &q.Kind, &q.Records); err != nil {
			rows.Close()
			return nil, fmt.Errorf("storage: backlog: %w", err)
		}
		b.Queued = append(b.Queued, q)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("storage: backlog: %w", err)
	}
	rows, err = db.pool.Query(ctx, `
		WITH sent AS (
			SELECT f.payer_id, coalesce(f.completed_at, f.created_at) AS sent_at, i.sender_id, i.receiver_id, i.control_number,
				coalesce((SELECT min(group_number) FROM claims c WHERE c.file_id = f.id),
					(SELECT min(group_number) FROM authorizations a WHERE a.file_id = f.id)) AS group_number
			FROM files f JOIN interchanges i ON i.file_id = f.id AND i.direction = 'outbound'
			WHERE f.direction = 'outbound' AND f.status = 'sent' AND f.parent_id IS NULL AND f.payer_id IS NOT NULL)
		SELECT payer_id, min(sent_at) FROM sent s
		WHERE NOT EXISTS (SELECT 1 FROM acknowledgments k
			WHERE btrim(k.receiver_id) = s.sender_id AND btrim(k.sender_id) = s.receiver_id
				AND ((k.kind = 'TA1' AND ltrim(k.acknowledged, '0') = ltrim(s.control_number, '0'))
					OR (k.kind = '999' AND ltrim(k.acknowledged, '0') = ltrim(s.group_number, '0'))))
		GROUP BY payer_id`)
	if err != nil {
		return nil, fmt.Errorf("storage: backlog: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var payer edigw.PayerID
		var at time.Time
		if err := rows.Scan(&payer, &at); err != nil {
			return nil, fmt.Errorf("storage: backlog: %w", err)
		}
		b.OldestUnacknowledged[payer] = at
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("storage: backlog: %w", err)
	}
	return b, nil
}
