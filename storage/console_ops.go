package storage

import (
	"context"
	"sync"
	"time"

	"github.com/edigw/edigw"
)

// Operations reads the operators' dashboard over [since, now): small
// queries, each on an index of when things came (files_inbound_created of
// 0018, authorizations_received of 0015) or of a file's claims
// (claims_file, claims_rejected_file), so its cost follows the window,
// not the tables. The counts run side by side on the pool (a dashboard
// needs no single snapshot), so the page costs the slowest of them.
// period is the width of the dashboard's buckets ("hour" or "day").
func (db *DB) Operations(ctx context.Context, since time.Time, period string) (*edigw.Operations, error) {
	if period != "day" {
		period = "hour"
	}
	ops := &edigw.Operations{Since: since, Until: time.Now()}
	rows, err := db.pool.Query(ctx, `SELECT date_trunc($2, created_at), status, count(*), array_agg(id) FROM files
		WHERE direction = 'inbound' AND parent_id IS NULL AND created_at >= $1 GROUP BY 1, 2 ORDER BY 1, 2`, since, period)
	if err != nil {
		return nil, wrap("operations", err)
	}
	// The window's files by ID: claims are counted through claims_file
	// (and the rejected ones through claims_rejected_file) for exactly
	// these, where a join would have the planner read the whole table
	// for a week's quarter of it.
	files := []int64{}
	for rows.Next() {
		var c edigw.OutcomeCount
		var ids []int64
		if err := rows.Scan(&c.Period, &c.Outcome, &c.Files, &ids); err != nil {
			rows.Close()
			return nil, wrap("operations", err)
		}
		ops.Inbound = append(ops.Inbound, c)
		ops.Files += c.Files
		files = append(files, ids...)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, wrap("operations", err)
	}
	var claims, overdue []edigw.ReasonCount
	counts := []struct {
		to  *[]edigw.ReasonCount
		sql string
		arg any
	}{
		{&claims, `SELECT '', count(*) FROM claims WHERE file_id = ANY($1::bigint[])`, files},
		// A ledger reason names the file and the place; its last
		// bracketed part is the acknowledgment code ([IK502=4],
		// [TA105=022]), by which rejections are counted.
		{&ops.FileRejections, `SELECT coalesce(substring(reason from '\[([A-Z0-9]+=[^]]+)\][^[]*$'), 'other'), count(*)
			FROM files WHERE direction = 'inbound' AND parent_id IS NULL
			AND created_at >= $1 AND status = 'rejected' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10`, since},
		{&ops.ClaimRejections, `SELECT status_reason, count(*) FROM claims
			WHERE file_id = ANY($1::bigint[]) AND status = 'rejected' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10`, files},
		{&ops.Queued, `SELECT kind, count(*) FROM claims WHERE outbound_state = 'queued' AND $1::timestamptz IS NOT NULL GROUP BY 1
			UNION ALL SELECT 'authorization', count(*) FROM authorizations WHERE outbound_state = 'queued' HAVING count(*) > 0
			ORDER BY 1`, since},
		{&ops.Authorizations, `SELECT status, count(*) FROM authorizations WHERE received_at >= $1 GROUP BY 1 ORDER BY 1`, since},
		{&overdue, `SELECT '', count(*) FROM authorizations
			WHERE decided_at IS NULL AND decision_due < now() AND status = 'Pending' AND $1::timestamptz IS NOT NULL`, since},
	}
	errs := make([]error, len(counts))
	var wg sync.WaitGroup
	for i, c := range counts {
		wg.Go(func() {
			rows, err := db.pool.Query(ctx, c.sql, c.arg)
			if err != nil {
				errs[i] = err
				return
			}
			defer rows.Close()
			for rows.Next() {
				var rc edigw.ReasonCount
				if err := rows.Scan(&rc.Label, &rc.Count); err != nil {
					errs[i] = err
					return
				}
				*c.to = append(*c.to, rc)
			}
			errs[i] = rows.Err()
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, wrap("operations", err)
		}
	}
	ops.Claims = claims[0].Count
	ops.DecisionsOverdue = overdue[0].Count
	return ops, nil
}
