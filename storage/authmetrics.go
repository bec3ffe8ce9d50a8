package storage

import (
	"context"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/edigw/edigw"
)

// Prior-authorization metrics (GET /v1/reports/prior-authorization, edigw
// report prior-authorization; decision 0025). One query: the requests
// received in the range and the scope, grouped, counted and timed in SQL
// (percentile_cont for the 90th percentile) from the lifecycle columns
// of 0014; the rates are divided here.

// metricsKeys are the SQL of each grouping's columns, in the row's order:
// period, payer ID, payer name, line of business, category kind, category.
var metricsKeys = map[edigw.MetricsGrouping][]string{
	edigw.GroupByPayer:          {"r.payer_id", "coalesce(p.name, '')"},
	edigw.GroupByLineOfBusiness: {"coalesce(r.line_of_business, '')"},
	edigw.GroupByCategory:       {"coalesce(r.category_kind, '')", "coalesce(r.category, '')"},
}

func periodKey(g edigw.MetricsGrouping) string {
	unit := map[edigw.MetricsGrouping]string{edigw.GroupByMonth: "month", edigw.GroupByWeek: "week", edigw.GroupByDay: "day"}[g]
	return "to_char(date_trunc('" + unit + "', r.received_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD')"
}

// PriorAuthorizationMetrics reports the requests the scope's providers
// asked for (nil: all; a request naming them only as a service provider
// is someone else's turnaround) received in the query's range, per the query's groups, ordered by
// them. Which requests count: every stored request but a 278 response
// that matched none (stored as a record of its own, with a decision and
// no decision applied to it).
func (db *DB) PriorAuthorizationMetrics(ctx context.Context, mq edigw.MetricsQuery, scope *edigw.Scope) ([]edigw.PriorAuthorizationMetrics, error) {
	groups, err := edigw.ParseMetricsGroupings(groupingNames(mq.GroupBy))
	if err != nil {
		return nil, wrap("prior-authorization metrics", err)
	}
	s, err := db.authScopeOf(ctx, scope)
	if err != nil {
		return nil, err
	}
	cols := []string{"''", "''", "''", "''", "''", "''"}
	var groupBy []string
	for _, g := range groups {
		switch {
		case g.IsPeriod():
			cols[0] = periodKey(g)
			groupBy = append(groupBy, "1")
		case g == edigw.GroupByPayer:
			cols[1], cols[2] = metricsKeys[g][0], metricsKeys[g][1]
			groupBy = append(groupBy, "2", "3")
		case g == edigw.GroupByLineOfBusiness:
			cols[3] = metricsKeys[g][0]
			groupBy = append(groupBy, "4")
		case g == edigw.GroupByCategory:
			cols[4], cols[5] = metricsKeys[g][0], metricsKeys[g][1]
			groupBy = append(groupBy, "5", "6")
		}
	}
	q := &claimConds{}
	if !mq.From.IsZero() {
		q.add("a.received_at >= %s::date", mq.From.Format(time.DateOnly))
	}
	if !mq.To.IsZero() {
		q.add("a.received_at < %s::date + 1", mq.To.Format(time.DateOnly))
	}
	var c string
	c, q.args = s.requesterSQL("a.", q.args)
	q.conds = append(q.conds, c,
		`NOT (a.record ? 'decision' AND NOT EXISTS (SELECT 1 FROM authorization_decisions d WHERE d.authorization_id = a.id))`)
	grouping, ordering := "", ""
	if len(groupBy) > 0 {
		grouping = " GROUP BY " + strings.Join(groupBy, ", ")
		ordering = " ORDER BY " + strings.Join(groupBy, ", ")
	}
	// timed: a request (not an appeal) decided, not cancelled, with the
	// time its information was complete.
	const timed = `NOT appeal AND hours IS NOT NULL AND status <> 'Cancelled'`
	sql := `WITH r AS (
			SELECT a.*, coalesce(a.certification_type IN ('1', '2'), false) AS appeal,
				(extract(epoch FROM a.decided_at - a.information_complete_at) / 3600)::float8 AS hours,
				(a.hold_due_date IS NOT NULL OR EXISTS (SELECT 1 FROM authorization_decisions d
					WHERE d.authorization_id = a.id AND d.status = 'Pending')) AS pended
			FROM authorizations a WHERE ` + q.sql() + `)
		SELECT ` + strings.Join(cols, ", ") + `,
			count(*) FILTER (WHERE NOT appeal),
			count(*) FILTER (WHERE NOT appeal AND status = 'Approved'),
			count(*) FILTER (WHERE NOT appeal AND status = 'Partially Approved'),
			count(*) FILTER (WHERE NOT appeal AND status = 'Denied'),
			count(*) FILTER (WHERE NOT appeal AND status = 'Cancelled'),
			count(*) FILTER (WHERE NOT appeal AND status = 'Pending'),
			count(*) FILTER (WHERE NOT appeal AND pended),
			count(*) FILTER (WHERE ` + timed + `),
			avg(hours) FILTER (WHERE ` + timed + `),
			percentile_cont(0.9) WITHIN GROUP (ORDER BY hours) FILTER (WHERE ` + timed + `),
			count(*) FILTER (WHERE ` + timed + ` AND decision_due IS NOT NULL),
			count(*) FILTER (WHERE ` + timed + ` AND decided_at <= decision_due),
			count(*) FILTER (WHERE ` + timed + ` AND regulatory_decision_due IS NOT NULL),
			count(*) FILTER (WHERE ` + timed + ` AND decided_at <= regulatory_decision_due),
			count(*) FILTER (WHERE appeal),
			count(*) FILTER (WHERE appeal AND status IN ('Approved', 'Partially Approved')),
			count(*) FILTER (WHERE appeal AND status IN ('Approved', 'Partially Approved', 'Denied'))
		FROM r LEFT JOIN payers p ON p.id = r.payer_id` + grouping + ordering
	rows, err := db.pool.Query(ctx, sql, q.args...)
	if err != nil {
		return nil, wrap("prior-authorization metrics", err)
	}
	out, err := pgx.CollectRows(rows, scanMetrics)
	return out, wrap("prior-authorization metrics", err)
}

func groupingNames(gs []edigw.MetricsGrouping) []string {
	out := make([]string, len(gs))
	for i, g := range gs {
		out[i] = string(g)
	}
	return out
}

func scanMetrics(row pgx.CollectableRow) (edigw.PriorAuthorizationMetrics, error) {
	var m edigw.PriorAuthorizationMetrics
	var profileClocked, inProfile, regulatoryClocked, inRegulatory, appealsDecided int
	if err := row.Scan(&m.Period, &m.PayerID, &m.Payer, &m.LineOfBusiness, &m.CategoryKind, &m.Category,
		&m.Requests, &m.Approved, &m.PartiallyApproved, &m.Denied, &m.Cancelled, &m.Pending, &m.Pended,
		&m.Timed, &m.AverageDecisionHours, &m.P90DecisionHours, &profileClocked, &inProfile,
		&regulatoryClocked, &inRegulatory, &m.Appeals, &m.Overturned, &appealsDecided); err != nil {
		return m, err
	}
	m.ApprovalRate = share(m.Approved+m.PartiallyApproved, m.Approved+m.PartiallyApproved+m.Denied)
	m.WithinProfileClock = share(inProfile, profileClocked)
	m.WithinRegulatoryClock = share(inRegulatory, regulatoryClocked)
	m.OverturnRate = share(m.Overturned, appealsDecided)
	return m, nil
}

// share is n/of, nil when of is 0.
func share(n, of int) *float64 {
	if of == 0 {
		return nil
	}
	v := float64(n) / float64(of)
	return &v
}
