package storage

import (
	"context"
	"crypto/sha256"
	"fmt"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/edigw/edigw"
)

// The authorization worklist at 1,000,000 requests (docs/benchmarks.md,
// "Authorization worklist"). Skipped in normal runs, as every benchmark:
// go test -run '^$' -bench BenchmarkAuthorizationWorklist -benchtime 20x ./storage

const (
	worklistRequests  = 1_000_000
	worklistProviders = 200 // 5,000 requests each, interleaved as files bring them
)

// worklistStatus spreads statuses as a payer's book looks: most approved.
func worklistStatus(i int) edigw.AuthorizationStatus {
	switch r := i % 100; {
	case r < 60:
		return edigw.AuthApproved
	case r < 75:
		return edigw.AuthPending
	case r < 85:
		return edigw.AuthPartiallyApproved
	case r < 98:
		return edigw.AuthDenied
	}
	return edigw.AuthCancelled
}

var worklistProcedures = []string{"E0250", "E0601", "K0001", "E1390", "G0151", "97110", "E0431", "A4253"}

// loadWorklist copies n requests into the authorizations table in one
// COPY (the generated search columns computed as at insert): request i is
// provider i%200's, every tenth of a provider's names only its NPI, patients
// are LAST<k> FIRST<k> with member M<k> (k = i/5: five requests each),
// certifications C<i> and traces T<i>, received over 2025.
func loadWorklist(b *testing.B, db *DB, n int) {
	b.Helper()
	day0 := time.Date(2025, 1, 1, 12, 0, 0, 0, time.UTC)
	i := 0
	src := pgx.CopyFromFunc(func() ([]any, error) {
		if i == n {
			return nil, nil
		}
		p := i % worklistProviders
		tin, npi := searchProvider(p)
		var rowTIN any = tin
		if (i/worklistProviders)%10 == 0 {
			rowTIN = nil
		}
		k := i / 5
		status := worklistStatus(i / worklistProviders)
		var cert any
		if status != edigw.AuthPending {
			cert = fmt.Sprintf("C%d", i)
		}
		proc := worklistProcedures[i%len(worklistProcedures)]
		rec := fmt.Sprintf(`{"payerId":"62308","traceNumber":"T%d","requester":{"role":"1P","name":"CLINIC %d","idQualifier":"XX","id":%q},`+
			`"subscriber":{"lastName":"LAST%d","firstName":"FIRST%d","memberId":"M%d"},"placeOfService":"%d",`+
			`"requestCategory":"HS","certificationType":"I","services":[{"procedureQualifier":"HC","procedureCode":%q,"quantity":"1"}],"status":%q}`,
			i, p, npi, k, k, k, 11+i%3, proc, status)
		received := day0.Add(time.Duration(i) * (365 * 24 * time.Hour / time.Duration(n)))
		var end any
		if status == edigw.AuthApproved || status == edigw.AuthPartiallyApproved {
			end = received.AddDate(0, 0, 90)
		}
		i++
		return []any{"62308", "inbound", fmt.Sprintf("T%d", i-1), cert, string(status), npi, rowTIN, []string{npi}, end, received, rec}, nil
	})
	bulkLoad(b, db, "authorizations", []string{"payer_id", "direction", "trace_number",
		"certification_number", "status", "requester_npi", "requester_tin", "provider_npis", "effective_to", "received_at", "record"}, src, n, "requests")
}

// BenchmarkAuthorizationWorklist times GET /v1/authorizations' store
// query (and the tab counts) at 1,000,000 requests, for a token scoped to
// one provider (TIN and NPI), a token of the TIN alone (its NPI declared
// under it), and operators; a page of 50 each.
func BenchmarkAuthorizationWorklist(b *testing.B) {
	db, _ := openDB(b)
	loadWorklist(b, db, worklistRequests)
	ctx := context.Background()
	tin, npi := searchProvider(7)
	scope := &edigw.Scope{TINs: []string{tin}, NPIs: []string{npi}}
	hash := sha256.Sum256([]byte("declared"))
	if _, err := db.CreateToken(ctx, &edigw.Token{Name: "declared", Scope: *scope}, hash[:]); err != nil {
		b.Fatal(err)
	}
	tinOnly := &edigw.Scope{TINs: []string{tin}}
	_, otherNPI := searchProvider(8)
	mine, other := 7+200*2500, 8+200*2500 // a request of provider 7's (naming only its NPI), one of 8's
	june := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	denied := []edigw.AuthorizationStatus{edigw.AuthDenied}
	pending := []edigw.AuthorizationStatus{edigw.AuthPending}
	for _, c := range []struct {
		name  string
		f     edigw.AuthorizationFilter
		scope *edigw.Scope
		want  int // the page's size, -1: any
	}{
		{"scoped/first-page", edigw.AuthorizationFilter{Limit: 50}, scope, 50},
		{"scoped/middle-page", edigw.AuthorizationFilter{After: worklistRequests / 2, Limit: 50}, scope, 50},
		{"scoped/tab-denied", edigw.AuthorizationFilter{Statuses: denied, Limit: 50}, scope, 50},
		{"scoped/tab-pending", edigw.AuthorizationFilter{Statuses: pending, Limit: 50}, scope, 50},
		{"scoped/q-request-id", edigw.AuthorizationFilter{Query: fmt.Sprint(mine + 1)}, scope, 1},
		{"scoped/q-certification", edigw.AuthorizationFilter{Query: fmt.Sprintf("C%d", mine)}, scope, 1},
		{"scoped/q-trace", edigw.AuthorizationFilter{Query: fmt.Sprintf("T%d", mine)}, scope, 1},
		{"scoped/q-another-provider's-certification", edigw.AuthorizationFilter{Query: fmt.Sprintf("C%d", other)}, scope, 0},
		{"scoped/q-member", edigw.AuthorizationFilter{Query: fmt.Sprintf("M%d", mine/5)}, scope, 1},
		{"scoped/q-name", edigw.AuthorizationFilter{Query: fmt.Sprintf("last%d", mine/5)}, scope, 1},
		{"scoped/q-name-prefix", edigw.AuthorizationFilter{Query: "LAST1234", Limit: 50}, scope, -1},
		{"scoped/q-one-letter", edigw.AuthorizationFilter{Query: "L", Limit: 50}, scope, 50},
		{"scoped/q-name-prefix-10%", edigw.AuthorizationFilter{Query: "last1", Limit: 50}, scope, 50},
		{"scoped/q-name-prefix-1%-denied", edigw.AuthorizationFilter{Query: "last12", Statuses: denied, Limit: 50}, scope, -1},
		{"scoped/patient-one-letter", edigw.AuthorizationFilter{Patient: "F", Limit: 50}, scope, 50},
		{"scoped/patient", edigw.AuthorizationFilter{Patient: fmt.Sprintf("LAST%d, FIRST%d", mine/5, mine/5)}, scope, 1},
		{"scoped/procedure", edigw.AuthorizationFilter{Procedure: "E0601", Limit: 50}, scope, 0},
		{"scoped/procedure-own", edigw.AuthorizationFilter{Procedure: worklistProcedures[7], Limit: 50}, scope, 50},
		{"scoped/ordering-npi", edigw.AuthorizationFilter{OrderingNPI: npi, Limit: 50}, scope, 50},
		{"scoped/another-ordering-npi", edigw.AuthorizationFilter{OrderingNPI: otherNPI, Limit: 50}, scope, 0},
		{"scoped/site-of-service", edigw.AuthorizationFilter{SiteOfService: "12", Limit: 50}, scope, 50},
		{"scoped/one-month", edigw.AuthorizationFilter{From: june, To: june.AddDate(0, 1, -1), Limit: 50}, scope, 50},
		{"scoped/denied-one-month", edigw.AuthorizationFilter{Statuses: denied, From: june, To: june.AddDate(0, 1, -1), Limit: 50}, scope, 50},
		{"tin-only/first-page", edigw.AuthorizationFilter{Limit: 50}, tinOnly, 50},
		{"tin-only/q-npi-only-request", edigw.AuthorizationFilter{Query: fmt.Sprintf("T%d", mine)}, tinOnly, 1},
		{"operator/first-page", edigw.AuthorizationFilter{Limit: 50}, nil, 50},
		{"operator/tab-cancelled", edigw.AuthorizationFilter{Statuses: []edigw.AuthorizationStatus{edigw.AuthCancelled}, Limit: 50}, nil, 50},
		{"operator/q-certification", edigw.AuthorizationFilter{Query: fmt.Sprintf("C%d", other)}, nil, 1},
		{"operator/q-member", edigw.AuthorizationFilter{Query: fmt.Sprintf("M%d", other/5)}, nil, 5},
		{"operator/q-name-prefix", edigw.AuthorizationFilter{Query: "last1234", Limit: 50}, nil, 50},
		{"operator/procedure", edigw.AuthorizationFilter{Procedure: "E0601", Limit: 50}, nil, 50},
		{"operator/ordering-npi", edigw.AuthorizationFilter{OrderingNPI: otherNPI, Limit: 50}, nil, 50},
		{"operator/one-month", edigw.AuthorizationFilter{From: june, To: june.AddDate(0, 1, -1), Limit: 50}, nil, 50},
	} {
		benchPage(b, c.name, "requests", c.want, func() ([]edigw.AuthorizationListItem, error) { return db.Authorizations(ctx, c.f, c.scope) })
	}
	// The prior-authorization report over every request, by month (13:
	// the last hours of the load fall on 2026-01-01), and a provider's
	// over a month.
	for _, c := range []struct {
		name  string
		q     edigw.MetricsQuery
		scope *edigw.Scope
		rows  int
	}{
		{"report/operator-year-by-month", edigw.MetricsQuery{GroupBy: []edigw.MetricsGrouping{edigw.GroupByMonth}}, nil, 13},
		{"report/provider-month", edigw.MetricsQuery{From: june, To: june.AddDate(0, 1, -1)}, scope, 1},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				rows, err := db.PriorAuthorizationMetrics(ctx, c.q, c.scope)
				if err != nil || len(rows) != c.rows {
					b.Fatalf("%d rows, %v: %+v", len(rows), err, rows)
				}
			}
		})
	}
	for _, c := range []struct {
		name  string
		f     edigw.AuthorizationFilter
		scope *edigw.Scope
		want  int
	}{
		{"counts/scoped", edigw.AuthorizationFilter{}, scope, 5000},
		{"counts/tin-only", edigw.AuthorizationFilter{}, tinOnly, 5000},
		{"counts/scoped-one-month", edigw.AuthorizationFilter{From: june, To: june.AddDate(0, 1, -1)}, scope, -1},
		{"counts/scoped-q-one-letter", edigw.AuthorizationFilter{Query: "L"}, scope, 5000},
		{"counts/scoped-q-name-prefix", edigw.AuthorizationFilter{Query: "last12"}, scope, -1},
		{"counts/scoped-q-member", edigw.AuthorizationFilter{Query: fmt.Sprintf("M%d", mine/5)}, scope, 1},
		{"counts/operator-q-member", edigw.AuthorizationFilter{Query: fmt.Sprintf("M%d", other/5)}, nil, 5},
		{"counts/operator", edigw.AuthorizationFilter{}, nil, worklistRequests},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				got, err := db.AuthorizationCounts(ctx, c.f, c.scope)
				if err != nil {
					b.Fatal(err)
				}
				if c.want >= 0 && got.All != c.want {
					b.Fatalf("%d requests, want %d", got.All, c.want)
				}
			}
		})
	}
}

// BenchmarkAddAuthorizations is what migration 0015 costs each stored
// 278 request: files of 1,000 requests ingested with the worklist's
// generated columns and indexes, and without them (dropped).
func BenchmarkAddAuthorizations(b *testing.B) {
	for _, with := range []bool{true, false} {
		name := "with-0015"
		if !with {
			name = "without-0015"
		}
		b.Run(name, func(b *testing.B) {
			db, _ := openDB(b)
			ctx := context.Background()
			if !with {
				for _, stmt := range []string{
					`DROP INDEX authorizations_requester_tin, authorizations_requester_npi, authorizations_other_npis,
						authorizations_received, authorizations_certification_number, authorizations_trace_number,
						authorizations_member_id, authorizations_patient_last, authorizations_patient_first,
						authorizations_procedure_codes`,
					`ALTER TABLE authorizations DROP COLUMN patient_last, DROP COLUMN patient_first, DROP COLUMN member_id,
						DROP COLUMN procedure_codes, DROP COLUMN place_of_service, DROP COLUMN facility_npi, DROP COLUMN other_npis`,
				} {
					if _, err := db.pool.Exec(ctx, stmt); err != nil {
						b.Fatal(err)
					}
				}
			}
			const perFile = 1000
			n := 0
			for b.Loop() {
				reqs := make([]*edigw.AuthorizationRequest, perFile)
				for i := range reqs {
					tin, npi := searchProvider(n % worklistProviders)
					reqs[i] = authRequest(fmt.Sprintf("T%d", n), tin, npi)
					reqs[i].Subscriber.LastName = fmt.Sprintf("LAST%d", n/5)
					n++
				}
				if _, err := ingestFile(ctx, db, batch{auths: reqs}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "requests/s")
		})
	}
}
