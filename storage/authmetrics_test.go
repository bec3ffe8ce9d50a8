package storage

import (
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/edigw/edigw"
)

// metricsFixture stores, through the ingest path, A's requests R1 to R7
// and B's B1, their responses, and a response that matches no request;
// then sets the lifecycle columns of migration 0014 (certification_type
// too) with SQL. Those are h/authlife's to fill at ingest and when
// responses are applied (issue 14, section 1); here they are set by hand
// on the rows the ingest stored, so that the report's numbers can be
// checked exactly:
//
//	R1 2026-01-05 commercial / dme          approved  24 h, within the profile's clock
//	R2 2026-01-10 medicare_advantage / dme  denied    48 h, late for the profile, within the regulatory clock
//	R3 2026-01-20 medicare_advantage / hh   partial   72 h, within both (regulatory: exactly on time)
//	R4 2026-02-02 commercial / dme          pended (A4), still pending
//	R5 2026-02-03 commercial / dme          cancelled after 12 h (not timed)
//	R6 2026-02-10 medicare_advantage / dme  appeal (2) of R2, approved: overturned
//	R7 2026-02-11 medicare_advantage / dme  appeal (1), denied
//	B1 2026-01-05 commercial / dme          B's, approved 10 h
func metricsFixture(t *testing.T, db *DB) {
	t.Helper()
	ctx := testCtx(t)
	var reqs, resps []*edigw.AuthorizationRequest
	for _, c := range []struct{ trace, tin, npi, action, cert string }{
		{"R1", tinA, npiA, "A1", "C1"}, {"R2", tinA, npiA, "A3", "C2"}, {"R3", tinA, npiA, "A2", "C3"},
		{"R4", tinA, npiA, "A4", ""}, {"R5", tinA, npiA, "CT", "C5"}, {"R6", tinA, npiA, "A1", "C6"},
		{"R7", tinA, npiA, "A3", "C7"}, {"B1", tinB, npiB, "A1", "CB1"},
	} {
		reqs = append(reqs, authRequest(c.trace, c.tin, c.npi))
		resps = append(resps, authResponse(c.trace, c.tin, c.npi, c.action, c.cert))
	}
	reqs[5].CertificationType, reqs[6].CertificationType = "2", "1"
	resps = append(resps, authResponse("NOREQUEST", tinA, npiA, "A1", "CX"))
	mustIngest(t, db, batch{auths: reqs})
	res := mustIngest(t, db, batch{auths: resps})
	if res.Unmatched != 1 {
		t.Fatalf("unmatched: %d", res.Unmatched)
	}
	for _, c := range []struct {
		trace, received, lob, kind string
		decidedAfter               string // hours after received, "" for none
		due, regulatoryDue         string // hours after received, "" for none
	}{
		{"R1", "2026-01-05 10:00", "commercial", "dme", "24", "48", ""},
		{"R2", "2026-01-10 00:00", "medicare_advantage", "dme", "48", "24", "168"},
		{"R3", "2026-01-20 00:00", "medicare_advantage", "home_health", "72", "96", "72"},
		{"R4", "2026-02-02 00:00", "commercial", "dme", "", "48", ""},
		{"R5", "2026-02-03 00:00", "commercial", "dme", "12", "48", ""},
		{"R6", "2026-02-10 00:00", "medicare_advantage", "dme", "10", "72", "72"},
		{"R7", "2026-02-11 00:00", "medicare_advantage", "dme", "20", "72", "72"},
		{"B1", "2026-01-05 00:00", "commercial", "dme", "10", "48", ""},
	} {
		hours := func(h string) any {
			if h == "" {
				return nil
			}
			return h + " hours"
		}
		if _, err := db.pool.Exec(ctx, `UPDATE authorizations SET received_at = ($2 || ' UTC')::timestamptz,
				information_complete_at = ($2 || ' UTC')::timestamptz,
				line_of_business = $3, category_kind = $4, category = upper($4), certification_type = record ->> 'certificationType',
				decided_at = ($2 || ' UTC')::timestamptz + $5::interval,
				decision_due = ($2 || ' UTC')::timestamptz + $6::interval,
				regulatory_decision_due = ($2 || ' UTC')::timestamptz + $7::interval
			WHERE trace_number = $1`, c.trace, c.received, c.lob, c.kind, hours(c.decidedAfter), hours(c.due),
			hours(c.regulatoryDue)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.pool.Exec(ctx, `UPDATE authorizations SET original_id = (SELECT id FROM authorizations WHERE trace_number = 'R2')
		WHERE trace_number = 'R6'`); err != nil {
		t.Fatal(err)
	}
	// The unmatched response is dated in the range too: it must not count.
	if _, err := db.pool.Exec(ctx, `UPDATE authorizations SET received_at = '2026-01-15 00:00 UTC', line_of_business = 'commercial'
		WHERE trace_number = 'NOREQUEST'`); err != nil {
		t.Fatal(err)
	}
}

func fp(v float64) *float64 { return &v }

// p90 is percentile_cont(0.9) of sorted values, as PostgreSQL computes it.
func p90(v ...float64) *float64 {
	row := 0.9 * float64(len(v)-1)
	lo := math.Floor(row)
	if lo == row {
		return &v[int(lo)]
	}
	r := v[int(lo)] + (row-lo)*(v[int(lo)+1]-v[int(lo)])
	return &r
}

// TestPriorAuthorizationMetrics checks every number of the report on the
// crafted data set, without groups, by month and line of business, by
// category, and in a provider's scope.
func TestPriorAuthorizationMetrics(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	metricsFixture(t, db)
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	scopeA := &edigw.Scope{TINs: []string{tinA}}
	for _, c := range []struct {
		name  string
		q     edigw.MetricsQuery
		scope *edigw.Scope
		want  []edigw.PriorAuthorizationMetrics
	}{
		{"A, all", edigw.MetricsQuery{}, scopeA, []edigw.PriorAuthorizationMetrics{{
			Requests: 5, Approved: 1, PartiallyApproved: 1, Denied: 1, Cancelled: 1, Pending: 1, Pended: 1,
			ApprovalRate: fp(2.0 / 3), Timed: 3, AverageDecisionHours: fp(48), P90DecisionHours: p90(24, 48, 72),
			WithinProfileClock: fp(2.0 / 3), WithinRegulatoryClock: fp(1), Appeals: 2, Overturned: 1, OverturnRate: fp(0.5)}}},
		{"operator, January, by payer", edigw.MetricsQuery{From: day("2026-01-01"), To: day("2026-01-31"),
			GroupBy: []edigw.MetricsGrouping{edigw.GroupByPayer}}, nil, []edigw.PriorAuthorizationMetrics{{
			PayerID: edigw.Cigna, Payer: "Cigna Healthcare",
			Requests: 4, Approved: 2, PartiallyApproved: 1, Denied: 1, ApprovalRate: fp(3.0 / 4), Timed: 4,
			AverageDecisionHours: fp(38.5), P90DecisionHours: p90(10, 24, 48, 72),
			WithinProfileClock: fp(3.0 / 4), WithinRegulatoryClock: fp(1)}}},
		{"A by month and line of business", edigw.MetricsQuery{GroupBy: []edigw.MetricsGrouping{edigw.GroupByMonth, edigw.GroupByLineOfBusiness}},
			scopeA, []edigw.PriorAuthorizationMetrics{
				{Period: "2026-01-01", LineOfBusiness: "commercial", Requests: 1, Approved: 1, ApprovalRate: fp(1), Timed: 1,
					AverageDecisionHours: fp(24), P90DecisionHours: fp(24), WithinProfileClock: fp(1)},
				{Period: "2026-01-01", LineOfBusiness: "medicare_advantage", Requests: 2, PartiallyApproved: 1, Denied: 1,
					ApprovalRate: fp(0.5), Timed: 2, AverageDecisionHours: fp(60), P90DecisionHours: p90(48, 72),
					WithinProfileClock: fp(0.5), WithinRegulatoryClock: fp(1)},
				{Period: "2026-02-01", LineOfBusiness: "commercial", Requests: 2, Cancelled: 1, Pending: 1, Pended: 1},
				{Period: "2026-02-01", LineOfBusiness: "medicare_advantage", Appeals: 2, Overturned: 1, OverturnRate: fp(0.5)},
			}},
		{"A by category and week, in February", edigw.MetricsQuery{From: day("2026-02-01"),
			GroupBy: []edigw.MetricsGrouping{edigw.GroupByCategory, edigw.GroupByWeek}}, scopeA, []edigw.PriorAuthorizationMetrics{
			{Period: "2026-02-02", CategoryKind: "dme", Category: "DME", Requests: 2, Cancelled: 1, Pending: 1, Pended: 1},
			{Period: "2026-02-09", CategoryKind: "dme", Category: "DME", Appeals: 2, Overturned: 1, OverturnRate: fp(0.5)},
		}},
		{"B's scope by day", edigw.MetricsQuery{GroupBy: []edigw.MetricsGrouping{edigw.GroupByDay}}, &edigw.Scope{NPIs: []string{npiB}},
			[]edigw.PriorAuthorizationMetrics{{Period: "2026-01-05", Requests: 1, Approved: 1, ApprovalRate: fp(1), Timed: 1,
				AverageDecisionHours: fp(10), P90DecisionHours: fp(10), WithinProfileClock: fp(1)}}},
		{"nothing in range", edigw.MetricsQuery{From: day("2027-01-01")}, nil, []edigw.PriorAuthorizationMetrics{{}}},
		{"nothing in range, grouped", edigw.MetricsQuery{From: day("2027-01-01"), GroupBy: []edigw.MetricsGrouping{edigw.GroupByMonth}}, nil, nil},
	} {
		got, err := db.PriorAuthorizationMetrics(ctx, c.q, c.scope)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if len(got) != len(c.want) {
			t.Errorf("%s: %d rows, want %d: %+v", c.name, len(got), len(c.want), got)
			continue
		}
		for i := range got {
			if !metricsEqual(got[i], c.want[i]) {
				t.Errorf("%s, row %d:\n got %s\nwant %s", c.name, i, metricsString(got[i]), metricsString(c.want[i]))
			}
		}
	}
	if _, err := db.PriorAuthorizationMetrics(ctx, edigw.MetricsQuery{GroupBy: []edigw.MetricsGrouping{edigw.GroupByDay, edigw.GroupByMonth}}, nil); err == nil {
		t.Error("two periods: no error")
	}
}

// metricsEqual compares two rows, the floats to 1e-9.
func metricsEqual(a, b edigw.PriorAuthorizationMetrics) bool {
	fs := func(m *edigw.PriorAuthorizationMetrics) []**float64 {
		return []**float64{&m.ApprovalRate, &m.AverageDecisionHours, &m.P90DecisionHours, &m.WithinProfileClock,
			&m.WithinRegulatoryClock, &m.OverturnRate}
	}
	fa, fb := fs(&a), fs(&b)
	for i := range fa {
		x, y := *fa[i], *fb[i]
		if (x == nil) != (y == nil) || x != nil && math.Abs(*x-*y) > 1e-9 {
			return false
		}
		*fa[i], *fb[i] = nil, nil
	}
	return a == b
}

func metricsString(m edigw.PriorAuthorizationMetrics) string {
	f := func(v *float64) string {
		if v == nil {
			return "null"
		}
		return fmt.Sprint(*v)
	}
	return fmt.Sprintf("%s %s %s %s/%s requests=%d approved=%d partial=%d denied=%d cancelled=%d pending=%d pended=%d "+
		"rate=%s timed=%d avg=%s p90=%s profile=%s regulatory=%s appeals=%d overturned=%d overturnRate=%s",
		m.Period, m.PayerID, m.LineOfBusiness, m.CategoryKind, m.Category, m.Requests, m.Approved, m.PartiallyApproved,
		m.Denied, m.Cancelled, m.Pending, m.Pended, f(m.ApprovalRate), m.Timed, f(m.AverageDecisionHours),
		f(m.P90DecisionHours), f(m.WithinProfileClock), f(m.WithinRegulatoryClock), m.Appeals, m.Overturned, f(m.OverturnRate))
}

// TestPriorAuthorizationMetricsCountOnlyTheRequester: A's request naming
// B's NPI as its service provider is on B's worklist (B performs the
// service), but it is A's turnaround, never in B's report: otherwise any
// requester could skew another practice's approval rate.
func TestPriorAuthorizationMetricsCountOnlyTheRequester(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	req := authRequest("SJ1", tinA, npiA)
	req.Providers = []edigw.ReviewParty{{Role: "SJ", Party: provider("", npiB)}}
	resp := authResponse("SJ1", tinA, npiA, "A3", "CSJ1")
	resp.Providers = req.Providers
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{req}})
	mustIngest(t, db, batch{auths: []*edigw.AuthorizationRequest{resp}})
	for _, scopeB := range []*edigw.Scope{{NPIs: []string{npiB}}, {TINs: []string{tinB}, NPIs: []string{npiB}}} {
		listed, err := db.Authorizations(ctx, edigw.AuthorizationFilter{}, scopeB)
		if err != nil {
			t.Fatal(err)
		}
		if len(listed) != 1 {
			t.Fatalf("B's worklist: %d requests, want A's request naming B as service provider", len(listed))
		}
		got, err := db.PriorAuthorizationMetrics(ctx, edigw.MetricsQuery{}, scopeB)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range got {
			if m.Requests != 0 || m.Denied != 0 {
				t.Errorf("scope %+v: B's report counts A's request: %+v", scopeB, m)
			}
		}
	}
	got, err := db.PriorAuthorizationMetrics(ctx, edigw.MetricsQuery{}, &edigw.Scope{TINs: []string{tinA}})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Requests != 1 || got[0].Denied != 1 {
		t.Errorf("A's report: %+v, want its one denied request", got)
	}
}
