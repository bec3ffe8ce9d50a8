package storage

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/edigw/edigw"
)

// Claim search at 1,000,000 claims (docs/benchmarks.md, "Claim search").

const (
	searchClaims    = 1_000_000
	searchProviders = 200 // 5,000 claims each, interleaved as files bring them
)

// searchProvider is provider p's TIN and NPI (any ten digits: the search
// does not check digits).
func searchProvider(p int) (tin, npi string) {
	return fmt.Sprintf("9%08d", p), fmt.Sprintf("8%09d", p)
}

// searchStatus spreads statuses as a payer's book looks after a while:
// most claims paid, a few rejected or denied.
func searchStatus(i int) edigw.ClaimStatus {
	switch r := i % 100; {
	case r < 70:
		return edigw.ClaimPaid
	case r < 85:
		return edigw.ClaimAccepted
	case r < 90:
		return edigw.ClaimPartiallyPaid
	case r < 95:
		return edigw.ClaimDenied
	case r < 99:
		return edigw.ClaimRejected
	}
	return edigw.ClaimProcessed
}

// loadSearchClaims copies n claims into the claims table in one COPY:
// the columns a search reads, a small record (the search decodes it), one
// service date a claim over 2025. Claims of provider p carry PCN-p-i; a
// claim of providers 0 and 1 each carries SHARED.
func loadSearchClaims(b *testing.B, db *DB, n int) {
	b.Helper()
	day0 := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	i := 0
	src := pgx.CopyFromFunc(func() ([]any, error) {
		if i == n {
			return nil, nil
		}
		p := i % searchProviders
		tin, npi := searchProvider(p)
		pcn := fmt.Sprintf("PCN-%d-%d", p, i)
		if i < 2 {
			pcn = "SHARED"
		}
		day := day0.AddDate(0, 0, i*365/n)
		status := searchStatus(i / searchProviders) // each provider's claims in the same mix
		rec := fmt.Sprintf(`{"payerId":"62308","kind":"professional","patientControlNumber":%q,"totalCharge":"100.00","billingProvider":{"name":"P","idQualifier":"XX","id":%q,"taxId":%q},"lines":[]}`, pcn, npi, tin)
		i++
		return []any{"62308", "professional", "inbound", pcn, npi, tin, int64(10000), day, day, string(status), rec}, nil
	})
	bulkLoad(b, db, "claims", []string{"payer_id", "kind", "direction", "patient_control_number",
		"billing_npi", "billing_tin", "total_charge", "service_from", "service_to", "status", "record"}, src, n, "claims")
}

// BenchmarkSearchClaims times GET /v1/claims' store query at 1,000,000
// claims, for a token scoped to one provider (TIN and NPI) and for
// operators, a page of 100 each.
func BenchmarkSearchClaims(b *testing.B) {
	db, _ := openDB(b)
	loadSearchClaims(b, db, searchClaims)
	tin, npi := searchProvider(7)
	scope := &edigw.Scope{TINs: []string{tin}, NPIs: []string{npi}}
	ctx := context.Background()
	firstPage, err := db.SearchClaims(ctx, edigw.ClaimFilter{Limit: 100}, scope)
	if err != nil || len(firstPage) != 100 {
		b.Fatalf("first page: %d %v", len(firstPage), err)
	}
	middle := int64(searchClaims / 2)
	jan := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name  string
		f     edigw.ClaimFilter
		scope *edigw.Scope
		want  int // the page's size, -1: any
	}{
		{"scoped/first-page", edigw.ClaimFilter{Limit: 100}, scope, 100},
		{"scoped/middle-page", edigw.ClaimFilter{After: middle, Limit: 100}, scope, 100},
		{"scoped/patient-control-number", edigw.ClaimFilter{PatientControlNumber: fmt.Sprintf("PCN-7-%d", 7+200*2500)}, scope, 1},
		{"scoped/another-provider's-number", edigw.ClaimFilter{PatientControlNumber: "PCN-8-8"}, scope, 0},
		{"scoped/shared-number", edigw.ClaimFilter{PatientControlNumber: "SHARED"}, &edigw.Scope{NPIs: []string{"8000000001"}}, 1},
		{"scoped/npi", edigw.ClaimFilter{NPI: npi, Limit: 100}, scope, 100},
		{"scoped/status-rejected", edigw.ClaimFilter{Statuses: []edigw.ClaimStatus{edigw.ClaimRejected}, Limit: 100}, scope, 100},
		{"scoped/status-processed", edigw.ClaimFilter{Statuses: []edigw.ClaimStatus{edigw.ClaimProcessed}, Limit: 100}, scope, 50},
		{"scoped/one-month", edigw.ClaimFilter{From: jan, To: jan.AddDate(0, 1, 0).Add(-24 * time.Hour), Limit: 100}, scope, 100},
		{"operator/first-page", edigw.ClaimFilter{Limit: 100}, nil, 100},
		{"operator/patient-control-number", edigw.ClaimFilter{PatientControlNumber: "SHARED"}, nil, 2},
		{"operator/status-rejected", edigw.ClaimFilter{Statuses: []edigw.ClaimStatus{edigw.ClaimRejected}, Limit: 100}, nil, 100},
	} {
		benchPage(b, c.name, "claims", c.want, func() ([]edigw.StoredClaim, error) { return db.SearchClaims(ctx, c.f, c.scope) })
	}
}
